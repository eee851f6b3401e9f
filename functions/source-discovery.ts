/** @module `POST /api/sources/discover` (bearer token required): the feeds behind a page, each checked before it is offered. */
import { Hono } from "hono";
import type { AppEnv } from "../src/env";
import { discoverFeeds } from "../src/feeds/discover";
import { MAX_REDIRECTS, policyFromVars } from "../src/ingest/schedule";
import { DiscoverInput } from "../src/schemas/discovery";
import { adminAuth, requireRole } from "./middleware/admin-auth";
import { jsonRequest } from "./middleware/json-request";
import { validate } from "./middleware/validate";

export const sourceDiscoveryRoutes = new Hono<AppEnv>()
	.use("/api/sources/discover", adminAuth, requireRole("admin"))
	/** `{url, feeds: [{url, title, format, itemCount}], checked: [{url, via, outcome, error?, reason?}], message}`, always 200. */
	.post("/api/sources/discover", jsonRequest, validate("json", DiscoverInput), async (c) => {
		// The refresh's own limits, so an offered feed is one the refresh will fetch and parse.
		const policy = policyFromVars(c.env);
		const discovery = await discoverFeeds(c.req.valid("json").url, {
			timeoutMs: policy.fetchTimeoutMs,
			maxBytes: policy.maxFeedBytes,
			maxRedirects: MAX_REDIRECTS,
			userAgent: policy.userAgent,
			now: c.var.now,
			maxParseBytes: policy.parseBytesPerRun,
		});
		return c.json(discovery);
	});
