/** @module Turning an editor's input into a stored article, and finding a live one for readers. */
import { readArticle } from "../kv/articles";
import type { KvRead } from "../kv/read";
import { renderMarkdown } from "../markdown/render";
import type { Article, ArticleInput } from "../schemas/article";
import { isPublished } from "./visibility";

/** The stored record for `input`: dates normalized to UTC, the body rendered and sanitized once, here. */
export function composeArticle(slug: string, input: ArticleInput): Article {
	const article: Article = {
		...input,
		slug,
		publishedAt: new Date(input.publishedAt).toISOString(),
		bodyHtml: renderMarkdown(input.body),
	};
	if (input.updatedAt !== undefined) article.updatedAt = new Date(input.updatedAt).toISOString();
	return article;
}

/** One KV read; an article scheduled for later reads as missing until its time. */
export async function readLiveArticle(kv: KVNamespace, slug: string, now: Date): Promise<KvRead<Article>> {
	const read = await readArticle(kv, slug);
	if (read.ok && !isPublished(read.value, now)) return { ok: false, reason: "missing" };
	return read;
}
