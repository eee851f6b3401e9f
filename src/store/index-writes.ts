/**
 * @module The headlines index projected onto KV at most once a second, whatever the write rate.
 *
 * Every change set can change `v1:headlines`, and KV takes one write per key per second. A change
 * set whose index write would come within the second of the last one leaves the index dirty instead,
 * and the StoreWriter's alarm writes the index as it then stands once the second is over: ten
 * publishes in one second make two index writes, the first and a trailing one. Each change set still
 * returns its index, so the writing isolate shows the change at once.
 */
import { keys } from "../kv/keys";
import type { HeadlinesIndex } from "../schemas/article";
import { projectIndex } from "./articles-table";
import type { PacedKv } from "./kv-pacing";

/** What a change set did to the index: the index as it stands, the writes it costs, and when the trailing write is due. */
export type IndexProjection = { index: HeadlinesIndex; kvWrites: number; trailingAt?: number };

/**
 * After a change set: writes the index now when its key is free, else marks it dirty and answers
 * when the trailing write can come. The first change set to leave it dirty counts that write, so a
 * run's write tally stays exact. Nothing is written when the headlines are as KV last got them.
 */
export async function projectIndexToKv(sql: SqlStorage, kv: PacedKv): Promise<IndexProjection> {
	const index = projectIndex(sql, new Date());
	const signature = await indexSignature(index);
	if (signature === lastIndexSignature(sql)) return { index, kvWrites: 0 };
	if (kv.freeAt(keys.headlines) <= kv.now()) {
		await writeIndex(sql, kv, index, signature);
		return { index, kvWrites: 1 };
	}
	const counted = indexDirty(sql) ? 0 : 1;
	setIndexDirty(sql, true);
	return { index, kvWrites: counted, trailingAt: kv.freeAt(keys.headlines) };
}

/**
 * The trailing write: once the key is free, the index as it then stands, if it differs from what KV
 * has. Answers whether anything was pending; a failed write throws and leaves the index dirty.
 */
export async function flushIndex(sql: SqlStorage, kv: PacedKv): Promise<boolean> {
	if (!indexDirty(sql)) return false;
	await kv.waitFor(keys.headlines);
	const index = projectIndex(sql, new Date());
	const signature = await indexSignature(index);
	if (signature !== lastIndexSignature(sql)) await writeIndex(sql, kv, index, signature);
	else setIndexDirty(sql, false);
	return true;
}

async function writeIndex(sql: SqlStorage, kv: PacedKv, index: HeadlinesIndex, signature: string): Promise<void> {
	await kv.put(keys.headlines, JSON.stringify(index));
	setLastIndexSignature(sql, signature);
	setIndexDirty(sql, false);
}

/**
 * SHA-256 (hex) of the headlines' JSON, without the timestamp. A hash, not the JSON itself: 550
 * headlines with long multibyte titles and image URLs pass SQLite's 2 MB per value.
 */
export async function indexSignature(index: HeadlinesIndex): Promise<string> {
	const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(JSON.stringify(index.headlines)));
	return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** The signature of the index KV last got (an older table holds the JSON itself: it never matches, so one write). */
export function lastIndexSignature(sql: SqlStorage): string | undefined {
	return getMeta(sql, "index");
}

export function setLastIndexSignature(sql: SqlStorage, signature: string): void {
	setMeta(sql, "index", signature);
}

/** Whether a trailing index write is pending. */
export function indexDirty(sql: SqlStorage): boolean {
	return getMeta(sql, "index_dirty") === "1";
}

function setIndexDirty(sql: SqlStorage, dirty: boolean): void {
	if (dirty) setMeta(sql, "index_dirty", "1");
	else sql.exec("DELETE FROM meta WHERE k = 'index_dirty'");
}

function getMeta(sql: SqlStorage, k: string): string | undefined {
	return sql.exec<{ v: string }>("SELECT v FROM meta WHERE k = ?", k).toArray()[0]?.v;
}

function setMeta(sql: SqlStorage, k: string, v: string): void {
	sql.exec("INSERT INTO meta (k, v) VALUES (?, ?) ON CONFLICT (k) DO UPDATE SET v = excluded.v", k, v);
}
