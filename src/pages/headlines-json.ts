/**
 * @module `GET /api/headlines`'s body and ETag: one KV read, none when the index is warm, and
 * the list serialized and digested once per validity window.
 */
import { headlineJson } from "../api/representations";
import { peekHeadlines, readHeadlines } from "../kv/headlines";
import { liveHeadlines } from "../publishing/visibility";
import { RenderCache, type Rendered } from "../render-cache";
import { sha1Hex } from "../render-cache/digest";
import { headlinesValidUntil } from "../render-cache/validity";
import { err, ok, type Result } from "../result";
import type { HeadlinesIndex } from "../schemas/article";
import { type ReaderRequest, UNREADABLE, type Unreadable } from "./request";

/** The response body, `{"headlines": [...], "generatedAt": "..."}`, and its weak ETag. */
export type HeadlinesBody = { json: string; etag: string };

/** The `headlines` array as JSON and the start of its ETag. */
type RenderedList = { json: string; tag: string };

/** Kept per limit while every age in it is current. */
const lists = new RenderCache<RenderedList>(8);

/**
 * The newest `limit` live headlines with their ages at `now`.
 *
 * @example const body = await headlinesJson(request, 10);
 */
export async function headlinesJson(req: ReaderRequest, limit: number): Promise<Result<HeadlinesBody, Unreadable>> {
	const { now, config } = req;
	const nowMs = now.getTime();
	// Warm in memory, the index costs no promise, no KV read and no parse.
	const warm = peekHeadlines(req.kv, nowMs);
	const read = warm === undefined ? await readHeadlines(req, nowMs) : ok(warm);
	if (!read.ok) return err(UNREADABLE);
	const index = read.value;
	const deps = { index, timeZone: config.timeZone };
	const list = await lists.through({ key: limit, deps }, nowMs, () => renderList(index, now, limit, config.timeZone));
	// Byte for byte what c.json({ headlines, generatedAt }) gives; an ISO timestamp needs no JSON escaping.
	// The tag is weak (RFC 9110 §8.8.1): bodies that differ only in generatedAt are equivalent, so a
	// client holding the same list, ages included, revalidates to a 304.
	return ok({ json: `{"headlines":${list.json},"generatedAt":"${now.toISOString()}"}`, etag: `W/"${list.tag}"` });
}

async function renderList(
	index: HeadlinesIndex,
	now: Date,
	limit: number,
	timeZone: string,
): Promise<Rendered<RenderedList>> {
	const shown = liveHeadlines(index, now, limit);
	const json = JSON.stringify(shown.map((h) => headlineJson(h, now, timeZone)));
	const value = { json, tag: (await sha1Hex(json)).slice(0, 28) };
	return { value, until: headlinesValidUntil(index, shown, now.getTime()) };
}
