/** @module One normalized, sanitized item from an upstream feed: what the feed pipeline hands to the refresh. */
import * as v from "valibot";
import { HttpsUrl, HttpUrl, IsoDateTime } from "./common";

export const FEED_ITEM_KEY_MAX = 2048;
export const FEED_ITEM_TITLE_MAX = 300;
export const FEED_ITEM_SUMMARY_MAX = 300;
export const FEED_ITEM_AUTHOR_MAX = 200;
export const FEED_ITEM_ALT_MAX = 500;
/** Categories kept per item (for keep and block rules), each at most 200 characters: a keyword-stuffed item gets no more. */
export const FEED_ITEM_CATEGORIES_MAX = 50;
export const FEED_ITEM_CATEGORY_MAX = 200;
/** 256 KiB of sanitized HTML: a long read is under 100 KiB, and the stored row stays far below SQLite's 2 MB. */
export const FEED_ITEM_CONTENT_MAX_BYTES = 256 * 1024;

/** Image sizes as the article's LeadImage accepts them, so an item's image can be copied over as is. */
const Dimension = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(10000));

export const FeedItem = v.object({
	/** Identity across runs and sources: the guid/id when present, else the absolute link. */
	key: v.pipe(v.string(), v.minLength(1, "must not be empty"), v.maxLength(FEED_ITEM_KEY_MAX)),
	/** Plain text: entities decoded, tags stripped, whitespace collapsed; derived from the text when the item has none. */
	title: v.pipe(v.string(), v.minLength(1, "must not be empty"), v.maxLength(FEED_ITEM_TITLE_MAX)),
	link: HttpUrl,
	author: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(FEED_ITEM_AUTHOR_MAX))),
	/** Plain-text categories (RSS category, Atom category, JSON Feed tags, dc:subject), without repeats; absent when none. */
	categories: v.optional(
		v.pipe(
			v.array(v.pipe(v.string(), v.minLength(1), v.maxLength(FEED_ITEM_CATEGORY_MAX))),
			v.maxLength(FEED_ITEM_CATEGORIES_MAX),
		),
	),
	/** Published, else updated, else dc:date, else the parse's `now` (then `dated` is false). */
	publishedAt: IsoDateTime,
	/** False when `publishedAt` fell back to `now`: the refresh keeps the first-seen time instead. */
	dated: v.boolean(),
	updatedAt: v.optional(IsoDateTime),
	/** Plain text dek, at most 300 characters. */
	summary: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(FEED_ITEM_SUMMARY_MAX))),
	/** Sanitized HTML (src/sanitize/html.ts), capped at an element boundary; may be empty when the item carries no body. */
	contentHtml: v.pipe(
		v.string(),
		v.maxBytes(FEED_ITEM_CONTENT_MAX_BYTES, `must be at most ${FEED_ITEM_CONTENT_MAX_BYTES} bytes of UTF-8`),
	),
	/** https only: an http image would be mixed content on our pages, and upgrading it is not known to work. */
	image: v.optional(
		v.object({
			url: HttpsUrl,
			alt: v.pipe(v.string(), v.maxLength(FEED_ITEM_ALT_MAX)),
			width: v.optional(Dimension),
			height: v.optional(Dimension),
		}),
	),
});
export type FeedItem = v.InferOutput<typeof FeedItem>;
