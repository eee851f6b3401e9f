/** @module `GET /api/headlines`: the latest headlines as JSON, one KV read (none when warm). */
import { Hono } from "hono";
import * as v from "valibot";
import { headlineJson } from "../src/api/representations";
import { siteConfig } from "../src/config";
import type { AppEnv } from "../src/env";
import { peekHeadlines, readHeadlines } from "../src/kv/headlines";
import { liveHeadlines } from "../src/publishing/visibility";
import { RenderCache } from "../src/render-cache";
import { headlinesValidUntil } from "../src/render-cache/validity";
import type { HeadlinesIndex } from "../src/schemas/article";
import { ApiError } from "./errors";
import { toApiIssues } from "./middleware/json-body";

const DEFAULT_LIMIT = 10;
const JSON_HEADERS = { "content-type": "application/json" } as const;

export const HeadlinesQuery = v.strictObject({
	limit: v.optional(
		v.pipe(
			v.string(),
			v.regex(/^\d{1,3}$/, "must be a whole number from 1 to 100"),
			v.transform(Number),
			v.minValue(1, "must be a whole number from 1 to 100"),
			v.maxValue(100, "must be a whole number from 1 to 100"),
		),
		String(DEFAULT_LIMIT),
	),
});

function validLimit(query: Record<string, string>): number {
	const parsed = v.safeParse(HeadlinesQuery, query);
	if (!parsed.success) throw new ApiError(400, "invalid query", toApiIssues(parsed.issues));
	return parsed.output.limit;
}

/** The `headlines` array as JSON, per limit, kept while every age in it is current (see src/render-cache). */
const listJson = new RenderCache<string>(8);

function renderList(index: HeadlinesIndex, now: Date, limit: number, timeZone: string): string {
	const shown = liveHeadlines(index, now, limit);
	const json = JSON.stringify(shown.map((h) => headlineJson(h, now, timeZone)));
	const nowMs = now.getTime();
	return listJson.store(limit, nowMs, headlinesValidUntil(index, shown, nowMs), json, index, timeZone);
}

export const headlineRoutes = new Hono<AppEnv>().get("/api/headlines", async (c) => {
	const now = c.get("now");
	const nowMs = now.getTime();
	const limit = c.req.url.includes("?") ? validLimit(c.req.query()) : DEFAULT_LIMIT;
	let index = peekHeadlines(c.env.NEWS, nowMs);
	if (index === undefined) {
		const read = await readHeadlines(c.env.NEWS, nowMs);
		if (!read.ok) throw new ApiError(500, "the headlines index is unreadable");
		index = read.value;
	}
	const { timeZone } = siteConfig(c.env);
	const list = listJson.lookup(limit, nowMs, index, timeZone) ?? renderList(index, now, limit, timeZone);
	// Byte for byte what c.json({ headlines, generatedAt }) gives; an ISO timestamp needs no JSON escaping.
	return c.body(`{"headlines":${list},"generatedAt":"${now.toISOString()}"}`, 200, JSON_HEADERS);
});
