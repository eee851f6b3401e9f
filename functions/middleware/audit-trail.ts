/**
 * @module The audit log's one writer: every successful unsafe request (POST, PUT, PATCH, DELETE) made
 * by an actor is recorded with who, by which credential, the method, path and status, and when. A
 * handler may add a short note with `c.set("auditDetail", "…")`, or leave a POST that changes nothing
 * out with `c.set("notAChange", true)` (a preview, or an autosave folded into its revision: either comes every few seconds and would flood it); a sign-in sets the actor itself, so
 * it is recorded as the person who signed in.
 */
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../../src/env";
import { storeWriter } from "../../src/store/stub";

const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export const auditTrail = createMiddleware<AppEnv>(async (c, next) => {
	await next();
	if (!UNSAFE.has(c.req.method)) return;
	const actor = c.get("actor");
	const status = c.res.status;
	if (!actor || status >= 400 || c.get("notAChange")) return;
	const detail = c.get("auditDetail");
	try {
		// Awaited: a change is answered once its entry is stored (one small synchronous insert in the StoreWriter).
		await storeWriter(c.env).appendAudit({
			at: c.var.now.toISOString(),
			actor,
			method: c.req.method,
			path: new URL(c.req.url).pathname,
			status,
			...(detail === undefined ? {} : { detail }),
		});
	} catch (error) {
		// The change itself is done; losing its entry is logged, not turned into a failed request.
		console.error(JSON.stringify({ event: "audit.write_failed", path: c.req.path, error: String(error) }));
	}
});
