/** @module Admin routes for tombstones, the feed items editors took down (bearer token required): validate, call src/, respond. */
import { Hono } from "hono";
import type { AppEnv } from "../src/env";
import { TombstoneParam } from "../src/schemas/tombstone";
import { storeWriter } from "../src/store/stub";
import { ApiError } from "./errors";
import { adminAuth, requireRole } from "./middleware/admin-auth";
import { validate } from "./middleware/validate";

export const tombstoneRoutes = new Hono<AppEnv>()
	.use("/api/tombstones", adminAuth, requireRole("editor"))
	.use("/api/tombstones/*", adminAuth, requireRole("editor"))
	/** `{tombstones: [{id, sourceId, itemKey, slug, title, link, deletedAt}]}`, the latest first. */
	.get("/api/tombstones", async (c) => c.json(await storeWriter(c.env).listTombstones()))
	/** Lifts one: the item comes back at its feed's next change. 204, or 404 for an unknown id. */
	.delete("/api/tombstones/:id", validate("param", TombstoneParam, { message: "invalid tombstone id" }), async (c) => {
		const lifted = await storeWriter(c.env).liftTombstone(c.req.valid("param").id);
		if (!lifted.ok) throw new ApiError(404, lifted.error.detail);
		return c.body(null, 204);
	});
