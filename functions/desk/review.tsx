/**
 * @module The review queue page (editors): /admin/review lists the held and blocked feed items, and
 * its Approve and Reject buttons post to the same src/ calls as `POST /api/review/:id/approve|reject`,
 * answered by a redirect and a flash message.
 */
import { Hono } from "hono";
import { siteConfig } from "../../src/config";
import type { AppEnv } from "../../src/env";
import { approveReview, rejectReview } from "../../src/publishing/review";
import { ReviewParam, ReviewQuery } from "../../src/schemas/rules";
import { storeWriter } from "../../src/store/stub";
import { ReviewPage } from "../../src/views/desk/sources/review-page";
import { ApiError } from "../errors";
import { requireRole } from "../middleware/admin-auth";
import { deskSession } from "../middleware/desk-session";
import { validate } from "../middleware/validate";
import { setFlash, takeFlash } from "./flash-cookie";

const QUEUE = "/admin/review";
const reviewId = validate("param", ReviewParam, { status: 404, message: "there is no such review item" });

export const reviewDeskRoutes = new Hono<AppEnv>()
	// "…/*" matches the bare path too, so the guard (a session look-up) runs once a request.
	.use(`${QUEUE}/*`, deskSession, requireRole("editor"))
	.get(QUEUE, validate("query", ReviewQuery), async (c) => {
		const { limit, cursor } = c.req.valid("query");
		const writer = storeWriter(c.env);
		const [list, names] = await Promise.all([writer.listReview(limit, cursor), writer.sourceNames()]);
		const { timeZone } = siteConfig(c.env);
		return c.html(
			<ReviewPage
				actor={c.var.actor}
				list={list}
				names={new Map(Object.entries(names))}
				timeZone={timeZone}
				flash={takeFlash(c)}
			/>,
		);
	})
	.post(`${QUEUE}/:id/approve`, reviewId, async (c) => {
		const { id } = c.req.valid("param");
		const approved = await approveReview(c.env, id, c.var.now);
		if (!approved.ok) throw new ApiError(404, approved.error.detail);
		c.set("auditDetail", `approved review item ${id} as ${approved.value.slug}`);
		setFlash(c, { kind: "ok", lines: [`Approved: it is live at ${approved.value.url}.`] });
		return c.redirect(QUEUE, 303);
	})
	.post(`${QUEUE}/:id/reject`, reviewId, async (c) => {
		const { id } = c.req.valid("param");
		const rejected = await rejectReview(c.env, id, c.var.now);
		if (!rejected.ok) throw new ApiError(404, rejected.error.detail);
		c.set("auditDetail", `rejected review item ${id}`);
		setFlash(c, { kind: "ok", lines: ["Rejected: it is taken down, and no refresh brings it back."] });
		return c.redirect(QUEUE, 303);
	});
