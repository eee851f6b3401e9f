/**
 * @module The headlines index in KV (`headlines`), read through isolate memory and the data
 * center's cache (memory.ts, colo-cache.ts). A write made in this isolate replaces the copy at once.
 */
import { Headline, HeadlinesEnvelope, type HeadlinesIndex } from "../schemas/article";
import { forgetArticles } from "./articles";
import type { KvSource } from "./colo-cache";
import { keys } from "./keys";
import { RecordMemory } from "./memory";
import { type KvRead, parseEntries, parseRecord } from "./read";

const memory = new RecordMemory<HeadlinesIndex>(1);

const EMPTY: HeadlinesIndex = { updatedAt: new Date(0).toISOString(), headlines: [] };

/** The index when this isolate holds a fresh copy (no I/O), else undefined: then call `readHeadlines`. */
export function peekHeadlines(kv: KVNamespace, nowMs: number): HeadlinesIndex | undefined {
	return memory.peek(kv, keys.headlines, nowMs);
}

/** The index, from memory when fresh, else one KV read. A missing index is an empty one. */
export async function readHeadlines(source: KvSource, nowMs: number): Promise<KvRead<HeadlinesIndex>> {
	const read = await memory.read(source, keys.headlines, nowMs, parseIndex);
	if (read.ok || read.error.code !== "kv.missing") return read;
	// No index yet is an empty site; hold that too, so an empty site costs no read per request either.
	memory.remember(source.kv, keys.headlines, EMPTY, nowMs);
	return { ok: true, value: EMPTY };
}

/**
 * The stored index with every entry that fails its schema dropped (and logged), so one bad
 * headline leaves the lists up; only a broken envelope makes the whole index unreadable. Runs once
 * per text an isolate reads (memory.ts keeps the parsed copy), not per request.
 */
function parseIndex(raw: string): KvRead<HeadlinesIndex> {
	const envelope = parseRecord(keys.headlines, raw, HeadlinesEnvelope);
	if (!envelope.ok) return envelope;
	const headlines = parseEntries(keys.headlines, envelope.value.headlines, Headline);
	return { ok: true, value: { updatedAt: envelope.value.updatedAt, headlines } };
}

/**
 * Called after a write in this isolate so the writer sees its own change immediately. The write
 * may also have changed articles, so their copies are dropped too.
 */
export function rememberHeadlines(kv: KVNamespace, index: HeadlinesIndex, nowMs: number): void {
	memory.remember(kv, keys.headlines, index, nowMs);
	forgetArticles();
}

/** Drops every in-memory copy of KV records (tests that write KV directly use this). */
export function forgetHeadlines(): void {
	memory.forget();
	forgetArticles();
}
