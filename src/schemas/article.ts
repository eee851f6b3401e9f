/**
 * @module Articles as stored, and the headline each one projects: what every reader path reads back.
 * What an editor sends is article-input.ts (it renders Markdown to check a body, so readers never load it).
 */
import * as v from "valibot";
import { HttpsUrl, HttpUrl, IsoDateTime, Slug } from "./common";

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
