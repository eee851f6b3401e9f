/** @module Security headers on every response, errors and 304s included (it runs outermost). */
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../../src/env";
import { contentSecurityPolicy } from "../../src/views/csp";
import { DESK_CSP, isDeskPage } from "../../src/views/desk/csp";

/** Fixed headers; the CSP joins them on first use (its hashes are computed once per isolate). */
const FIXED: ReadonlyArray<[string, string]> = [
	["X-Content-Type-Options", "nosniff"],
	// Other sites learn which site sent a reader, never which page (the path may name a story).
	["Referrer-Policy", "strict-origin-when-cross-origin"],
	// Legacy twin of CSP `frame-ancestors 'none'`, for browsers that predate it.
	["X-Frame-Options", "DENY"],
	["Cross-Origin-Opener-Policy", "same-origin"],
	["Permissions-Policy", "camera=(), microphone=(), geolocation=(), browsing-topics=()"],
];

/** HSTS only means something over https (browsers ignore it on http, e.g. `wrangler dev`). */
const HSTS = "max-age=31536000";

export const securityHeaders = createMiddleware<AppEnv>(async (c, next) => {
	await next();
	let headers = c.res.headers;
	// The newsroom (/admin) has its own policy: no inline code, its files served from /admin/assets/.
	const policy = isDeskPage(c.req.path) ? DESK_CSP : await contentSecurityPolicy();
	try {
		headers.set("Content-Security-Policy", policy);
	} catch {
		// A response with immutable headers (one passed through from fetch) is copied first.
		c.res = new Response(c.res.body, c.res);
		headers = c.res.headers;
		headers.set("Content-Security-Policy", policy);
	}
	for (const [name, value] of FIXED) headers.set(name, value);
	if (c.req.url.startsWith("https:")) headers.set("Strict-Transport-Security", HSTS);
});
