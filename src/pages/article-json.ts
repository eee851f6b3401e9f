/** @module `GET /api/articles/:slug`'s answer: the live article as JSON, its age computed from `now`. */
import { type ArticleJson, articleJson } from "../api/representations";
import { readLiveArticle } from "../publishing/articles";
import { err, ok, type Result } from "../result";
import { NOT_FOUND, type PageError, type ReaderRequest, UNREADABLE } from "./request";

/**
 * At most one KV read; a scheduled article is not found until its time.
 *
 * @example const json = await liveArticleJson(request, "harbour-cranes-return");
 */
export async function liveArticleJson(req: ReaderRequest, slug: string): Promise<Result<ArticleJson, PageError>> {
	const article = await readLiveArticle(req, slug, req.now);
	if (!article.ok) return err(article.error.code === "kv.missing" ? NOT_FOUND : UNREADABLE);
	return ok(articleJson(article.value, req.now, req.config.timeZone));
}
