/**
 * @module `GET /api/headlines`'s body and ETag: one KV read, none when the index is warm, and
 * the list serialized and digested once per validity window. A section's list comes from its
 * chunks (src/kv/lists.ts: two reads at most).
 */
import { headlineJson } from "../api/representations";
import { peekHeadlines, readHeadlines } from "../kv/headlines";
import { readListPage } from "../kv/lists";
import { liveHeadlines } from "../publishing/visibility";
import { RenderCache, type Rendered } from "../render-cache";
import { sha1Hex } from "../render-cache/digest";
import { headlinesValidUntil } from "../render-cache/validity";
import { err, ok, type Result } from "../result";
import type { Headline, HeadlinesIndex } from "../schemas/article";
import { type ReaderRequest, UNREADABLE, type Unreadable } from "./request";

/** The response body, `{"headlines": [...], "generatedAt": "..."}`, and its weak ETag. */
export type HeadlinesBody = { json: string; etag: string };

/** The `headlines` array as JSON and the start of its ETag. */
type RenderedList = { json: string; tag: string };

/** Kept per query while every age in it is current. */
const lists = new RenderCache<RenderedList>(32);

export type HeadlinesOptions = {
	limit: number;
	/** One section's list (its URL slug). */
	section?: string;
	/** False leaves the ages out: the body then changes only when the list does. */
	ages: boolean;
};

/**
 * The newest `limit` live headlines, with their ages at `now` unless `ages` is false.
 *
 * @example const body = await headlinesJson(request, { limit: 10, ages: true });
 */
export async function headlinesJson(
	req: ReaderRequest,
	options: HeadlinesOptions,
): Promise<Result<HeadlinesBody, Unreadable>> {
	const { limit, section, ages } = options;
	const { now, config } = req;
	const nowMs = now.getTime();
	// Warm in memory, the index costs no promise, no KV read and no parse.
	const warm = peekHeadlines(req.kv, nowMs);
	const read = warm === undefined ? await readHeadlines(req, nowMs) : ok(warm);
	if (!read.ok) return err(UNREADABLE);
	const index = read.value;
	const listed = section === undefined ? undefined : await readListPage(req, { section }, { size: limit }, now);
	if (listed && !listed.ok) return err(UNREADABLE);
	const deps = { index, timeZone: config.timeZone, chunk: listed?.value.chunk };
	const shown = listed ? listed.value.headlines : liveHeadlines(index, now, limit);
	const key = `${limit}:${section ?? ""}:${ages}`;
	const list = await lists.through({ key, deps }, nowMs, () => renderList(index, shown, now, ages, config.timeZone));
	// Byte for byte what c.json({ headlines, generatedAt }) gives; an ISO timestamp needs no JSON escaping.
	// The tag is weak (RFC 9110 §8.8.1): bodies that differ only in generatedAt are equivalent, so a
	// client holding the same list, ages included, revalidates to a 304.
	return ok({ json: `{"headlines":${list.json},"generatedAt":"${now.toISOString()}"}`, etag: `W/"${list.tag}"` });
}

async function renderList(
	index: HeadlinesIndex,
	shown: Headline[],
	now: Date,
	ages: boolean,
	timeZone: string,
): Promise<Rendered<RenderedList>> {
	const items = shown.map((h) => {
		const item = headlineJson(h, now, timeZone);
		if (ages) return item;
		const { age: _age, ...rest } = item;
		return rest;
	});
	const json = JSON.stringify(items);
	const value = { json, tag: (await sha1Hex(json)).slice(0, 28) };
	// Without ages the list only changes when a scheduled headline goes live (or a write replaces the index).
	return { value, until: headlinesValidUntil(index, ages ? shown : [], now.getTime()) };
}
