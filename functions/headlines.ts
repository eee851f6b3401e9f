/** @module `GET /api/headlines`: the latest headlines as JSON, one KV read (none when warm). */
import { Hono } from "hono";
import * as v from "valibot";
import { headlineJson } from "../src/api/representations";
import { siteConfig } from "../src/config";
import type { AppEnv } from "../src/env";
import { readHeadlines } from "../src/kv/headlines";
import { liveHeadlines } from "../src/publishing/visibility";
import { ApiError } from "./errors";
import { toApiIssues } from "./middleware/json-body";

export const HeadlinesQuery = v.strictObject({
	limit: v.optional(
		v.pipe(
			v.string(),
			v.regex(/^\d{1,3}$/, "must be a whole number from 1 to 100"),
			v.transform(Number),
			v.minValue(1, "must be a whole number from 1 to 100"),
			v.maxValue(100, "must be a whole number from 1 to 100"),
		),
		"10",
	),
});

export const headlineRoutes = new Hono<AppEnv>().get("/api/headlines", async (c) => {
	const { now } = c.var;
	const query = v.safeParse(HeadlinesQuery, c.req.query());
	if (!query.success) throw new ApiError(400, "invalid query", toApiIssues(query.issues));
	const index = await readHeadlines(c.env.NEWS, now.getTime());
	if (!index.ok) throw new ApiError(500, "the headlines index is unreadable");
	const { timeZone } = siteConfig(c.env);
	return c.json({
		headlines: liveHeadlines(index.value, now, query.output.limit).map((h) => headlineJson(h, now, timeZone)),
		generatedAt: now.toISOString(),
	});
});
