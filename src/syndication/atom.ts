/** @module An Atom 1.0 feed (RFC 4287) of the latest articles, the site's or a section's, built from headlines alone. */

import { articlePath } from "../publishing/paths";
import type { Headline } from "../schemas/article";
import { FEED_TYPES, type FeedDocument, feedPath } from "./feeds";
import { XML_DECLARATION, xmlText } from "./xml";

/**
 * One `<entry>` per headline: id and alternate link (RFC 4287 §4.1.2: an entry without content
 * must have one), title, published and updated, the section as a category and, for ingested
 * articles, the source as author. Entries carry no summary: the index holds none, and reading
 * every article would cost a KV read each.
 */
function entry(h: Headline, origin: string): string {
	const url = xmlText(`${origin}${articlePath(h.slug)}`);
	const parts = [
		`<id>${url}</id>`,
		`<title type="text">${xmlText(h.title)}</title>`,
		`<link rel="alternate" type="text/html" href="${url}"/>`,
		`<published>${h.publishedAt}</published>`,
		`<updated>${h.publishedAt}</updated>`,
	];
	if (h.section) parts.push(`<category term="${xmlText(h.section)}"/>`);
	if (h.source) parts.push(`<author><name>${xmlText(h.source)}</name></author>`);
	return `<entry>${parts.join("")}</entry>`;
}

/**
 * The feed document, its id the page it follows. A hub is declared with `rel="hub"` beside the
 * self link, as WebSub §4 asks, so a subscriber finds both in the feed itself.
 */
export function atomFeed(feed: FeedDocument): string {
	const { origin, siteName, headlines, updated, hub } = feed;
	const home = xmlText(`${origin}${feed.homePath}`);
	const self = xmlText(`${origin}${feedPath("atom", feed.sectionSlug)}`);
	return [
		XML_DECLARATION,
		'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">',
		`<id>${home}</id>`,
		`<title type="text">${xmlText(feed.title)}</title>`,
		`<subtitle type="text">${xmlText(feed.description)}</subtitle>`,
		`<link rel="self" type="${FEED_TYPES.atom}" href="${self}"/>`,
		...(hub ? [`<link rel="hub" href="${xmlText(hub)}"/>`] : []),
		`<link rel="alternate" type="text/html" href="${home}"/>`,
		`<updated>${updated}</updated>`,
		`<author><name>${xmlText(siteName)}</name></author>`,
		`<generator uri="${xmlText(`${origin}/`)}">${xmlText(siteName)}</generator>`,
		...headlines.map((h) => entry(h, origin)),
		"</feed>\n",
	].join("\n");
}
