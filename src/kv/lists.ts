/**
 * @module One page of a list (the home list or a section's) from its chunks in KV (written by
 * src/store/list-chunks.ts): the list's directory finds the chunk a page starts in, and that chunk
 * holds the whole page. Two KV reads at most, whatever the archive size; both kept in isolate memory
 * and the data center's cache like every record.
 */
import type { HeadlinePage } from "../publishing/headline-pages";
import { sectionSlug } from "../publishing/sections";
import { isPublished } from "../publishing/visibility";
import { ok } from "../result";
import { Headline } from "../schemas/article";
import { ListChunkRecord, ListDirectoryRecord } from "../schemas/list-chunks";
import { type Cursor, cursorText } from "../schemas/paging";
import type { KvSource } from "./colo-cache";
import { keys } from "./keys";
import { RecordMemory } from "./memory";
import { type KvRead, parseEntries, parseRecord } from "./read";

/** `scheduled`: the times its headlines still to go live had when it was read, soonest first. */
type Chunk = { headlines: Headline[]; scheduled: number[] };

/** Pages already cut from a chunk, by list, cursor and size, while no scheduled headline in it has gone live. */
const cuts = new WeakMap<Chunk, Map<string, { page: ListPage; until: number }>>();

/** A page, and the chunk it came from (the same object while memory holds it: a render cache's dependency). */
export type ListPage = HeadlinePage & { chunk?: object };

const directories = new RecordMemory<string[]>(64);
const chunks = new RecordMemory<Chunk>(64);

/** The list a page belongs to: a section's slug, or the home list. */
export type ListName = { section?: string };

function listKey({ section }: ListName): string {
	return section === undefined ? "home" : `s:${section}`;
}

/** Whether `bound` (a chunk's lower bound) is at or older than `cursor`: that chunk holds what follows the cursor. */
function holds(bound: string, cursor: Cursor): boolean {
	if (bound === "first") return true;
	const dot = bound.indexOf(".");
	const ms = Number(bound.slice(0, dot));
	const slug = bound.slice(dot + 1);
	return ms < cursor.publishedMs || (ms === cursor.publishedMs && slug >= cursor.slug);
}

function isAfter(headline: Headline, cursor: Cursor): boolean {
	const published = Date.parse(headline.publishedAt);
	return published < cursor.publishedMs || (published === cursor.publishedMs && headline.slug > cursor.slug);
}

function parseDirectory(key: string) {
	return (raw: string): KvRead<string[]> => {
		const record = parseRecord(key, raw, ListDirectoryRecord);
		return record.ok ? ok(record.value.chunks) : record;
	};
}

function parseChunk(key: string) {
	return (raw: string): KvRead<Chunk> => {
		const record = parseRecord(key, raw, ListChunkRecord);
		if (!record.ok) return record;
		// One bad entry costs only itself; its own headlines, then the older ones after them.
		const headlines = parseEntries(key, [...record.value.headlines, ...record.value.tail], Headline);
		// A minute's margin: a request's clock, read before this parse, may be a little behind it.
		const sinceMs = Date.now() - 60_000;
		const scheduled = headlines
			.map((h) => Date.parse(h.publishedAt))
			.filter((at) => at > sinceMs)
			.sort((a, b) => a - b);
		return ok({ headlines, scheduled });
	};
}

/**
 * Up to `size` live headlines of `list` after `before` (from the newest when absent), newest first,
 * with the cursor of the next older page when there is one. A list with nothing stored is an
 * empty page; a record that fails its schema is `kv.corrupt`.
 */
export async function readListPage(
	source: KvSource,
	list: ListName,
	options: { before?: Cursor; size: number },
	now: Date,
): Promise<KvRead<ListPage>> {
	const nowMs = now.getTime();
	const name = listKey(list);
	const dirKey = keys.listDirectory(name);
	const directory = await directories.read(source, dirKey, nowMs, parseDirectory(dirKey));
	if (!directory.ok) return directory.error.code === "kv.missing" ? ok({ headlines: [] }) : directory;
	const { before, size } = options;
	const start = before === undefined ? 0 : directory.value.findIndex((bound) => holds(bound, before));
	let from: Chunk | undefined;
	// The chunk a page starts in holds it all; the next one only stands in when that chunk is not in KV yet (a split seconds old).
	for (const bound of directory.value.slice(Math.max(0, start), Math.max(0, start) + 2)) {
		const key = keys.listChunk(name, bound);
		const chunk = await chunks.read(source, key, nowMs, parseChunk(key));
		if (!chunk.ok && chunk.error.code === "kv.missing") continue;
		if (!chunk.ok) return chunk;
		from = chunk.value;
		// The same cut as last time while nothing in the chunk has gone live since: no walk over its headlines.
		const cutKey = `${name}|${before ? cursorText(before) : ""}|${size}`;
		const cut = cuts.get(chunk.value)?.get(cutKey);
		if (cut && nowMs < cut.until) return ok(cut.page);
		const page = { ...cutPage(chunk.value, list, before, size, now), chunk: from };
		const held = cuts.get(chunk.value) ?? new Map();
		// Bounded: a chunk is cut at most once per cursor that lands in it (and per size).
		if (held.size > 256) held.clear();
		const until = chunk.value.scheduled.find((at) => at > nowMs) ?? Number.POSITIVE_INFINITY;
		held.set(cutKey, { page, until });
		cuts.set(chunk.value, held);
		return ok(page);
	}
	return ok({ headlines: [], chunk: from });
}

/** Up to `size` live headlines of `chunk` after `before`, and the next page's cursor when there is one. */
function cutPage(chunk: Chunk, list: ListName, before: Cursor | undefined, size: number, now: Date): HeadlinePage {
	const headlines: Headline[] = [];
	let more = false;
	for (const headline of chunk.headlines) {
		if (!isPublished(headline, now)) continue;
		if (before && !isAfter(headline, before)) continue;
		if (list.section !== undefined && sectionSlug(headline.section) !== list.section) continue;
		if (headlines.length === size) {
			more = true;
			break;
		}
		headlines.push(headline);
	}
	const last = headlines[headlines.length - 1];
	if (!more || !last) return { headlines };
	return { headlines, older: cursorText({ publishedMs: Date.parse(last.publishedAt), slug: last.slug }) };
}

/** Drops the lists held in memory (tests that write KV directly). */
export function forgetLists(): void {
	directories.forget();
	chunks.forget();
}
