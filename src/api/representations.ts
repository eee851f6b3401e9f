/** @module The JSON shapes the public API returns; ages are computed from the request's `now`. */
import type * as v from "valibot";
import { ageLabel } from "../age/scale";
import { articlePath } from "../publishing/paths";
import type { Article, Headline } from "../schemas/article";
import type { ArticleResponse, HeadlineItem } from "../schemas/responses";

/** One entry of `GET /api/headlines`, as its schema (and so the OpenAPI document) states it. */
export type HeadlineJson = v.InferOutput<typeof HeadlineItem>;

/** `GET /api/articles/:slug` and the editors' writes. */
export type ArticleJson = v.InferOutput<typeof ArticleResponse>;

export function headlineJson(headline: Headline, now: Date, timeZone: string): HeadlineJson {
	return {
		slug: headline.slug,
		title: headline.title,
		url: articlePath(headline.slug),
		section: headline.section ?? null,
		source: headline.source ?? null,
		publishedAt: headline.publishedAt,
		age: ageLabel(headline.publishedAt, now, timeZone),
	};
}

/** The whole article (minus its internal origin bookkeeping) with its URL and age. */
export function articleJson(article: Article, now: Date, timeZone: string): ArticleJson {
	const { origin: _origin, ...visible } = article;
	return { ...visible, url: articlePath(article.slug), age: ageLabel(article.publishedAt, now, timeZone) };
}
