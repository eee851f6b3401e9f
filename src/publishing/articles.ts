/** @module Turning an editor's input into a stored article, and finding a live one for readers. */
import { readRecentArticle } from "../kv/articles";
import type { KvSource } from "../kv/colo-cache";
import { KV_MISSING, type KvRead } from "../kv/read";
import { renderMarkdown } from "../markdown/render";
import type { Article, ArticleInput } from "../schemas/article";
import { isPublished } from "./visibility";

/** The stored record for `input`: dates normalized to UTC, the body rendered and sanitized once, here. */
export function composeArticle(slug: string, input: ArticleInput): Article {
	// ArticleInput's body check rendered this body already (and kept it): a failure here is a bug.
	const bodyHtml = renderMarkdown(input.body);
	if (!bodyHtml.ok) throw new Error(`an accepted body failed to render: ${bodyHtml.error.code}`);
	const article: Article = {
		...input,
		slug,
		publishedAt: new Date(input.publishedAt).toISOString(),
		bodyHtml: bodyHtml.value,
	};
	if (input.updatedAt !== undefined) article.updatedAt = new Date(input.updatedAt).toISOString();
	return article;
}

/**
 * At most one KV read (none when this isolate read it in the last few seconds); an article
 * scheduled for later reads as missing until its time.
 */
export async function readLiveArticle(source: KvSource, slug: string, now: Date): Promise<KvRead<Article>> {
	const read = await readRecentArticle(source, slug, now.getTime());
	if (read.ok && !isPublished(read.value, now)) return KV_MISSING;
	return read;
}
