/** @module Finding a live article for readers (turning an editor's input into one is compose-article.ts). */
import { readRecentArticle } from "../kv/articles";
import type { KvSource } from "../kv/colo-cache";
import { KV_MISSING, type KvRead } from "../kv/read";
import type { Article } from "../schemas/article";
import { isPublished } from "./visibility";

/**
 * At most one KV read (none when this isolate read it in the last few seconds); an article
 * scheduled for later reads as missing until its time.
 */
export async function readLiveArticle(source: KvSource, slug: string, now: Date): Promise<KvRead<Article>> {
	const read = await readRecentArticle(source, slug, now.getTime());
	if (read.ok && !isPublished(read.value, now)) return KV_MISSING;
	return read;
}
