/** @module The index cut into pages of live headlines for readers (home, sections, older pages), and how many each shows. */
import type { Headline, HeadlinesIndex } from "../schemas/article";
import { type Cursor, cursorText } from "../schemas/paging";
import { sectionSlug } from "./sections";
import { isPublished } from "./visibility";

/** Headlines per page on the home page and section pages. */
export const LIST_PAGE_SIZE = 30;
/** Sections named in the masthead. */
export const NAV_SECTIONS = 8;
/** Headlines in the rail beside an article. */
export const RAIL_HEADLINES = 10;

export type HeadlinePage = {
	headlines: Headline[];
	/** The `?before=` value of the next (older) page; absent on the last page. */
	older?: string;
};

export type HeadlinePageOptions = {
	size: number;
	/** Only headlines strictly after this position in the index's order. */
	before?: Cursor;
	/** Only headlines whose section has this slug. */
	section?: string;
};

/** After `cursor` in the index's order: newest first, then slug ascending (as the StoreWriter sorts). */
function isAfter(headline: Headline, cursor: Cursor): boolean {
	const published = Date.parse(headline.publishedAt);
	return published < cursor.publishedMs || (published === cursor.publishedMs && headline.slug > cursor.slug);
}

/** One page of live headlines, newest first; one pass over the (already sorted) index. */
export function headlinePage(index: HeadlinesIndex, now: Date, options: HeadlinePageOptions): HeadlinePage {
	const headlines: Headline[] = [];
	let more = false;
	for (const headline of index.headlines) {
		if (!isPublished(headline, now)) continue;
		if (options.before && !isAfter(headline, options.before)) continue;
		if (options.section !== undefined && sectionSlug(headline.section) !== options.section) continue;
		if (headlines.length === options.size) {
			more = true;
			break;
		}
		headlines.push(headline);
	}
	const last = headlines[headlines.length - 1];
	if (!more || !last) return { headlines };
	return { headlines, older: cursorText({ publishedMs: Date.parse(last.publishedAt), slug: last.slug }) };
}
