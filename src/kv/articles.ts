/** @module Article records in KV: `article:<slug>`. */
import { Article } from "../schemas/article";
import { keys } from "./keys";
import { type KvRead, readRecord } from "./read";

/** One KV read. */
export function readArticle(kv: KVNamespace, slug: string): Promise<KvRead<Article>> {
	return readRecord(kv, keys.article(slug), Article);
}
