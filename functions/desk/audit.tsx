/** @module The audit log page (admin): GET /admin/audit, newest first, 50 a page, paged by `cursor`. */
import { Hono } from "hono";
import * as v from "valibot";
import { siteConfig } from "../../src/config";
import type { AppEnv } from "../../src/env";
import { AuditQuery } from "../../src/schemas/staff";
import { storeWriter } from "../../src/store/stub";
import { AuditPage } from "../../src/views/desk/audit-page";
import { ApiError } from "../errors";
import { requireRole } from "../middleware/admin-auth";
import { deskSession } from "../middleware/desk-session";

export const deskAuditRoutes = new Hono<AppEnv>()
	.use("/admin/audit", deskSession, requireRole("admin"))
	.get("/admin/audit", async (c) => {
		const cursor = c.req.query("cursor");
		const query = v.safeParse(AuditQuery, cursor ? { cursor } : {});
		if (!query.success) throw new ApiError(400, "That page of the audit log does not exist.");
		const { limit, cursor: before } = query.output;
		const page = await storeWriter(c.env).listAudit(limit, before === undefined ? undefined : Number(before));
		return c.html(
			<AuditPage
				actor={c.var.actor}
				entries={page.entries}
				next={page.next}
				paged={before !== undefined}
				timeZone={siteConfig(c.env).timeZone}
			/>,
		);
	});
