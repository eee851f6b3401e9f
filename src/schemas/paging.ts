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
