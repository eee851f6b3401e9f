/** @module Draft to FeedItem: the rules every format shares (key, title fallback, dates, sanitizing, image). */
import * as v from "valibot";
import { err, ok, type Result } from "../../result";
import { htmlToText, sanitizeHtml } from "../../sanitize/html";
import {
	FEED_ITEM_ALT_MAX,
	FEED_ITEM_AUTHOR_MAX,
	FEED_ITEM_CATEGORIES_MAX,
	FEED_ITEM_CATEGORY_MAX,
	FEED_ITEM_CONTENT_MAX_BYTES,
	FEED_ITEM_KEY_MAX,
	FEED_ITEM_SUMMARY_MAX,
	FEED_ITEM_TITLE_MAX,
	FeedItem,
} from "../../schemas/feed-item";
import { describeIssue } from "../../schemas/issues";
import { capHtml } from "./cap";
import type { Draft, ImageCandidate } from "./draft";
import { collapse, truncateAtWord } from "./text";
import { timestamps } from "./timestamps";

/** A title made from the text is a headline, not the first paragraph. */
const DERIVED_TITLE_MAX = 120;

/** The item, or why it was dropped (a sentence for the feed's `dropped` list, not a code: the feed still parsed). */
export type Built = Result<FeedItem, string>;

export function buildItem(draft: Draft, now: Date): Built {
	const link = draft.link;
	if (link === undefined) return err("no usable link");
	// Capped after sanitizing: one huge item must fit a stored row (SQLite: 2 MB) and a readable page.
	const sanitized = sanitizeHtml(draft.contentHtml ?? draft.summaryHtml ?? "", draft.contentBase).trim();
	const contentHtml = capHtml(sanitized, FEED_ITEM_CONTENT_MAX_BYTES);
	const summaryText = draft.summaryHtml === undefined ? "" : htmlToText(draft.summaryHtml);
	const item: FeedItem = {
		key: itemKey(draft.id, link),
		title: itemTitle(draft, summaryText, contentHtml, link),
		link,
		...timestamps(draft, now),
		contentHtml,
	};
	const author = itemAuthor(draft.author);
	if (author !== undefined) item.author = author;
	const categories = itemCategories(draft.categories);
	if (categories.length > 0) item.categories = categories;
	if (summaryText !== "") item.summary = truncateAtWord(summaryText, FEED_ITEM_SUMMARY_MAX);
	const image = itemImage(draft.images);
	if (image !== undefined) item.image = image;
	const checked = v.safeParse(FeedItem, item);
	if (!checked.success) return err(`invalid: ${describeIssue(checked.issues)}`);
	return ok(checked.output);
}

/**
 * The guid/id, trimmed and without control characters (no feed means one; the store keeps a
 * source's id and the key apart with one), when it fits; otherwise the link (at most 2048 characters by schema).
 */
function itemKey(id: string | undefined, link: string): string {
	// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
	const trimmed = id?.replace(/[\u0000-\u001f\u007f]/g, "").trim();
	return trimmed !== undefined && trimmed !== "" && trimmed.length <= FEED_ITEM_KEY_MAX ? trimmed : link;
}

/** The item's title as text; without one, the start of its summary or body; without text, its link. */
function itemTitle(draft: Draft, summaryText: string, contentHtml: string, link: string): string {
	const own =
		draft.title === undefined ? "" : draft.title.html ? htmlToText(draft.title.text) : collapse(draft.title.text);
	if (own !== "") return truncateAtWord(own, FEED_ITEM_TITLE_MAX);
	const text = summaryText !== "" ? summaryText : htmlToText(contentHtml);
	if (text !== "") return truncateAtWord(text, DERIVED_TITLE_MAX);
	return truncateAtWord(link.replace(/^https?:\/\/(www\.)?/, ""), DERIVED_TITLE_MAX);
}

function itemAuthor(author: string | undefined): string | undefined {
	const text = author === undefined ? "" : htmlToText(author);
	return text === "" ? undefined : truncateAtWord(text, FEED_ITEM_AUTHOR_MAX);
}

/** Plain-text labels without repeats, each cut at a word; the first FEED_ITEM_CATEGORIES_MAX. */
function itemCategories(labels: Draft["categories"]): string[] {
	const kept = new Set<string>();
	for (const label of labels ?? []) {
		if (label === undefined) continue;
		if (kept.size === FEED_ITEM_CATEGORIES_MAX) break;
		const text = truncateAtWord(collapse(label), FEED_ITEM_CATEGORY_MAX);
		if (text !== "") kept.add(text);
	}
	return [...kept];
}

/** The first https candidate; http images are dropped, not upgraded (the https host may not exist). */
function itemImage(candidates: readonly ImageCandidate[]): FeedItem["image"] {
	const chosen = candidates.find((c) => c.url.startsWith("https://") && c.url.length <= 2048);
	if (chosen === undefined) return undefined;
	const image: NonNullable<FeedItem["image"]> = {
		url: chosen.url,
		alt: truncateAtWord(htmlToText(chosen.alt ?? ""), FEED_ITEM_ALT_MAX),
	};
	if (isDimension(chosen.width) && isDimension(chosen.height)) {
		image.width = chosen.width;
		image.height = chosen.height;
	}
	return image;
}

function isDimension(n: number | undefined): n is number {
	return n !== undefined && Number.isInteger(n) && n >= 1 && n <= 10000;
}
