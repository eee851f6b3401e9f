/**
 * @module What an editor sends for an article (`PUT /api/articles/:slug`). Its body check renders the
 * Markdown, so this module (and the renderer) belongs to the desk; the stored shape readers read back
 * is article.ts.
 */
import * as v from "valibot";
import { MarkdownBody } from "../markdown/body";
import { ArticleStatus } from "./article-desk";
import { HttpsUrl, HttpUrl, text, UtcDateTime } from "./common";

export const Author = v.strictObject({
	name: text(200),
	bio: v.optional(v.pipe(v.string(), v.maxLength(2000, "must be at most 2000 characters"))),
});

export const LeadImage = v.strictObject({
	url: HttpsUrl,
	alt: v.pipe(v.string(), v.maxLength(500, "must be at most 500 characters")),
	width: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(10000))),
	height: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(10000))),
	credit: v.optional(v.pipe(v.string(), v.maxLength(300, "must be at most 300 characters"))),
});

/** Stored as the editor wrote it (its display name); its URL slug is derived (publishing/sections.ts). */
const Section = text(60);

/** The admin API's request body for `PUT /api/articles/:slug`. */
export const ArticleInput = v.strictObject({
	title: text(300),
	dek: v.optional(v.pipe(v.string(), v.maxLength(600, "must be at most 600 characters"))),
	section: v.optional(Section),
	author: v.optional(Author),
	/** Stored as its canonical UTC form; the stored `Article` checks the same domain, so it always reads back. */
	publishedAt: UtcDateTime,
	updatedAt: v.optional(UtcDateTime),
	body: MarkdownBody,
	sourceUrl: v.optional(HttpUrl),
	image: v.optional(LeadImage),
	tags: v.optional(v.pipe(v.array(text(60)), v.maxLength(30, "must have at most 30 tags"))),
	/**
	 * `draft` and `review` are never public; absent means `published`, so API calls from before
	 * statuses keep working. A contributor may send only `draft` or `review`.
	 */
	status: v.optional(ArticleStatus),
});
export type ArticleInput = v.InferOutput<typeof ArticleInput>;
