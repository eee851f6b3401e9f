/**
 * @module Cache-Control for every response a route didn't set one on. The reasoning is in docs/http.md.
 *
 * Pages and the JSON API print ages computed at request time, so whatever a shared cache hands
 * out must be under 60 s old. A shared cache may serve a response while it is fresh
 * (`s-maxage`) and then, while it revalidates in the background, for `stale-while-revalidate`
 * more: 30 + 20 = 50 s at most, leaving 10 s for the time the response spent in transit and
 * for caches that round `Age` up (RFC 9111 §4.2.3). `max-age=0` makes browsers revalidate on
 * every view; the ETag turns that into a body-less 304 when nothing changed, and between
 * views the live-age script keeps the open page current. `stale-if-error` is deliberately
 * absent: it would let a cache show hours-old ages during an outage.
 */
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../../src/env";
import { isDeskPage } from "../../src/views/desk/csp";

export const CACHE = {
	/** Anything that shows an age: pages, headlines and article JSON. Also their 404s. */
	live: "public, max-age=0, s-maxage=30, stale-while-revalidate=20",
	/** Feeds and sitemaps: no ages, absolute dates; new articles show up within five minutes. */
	listing: "public, max-age=300",
	/** Rarely changing documents (robots.txt, the OpenAPI description, the icon). */
	stable: "public, max-age=3600",
	/** Errors other than 404, writes, health checks. */
	none: "no-store",
	/** Anything asked for with credentials: never in a shared cache, whatever the route set. */
	private: "private, no-store",
} as const;

export const cacheControl = createMiddleware<AppEnv>(async (c, next) => {
	await next();
	// RFC 9111 §3.5 lets a shared cache store an authorized response marked `public` or with
	// `s-maxage`; admin answers must never be stored, so credentials override the route.
	if (c.req.header("authorization")) {
		c.res.headers.set("Cache-Control", CACHE.private);
		return;
	}
	if (c.res.headers.has("Cache-Control")) return;
	// The newsroom's pages are one person's (their name, their drafts): never stored by a shared cache.
	// Its static files set their own caching and so never reach this line.
	if (isDeskPage(c.req.path)) {
		c.res.headers.set("Cache-Control", CACHE.private);
		return;
	}
	const read = c.req.method === "GET" || c.req.method === "HEAD";
	const status = c.res.status;
	c.res.headers.set("Cache-Control", read && (status === 200 || status === 404) ? CACHE.live : CACHE.none);
});
