/** @module Turning an editor's input into a stored article: dates in UTC, the body rendered and sanitized once. */
import { renderMarkdown } from "../markdown/render";
import type { Article } from "../schemas/article";
import type { ArticleInput } from "../schemas/article-input";

/** The stored record for `input`: dates normalized to UTC, the body rendered and sanitized once, here. */
export function composeArticle(slug: string, input: ArticleInput): Article {
	// ArticleInput's body check rendered this body already (and kept it): a failure here is a bug.
	const bodyHtml = renderMarkdown(input.body);
	if (!bodyHtml.ok) throw new Error(`an accepted body failed to render: ${bodyHtml.error.code}`);
	// The status is the desk's (a column beside the record), never part of what readers read back.
	const { status: _status, ...fields } = input;
	const article: Article = {
		...fields,
		slug,
		publishedAt: new Date(input.publishedAt).toISOString(),
		bodyHtml: bodyHtml.value,
	};
	if (input.updatedAt !== undefined) article.updatedAt = new Date(input.updatedAt).toISOString();
	return article;
}
