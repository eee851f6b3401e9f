/** @module A JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/) of the latest articles, the site's or a section's. */
import type { JsonFeed } from "feedsmith";
import { articlePath } from "../publishing/paths";
import type { Headline } from "../schemas/article";
import { type FeedDocument, feedPath } from "./feeds";

const VERSION = "https://jsonfeed.org/version/1.1";

/**
 * One item per headline. The spec wants content_html or content_text in every item, and the
 * index holds no body (reading each article would cost a KV read apiece), so the title stands
 * in as content_text, as the Atom entries stand on their title alone. Headlines carry no edit
 * time, so date_modified is the publication time, as Atom's `updated` is.
 */
function item(h: Headline, origin: string): JsonFeed.Item<string, true> {
	const url = `${origin}${articlePath(h.slug)}`;
	const entry: JsonFeed.Item<string, true> = {
		id: url,
		url,
		title: h.title,
		content_text: h.title,
		date_published: h.publishedAt,
		date_modified: h.publishedAt,
	};
	if (h.section) entry.tags = [h.section];
	if (h.source) entry.authors = [{ name: h.source }];
	return entry;
}

/** The feed as JSON text; a configured hub is listed with type `WebSub`, the protocol it speaks. */
export function jsonFeed(feed: FeedDocument): string {
	const { origin, hub } = feed;
	// feedsmith's type leaves `version` to the generator; ours writes the document itself.
	const document: { version: string } & JsonFeed.Feed<string, true> = {
		version: VERSION,
		title: feed.title,
		home_page_url: `${origin}${feed.homePath}`,
		feed_url: `${origin}${feedPath("json", feed.sectionSlug)}`,
		description: feed.description,
		language: "en",
		authors: [{ name: feed.siteName }],
		...(hub ? { hubs: [{ type: "WebSub", url: hub }] } : {}),
		items: feed.headlines.map((h) => item(h, origin)),
	};
	return JSON.stringify(document);
}
