/**
 * @module The Hono app every edgewire Worker starts from: the request clock and the middleware order,
 * with the route modules mounted by the caller and the shared error handlers last.
 */
import { Hono, type MiddlewareHandler } from "hono";
import { etag } from "hono/etag";
import type { AppEnv } from "../src/env";
import { cacheControl } from "./middleware/cache-control";
import { requestClock } from "./middleware/request-clock";
import { securityHeaders } from "./middleware/security-headers";

/** `before` runs ahead of everything (the reader Worker's hand-off to the desk, which has its own). */
export function siteApp(before?: MiddlewareHandler<AppEnv>): Hono<AppEnv> {
	const app = new Hono<AppEnv>();
	if (before) app.use(before);
	return (
		app
			.use(requestClock)
			// Outermost to innermost: security headers go on everything, 304s included; the ETag is
			// computed over the final body and keeps the Cache-Control the route (or cacheControl) chose.
			.use(securityHeaders)
			.use(etag())
			.use(cacheControl)
	);
}
