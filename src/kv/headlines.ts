/**
 * @module The headlines index in KV (`headlines`), with a short-lived copy in isolate memory.
 *
 * KV is eventually consistent for about 60 s, so keeping the parsed index for a few seconds
 * adds no staleness a reader could tell, and it saves the KV read and the JSON parse on
 * almost every request. A write made in this isolate replaces the copy at once.
 */
import { HeadlinesIndex } from "../schemas/article";
import { keys } from "./keys";
import { type KvRead, readRecord } from "./read";

/** How long an isolate trusts its copy of the index. */
export const HEADLINES_MEMORY_TTL_MS = 5_000;

type Remembered = { kv: KVNamespace; index: HeadlinesIndex; storedAt: number };
let remembered: Remembered | undefined;

/** The index, from memory when fresh, else one KV read. A missing index is an empty one. */
export async function readHeadlines(kv: KVNamespace, nowMs: number): Promise<KvRead<HeadlinesIndex>> {
	if (remembered && remembered.kv === kv && nowMs - remembered.storedAt < HEADLINES_MEMORY_TTL_MS) {
		return { ok: true, value: remembered.index };
	}
	const read = await readRecord(kv, keys.headlines, HeadlinesIndex);
	if (read.ok) {
		rememberHeadlines(kv, read.value, nowMs);
		return read;
	}
	if (read.reason === "missing") return { ok: true, value: { updatedAt: new Date(0).toISOString(), headlines: [] } };
	return read;
}

/** Called after a write in this isolate so the writer sees its own change immediately. */
export function rememberHeadlines(kv: KVNamespace, index: HeadlinesIndex, nowMs: number): void {
	remembered = { kv, index, storedAt: nowMs };
}

/** Drops the in-memory copy (tests that write KV directly use this). */
export function forgetHeadlines(): void {
	remembered = undefined;
}
