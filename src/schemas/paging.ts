/** @module Paging through the headlines index: the `?before=` cursor readers' pages accept. */
import * as v from "valibot";

/** A position in the index's order (newest first, then slug): the last headline a page showed. */
export type Cursor = { publishedMs: number; slug: string };

/**
 * `<publishedAt in epoch ms>-<slug>`, e.g. `1795600000000-night-ferries-return`. Before 1970 the
 * time is negative (`-62135596800000-first-story` for the year 1), as every stored date may be.
 */
export const CursorText = v.pipe(
	v.string(),
	v.regex(/^-?\d{1,15}-[a-z0-9]+(-[a-z0-9]+)*$/, "must be a page link taken from this site"),
	v.transform((text): Cursor => {
		const dash = text.indexOf("-", 1);
		return { publishedMs: Number(text.slice(0, dash)), slug: text.slice(dash + 1) };
	}),
);

/**
 * Query of the paged HTML lists (`/`, `/sections/:section`). Not strict: links shared with
 * `utm_*` and similar parameters must still open the page.
 */
export const ListQuery = v.object({ before: v.optional(CursorText) });
export type ListQuery = v.InferOutput<typeof ListQuery>;

export function cursorText(cursor: Cursor): string {
	return `${cursor.publishedMs}-${cursor.slug}`;
}

/**
 * A `?limit=` query parameter: a whole number from 1 to `max` written in decimal, `fallback` when absent.
 * One shape for every list route (headlines, search, the review queue), so each names its bound the same way.
 */
export function LimitParam(max: number, fallback: number) {
	const rule = `must be a whole number from 1 to ${max}`;
	return v.optional(
		v.pipe(
			v.string(),
			v.regex(new RegExp(`^\\d{1,${String(max).length}}$`), rule),
			v.transform(Number),
			v.minValue(1, rule),
			v.maxValue(max, rule),
		),
		String(fallback),
	);
}
