/** @module The audit log (admin): every change, newest first, paged by `next`. */
import { Hono } from "hono";
import type { AppEnv } from "../src/env";
import { AuditQuery } from "../src/schemas/staff";
import { storeWriter } from "../src/store/stub";
import { adminAuth, requireRole } from "./middleware/admin-auth";
import { validate } from "./middleware/validate";

export const auditRoutes = new Hono<AppEnv>()
	.use("/api/audit", adminAuth, requireRole("admin"))
	/** `{entries: [{id, at, actor, via, method, path, status, detail?}], next?}`. */
	.get("/api/audit", validate("query", AuditQuery), async (c) => {
		const { limit, cursor } = c.req.valid("query");
		return c.json(await storeWriter(c.env).listAudit(limit, cursor === undefined ? undefined : Number(cursor)));
	});
