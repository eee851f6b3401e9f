/** @module JSON Feed 1.0/1.1 feed and items to drafts. */
import type { JsonFeed } from "feedsmith";
import type { Adapted, Draft, ImageCandidate } from "./draft";
import { enclosureImages } from "./media";
import { textToHtml } from "./text";
import { absoluteUrl, contentBase, firstUrl, urlLikeId } from "./urls";

type Item = JsonFeed.Item<string>;
type Feed = JsonFeed.Feed<string>;

export function adaptJson(feed: Feed, feedUrl: string): Adapted {
	const link = absoluteUrl(feed.home_page_url, feedUrl);
	const base = link ?? absoluteUrl(feed.feed_url, feedUrl) ?? feedUrl;
	const feedAuthor = authorNames(feed.authors);
	const title = feed.title?.replace(/\s+/g, " ").trim();
	return { title: title || undefined, link, drafts: (feed.items ?? []).map((item) => draft(item, base, feedAuthor)) };
}

function draft(item: Item, base: string, feedAuthor: string | undefined): Draft {
	const link = itemLink(item, base);
	return {
		id: item.id,
		link,
		// JSON Feed §"Items": title is plain text.
		title: item.title === undefined ? undefined : { text: item.title, html: false },
		// JSON Feed 1.1: an item without authors has the feed's.
		author: authorNames(item.authors) ?? feedAuthor,
		categories: item.tags,
		published: item.date_published,
		updated: item.date_modified,
		summaryHtml: item.summary === undefined ? undefined : textToHtml(item.summary),
		contentHtml: item.content_html ?? (item.content_text === undefined ? undefined : textToHtml(item.content_text)),
		contentBase: contentBase(undefined, link, base),
		images: itemImages(item, base),
	};
}

/** `url` is the item's permalink; `external_url` (a linkblog's target) only stands in when there is none. */
function itemLink(item: Item, base: string): string | undefined {
	return firstUrl([item.url, item.external_url], base) ?? urlLikeId(item.id);
}

function authorNames(authors: readonly { name?: string }[] | undefined): string | undefined {
	const names = (authors ?? []).map((a) => a.name).filter((n) => n !== undefined && n !== "");
	return names.length > 0 ? names.join(", ") : undefined;
}

function itemImages(item: Item, base: string): ImageCandidate[] {
	const own = [item.image, item.banner_image].flatMap((u) => {
		const url = absoluteUrl(u, base);
		return url === undefined ? [] : [{ url }];
	});
	const attachments = (item.attachments ?? []).map((a) => ({ url: a.url, type: a.mime_type }));
	return [...own, ...enclosureImages(attachments, base)];
}
