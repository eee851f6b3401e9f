/** @module Articles: what an editor sends, what is stored, and the headline each one projects. */
import * as v from "valibot";
import { MarkdownBody } from "../markdown/body";
import { HttpsUrl, HttpUrl, IsoDateTime, Slug, text, UtcDateTime } from "./common";

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
});
export type ArticleInput = v.InferOutput<typeof ArticleInput>;

/** Where a feed-ingested article came from; editors' articles have none. */
export const Origin = v.object({
	sourceId: Slug,
	/** The item's identity across runs and sources: its guid/id, else its link. */
	itemKey: v.string(),
});

/**
 * An article as stored under `article:<slug>`. `bodyHtml` is rendered and sanitized once,
 * at write time, so a page view does no Markdown or sanitizing work.
 */
export const Article = v.object({
	slug: Slug,
	title: v.string(),
	dek: v.optional(v.string()),
	section: v.optional(v.string()),
	author: v.optional(v.object({ name: v.string(), bio: v.optional(v.string()) })),
	publishedAt: IsoDateTime,
	updatedAt: v.optional(IsoDateTime),
	body: v.string(),
	bodyHtml: v.string(),
	sourceUrl: v.optional(HttpUrl),
	/** Display name of the upstream source, for feed-ingested articles. */
	source: v.optional(v.string()),
	image: v.optional(
		v.object({
			url: HttpsUrl,
			alt: v.string(),
			width: v.optional(v.number()),
			height: v.optional(v.number()),
			credit: v.optional(v.string()),
		}),
	),
	tags: v.optional(v.array(v.string())),
	origin: v.optional(Origin),
});
export type Article = v.InferOutput<typeof Article>;

/** One entry of the headlines index: just enough to list and link an article. */
export const Headline = v.object({
	slug: Slug,
	title: v.string(),
	section: v.optional(v.string()),
	source: v.optional(v.string()),
	publishedAt: IsoDateTime,
	image: v.optional(
		v.object({ url: HttpsUrl, alt: v.string(), width: v.optional(v.number()), height: v.optional(v.number()) }),
	),
});
export type Headline = v.InferOutput<typeof Headline>;

/** The headlines index as stored under one key, newest first. */
export const HeadlinesIndex = v.object({
	updatedAt: IsoDateTime,
	headlines: v.array(Headline),
});
export type HeadlinesIndex = v.InferOutput<typeof HeadlinesIndex>;

/** The index's own shape, its entries unchecked: readers then check each entry alone (kv/headlines.ts). */
export const HeadlinesEnvelope = v.object({ updatedAt: IsoDateTime, headlines: v.array(v.unknown()) });

/** The headline an article projects into the index. */
export function headlineOf(article: Article): Headline {
	const { slug, title, section, source, publishedAt, image } = article;
	const headline: Headline = { slug, title, publishedAt };
	if (section !== undefined) headline.section = section;
	if (source !== undefined) headline.source = source;
	if (image !== undefined) {
		headline.image = { url: image.url, alt: image.alt };
		if (image.width !== undefined) headline.image.width = image.width;
		if (image.height !== undefined) headline.image.height = image.height;
	}
	return headline;
}
