/**
 * @module What rules read of a feed item: title, link, author, categories and the text of its
 * sanitized content, capped so that matching one item stays bounded. Stored as is for the dry run
 * (src/store/last-items.ts), so the dry run reads exactly what the refresh did.
 */
import * as v from "valibot";
import { htmlToText } from "../sanitize/html";
import type { FeedItem } from "../schemas/feed-item";

/** 64 Ki UTF-16 units of text: a long read is well under it, and a pattern test over it takes well under a millisecond. */
export const CONTENT_TEXT_MAX = 64 * 1024;

export const RuleItem = v.object({
	key: v.string(),
	title: v.string(),
	link: v.string(),
	author: v.optional(v.string()),
	categories: v.array(v.string()),
	content: v.pipe(v.string(), v.maxLength(CONTENT_TEXT_MAX)),
});
export type RuleItem = v.InferOutput<typeof RuleItem>;

// The same item is read for the rules and for the dry run's copy in one commit: its text is taken once.
const seen = new WeakMap<FeedItem, RuleItem>();

export function ruleItemOf(item: FeedItem): RuleItem {
	const known = seen.get(item);
	if (known) return known;
	const read: RuleItem = {
		key: item.key,
		title: item.title,
		link: item.link,
		categories: item.categories ?? [],
		content: capText(htmlToText(item.contentHtml), CONTENT_TEXT_MAX),
	};
	if (item.author !== undefined) read.author = item.author;
	seen.set(item, read);
	return read;
}

/** The first `max` units, never ending inside a surrogate pair. */
export function capText(text: string, max: number): string {
	if (text.length <= max) return text;
	const code = text.charCodeAt(max - 1);
	return text.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
}
