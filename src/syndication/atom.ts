/** @module The Atom 1.0 feed of the latest articles (RFC 4287), built from the headlines index alone. */

import { articlePath } from "../publishing/paths";
import type { Headline } from "../schemas/article";
import { XML_DECLARATION, xmlText } from "./xml";

export type AtomOptions = { origin: string; siteName: string; headlines: Headline[]; updated: string };

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

/** The feed document; `updated` is the newest entry's time (or the index's when empty). */
export function atomFeed({ origin, siteName, headlines, updated }: AtomOptions): string {
	const home = xmlText(`${origin}/`);
	return [
		XML_DECLARATION,
		'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">',
		`<id>${home}</id>`,
		`<title type="text">${xmlText(siteName)}</title>`,
		`<subtitle type="text">${xmlText(`The latest articles from ${siteName}.`)}</subtitle>`,
		`<link rel="self" type="application/atom+xml" href="${xmlText(`${origin}/feed.xml`)}"/>`,
		`<link rel="alternate" type="text/html" href="${home}"/>`,
		`<updated>${updated}</updated>`,
		`<author><name>${xmlText(siteName)}</name></author>`,
		`<generator uri="${home}">${xmlText(siteName)}</generator>`,
		...headlines.map((h) => entry(h, origin)),
		"</feed>\n",
	].join("\n");
}
