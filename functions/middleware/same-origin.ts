/**
 * @module The Origin/CSRF check for requests that ride on the session cookie, by `hono/csrf`.
 *
 * hono's csrf passes a request whose Sec-Fetch-Site is `same-origin` or whose Origin is the request's own,
 * but it only looks at the content types an HTML form can send: a JSON POST is let through unchecked,
 * since a browser must preflight it. A session is an ambient credential, so the desk asks hono's check
 * about every unsafe request whatever its content type: it hands hono the request's method, URL and
 * headers without the content type, which hono then treats as a form's (`text/plain`).
 */
import { Hono } from "hono";
import { csrf } from "hono/csrf";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../../src/env";
import { ApiError } from "../errors";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** hono's csrf in front of a handler that says yes: a 403 from it is its refusal. */
const originGate = new Hono().use(csrf()).all("*", (c) => c.body(null, 204));

/** Whether hono's csrf accepts the request as same-origin (a safe method always is). */
export async function isSameOrigin(request: Request): Promise<boolean> {
	if (SAFE_METHODS.has(request.method.toUpperCase())) return true;
	const headers = new Headers(request.headers);
	headers.delete("content-type");
	const answer = await originGate.request(new Request(request.url, { method: request.method, headers }));
	return answer.status !== 403;
}

export const CROSS_ORIGIN_MESSAGE =
	"forbidden: a request signed in by a session cookie must come from this site's own pages (Origin or Sec-Fetch-Site)";

/** Refuses (403) an unsafe request from another origin; for routes where every request may carry the cookie. */
export const sameOrigin = createMiddleware<AppEnv>(async (c, next) => {
	if (!(await isSameOrigin(c.req.raw))) throw new ApiError(403, CROSS_ORIGIN_MESSAGE);
	await next();
});
