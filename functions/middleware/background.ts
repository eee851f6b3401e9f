/** @module Work a response must not wait for (a WebSub hub's ping): handed to the invocation's `waitUntil`. */
import type { Context } from "hono";

/** `ctx.waitUntil(work)`; where the app runs without an execution context (a bare `app.fetch`), the work runs unawaited. */
export function inBackground(c: Context, work: Promise<unknown>): void {
	try {
		c.executionCtx.waitUntil(work);
	} catch {
		void work;
	}
}
