/** @module `GET /api/headlines`: the latest headlines as JSON, one KV read (none when warm). */
import { Hono } from "hono";
import * as v from "valibot";
import { headlineJson } from "../src/api/representations";
import { siteConfig } from "../src/config";
import type { AppEnv } from "../src/env";
import { peekHeadlines, readHeadlines } from "../src/kv/headlines";
import { liveHeadlines } from "../src/publishing/visibility";
import { RenderCache } from "../src/render-cache";
import { sha1Hex } from "../src/render-cache/page";
import { headlinesValidUntil } from "../src/render-cache/validity";
import type { HeadlinesIndex } from "../src/schemas/article";
import { ApiError } from "./errors";
import { toApiIssues } from "./middleware/json-body";

const DEFAULT_LIMIT = 10;

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

/** The `headlines` array as JSON and the start of its ETag, per limit (see src/render-cache). */
type RenderedList = { json: string; tag: string };

/** Kept per limit while every age in it is current. */
const lists = new RenderCache<RenderedList>(8);

async function renderList(index: HeadlinesIndex, now: Date, limit: number, timeZone: string): Promise<RenderedList> {
	const shown = liveHeadlines(index, now, limit);
	const json = JSON.stringify(shown.map((h) => headlineJson(h, now, timeZone)));
	const list = { json, tag: (await sha1Hex(json)).slice(0, 28) };
	const nowMs = now.getTime();
	return lists.store(limit, nowMs, headlinesValidUntil(index, shown, nowMs), list, index, timeZone);
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
	const list = lists.lookup(limit, nowMs, index, timeZone) ?? (await renderList(index, now, limit, timeZone));
	// Byte for byte what c.json({ headlines, generatedAt }) gives; an ISO timestamp needs no JSON escaping.
	// The tag is weak (RFC 9110 §8.8.1): bodies that differ only in generatedAt are equivalent, so a
	// client holding the same list, ages included, revalidates to a 304.
	return c.body(`{"headlines":${list.json},"generatedAt":"${now.toISOString()}"}`, 200, {
		"content-type": "application/json",
		etag: `W/"${list.tag}"`,
	});
});
