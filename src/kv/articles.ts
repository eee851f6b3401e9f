/** @module Article records in KV: `article:<slug>`, with short-lived copies in isolate memory. */
import { Article } from "../schemas/article";
import { divergeColoCache, type KvSource } from "./colo-cache";
import { keys } from "./keys";
import { RecordMemory } from "./memory";
import { type KvRead, parseRecord } from "./read";

/** Enough for every page a busy isolate serves within a few seconds; a copy is at most ~200 KB. */
const MEMORY_CAPACITY = 256;

const memory = new RecordMemory<Article>(MEMORY_CAPACITY);

/** The article from memory when read in the last few seconds, else one KV read. */
export function readRecentArticle(source: KvSource, slug: string, nowMs: number): Promise<KvRead<Article>> {
	const key = keys.article(slug);
	return memory.read(source, key, nowMs, (raw) => parseRecord(key, raw, Article));
}

/**
 * Drops every article copy: called after any write made in this isolate, which may have changed
 * any article; this isolate also stops reading data-center copies cached before its write.
 */
export function forgetArticles(): void {
	memory.forget();
	divergeColoCache();
}
