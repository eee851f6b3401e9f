/** @module Admin routes for the review queue, held and blocked feed items (bearer token required): validate, call src/, respond. */
import { Hono } from "hono";
import type { AppEnv } from "../src/env";
import { approveReview, rejectReview } from "../src/publishing/review";
import { ReviewParam, ReviewQuery } from "../src/schemas/rules";
import { storeWriter } from "../src/store/stub";
import { ApiError } from "./errors";
import { adminAuth, requireRole } from "./middleware/admin-auth";
import { validate } from "./middleware/validate";

const reviewId = validate("param", ReviewParam, { message: "invalid review item id" });

export const reviewRoutes = new Hono<AppEnv>()
	.use("/api/review", adminAuth, requireRole("editor"))
	.use("/api/review/*", adminAuth, requireRole("editor"))
	/** `{items: [{id, sourceId, itemKey, title, link, publishedAt, reason, rule?, note?, queuedAt}], next?}`, the newest first. */
	.get("/api/review", validate("query", ReviewQuery), async (c) => {
		const { limit, cursor } = c.req.valid("query");
		return c.json(await storeWriter(c.env).listReview(limit, cursor));
	})
	/** Publishes the item as the refresh would have; `{id, slug, url}`, or 404 for an unknown id. */
	.post("/api/review/:id/approve", reviewId, async (c) => {
		const approved = await approveReview(c.env, c.req.valid("param").id, c.var.now);
		if (!approved.ok) throw new ApiError(404, approved.error.detail);
		return c.json(approved.value);
	})
	/** Drops the item and leaves a tombstone, so the refresh never brings it back. 204, or 404 for an unknown id. */
	.post("/api/review/:id/reject", reviewId, async (c) => {
		const rejected = await rejectReview(c.env, c.req.valid("param").id, c.var.now);
		if (!rejected.ok) throw new ApiError(404, rejected.error.detail);
		return c.body(null, 204);
	});
