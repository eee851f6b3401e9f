/** @module The sitemap records in KV: the months index and one month's URLs, as the StoreWriter writes them. */
import * as v from "valibot";
import { IsoDateTime, Slug } from "./common";

/** `YYYY-MM`, years 0001–9999 as every stored date. */
export const Month = v.pipe(v.string(), v.regex(/^(?!0000)\d{4}-(0[1-9]|1[0-2])$/, "must be a month, YYYY-MM"));

export const SitemapIndexRecord = v.object({
	months: v.array(v.object({ month: Month, urls: v.pipe(v.number(), v.integer()), lastmod: IsoDateTime })),
});
export type SitemapIndexRecord = v.InferOutput<typeof SitemapIndexRecord>;

/** `[slug, publishedAt, lastmod]` per article, newest first; readers drop the ones not yet published. */
export const SitemapMonthRecord = v.object({
	month: Month,
	urls: v.array(v.tuple([Slug, IsoDateTime, IsoDateTime])),
});
export type SitemapMonthRecord = v.InferOutput<typeof SitemapMonthRecord>;
