/** @module Atom 1.0 (RFC 4287, and 0.3 as feedsmith maps it) feed and entries to drafts. */
import type { AtomFeed } from "feedsmith";
import { htmlToText } from "../../sanitize/html";
import type { Adapted, Draft, ImageCandidate } from "./draft";
import { enclosureImages, mediaImages } from "./media";
import { textToHtml } from "./text";
import { childBase, contentBase, firstUrl, urlLikeId } from "./urls";

type Entry = AtomFeed.Entry<string>;
type Feed = AtomFeed.Feed<string>;
type Link = AtomFeed.Link<string>;
type Text = AtomFeed.Text;

export function adaptAtom(feed: Feed, feedUrl: string): Adapted {
	const docBase = childBase(feed.xml?.base, feedUrl);
	const link = alternateLink(feed.links, docBase);
	const base = feed.xml?.base === undefined ? (link ?? feedUrl) : docBase;
	const feedAuthor = authorNames(feed.authors);
	return {
		title: feed.title === undefined ? undefined : textOf(feed.title) || undefined,
		link,
		drafts: (feed.entries ?? []).map((entry) => draft(entry, base, feed.xml?.base !== undefined, feedAuthor)),
	};
}

function draft(entry: Entry, feedBase: string, feedHasXmlBase: boolean, feedAuthor: string | undefined): Draft {
	const base = childBase(entry.xml?.base, feedBase);
	const link = entryLink(entry, base);
	const hasXmlBase = feedHasXmlBase || entry.xml?.base !== undefined || entry.content?.xml?.base !== undefined;
	return {
		id: entry.id,
		link,
		title: entryTitle(entry),
		// RFC 4287 §4.2.1: an entry without authors inherits its source's, then its feed's.
		author: authorNames(entry.authors) ?? authorNames(entry.source?.authors) ?? feedAuthor,
		categories: (entry.categories ?? []).map((c) => c.label ?? c.term),
		published: entry.published,
		updated: entry.updated,
		dcDate: entry.dc?.dates?.[0],
		summaryHtml: entry.summary === undefined ? undefined : htmlOf(entry.summary),
		contentHtml: entryContent(entry) ?? (entry.summary === undefined ? mediaDescription(entry) : undefined),
		contentBase: contentBase(hasXmlBase ? childBase(entry.content?.xml?.base, base) : undefined, link, base),
		images: entryImages(entry, base),
	};
}

/** RFC 4287 §4.2.7.2: a link without rel is an alternate; prefer an HTML one when several exist. */
function alternateLink(links: readonly Link[] | undefined, base: string): string | undefined {
	const alternates = (links ?? []).filter((l) => l.rel === undefined || l.rel === "alternate");
	const html = alternates.filter((l) => l.type === undefined || /html/i.test(l.type));
	return firstUrl(
		[...html, ...alternates].map((l) => l.href),
		base,
	);
}

/** The alternate link, else the id when it is itself a URL (many feeds use the permalink as id). */
function entryLink(entry: Entry, base: string): string | undefined {
	return alternateLink(entry.links, base) ?? urlLikeId(entry.id);
}

/** RFC 4287 §3.1: type="text" (the default) is plain text; html and xhtml carry markup. */
function entryTitle(entry: Entry): Draft["title"] {
	const title = entry.title;
	return title === undefined ? undefined : { text: title.value, html: isMarkup(title.type) };
}

function isMarkup(type: string | undefined): boolean {
	return type === "html" || type === "xhtml" || type === "text/html" || type === "application/xhtml+xml";
}

function textOf(text: Text): string {
	return isMarkup(text.type) ? htmlToText(text.value) : text.value.replace(/\s+/g, " ").trim();
}

function htmlOf(text: { value?: string; type?: string }): string | undefined {
	if (text.value === undefined) return undefined;
	return isMarkup(text.type) ? text.value : textToHtml(text.value);
}

/** RFC 4287 §4.1.3: out-of-line content (src) and non-text media types carry no body we can show. */
function entryContent(entry: Entry): string | undefined {
	const content = entry.content;
	if (content === undefined || content.src !== undefined) return undefined;
	const type = content.type;
	if (type !== undefined && !isMarkup(type) && type !== "text" && !type.startsWith("text/")) return undefined;
	return htmlOf(content);
}

/** YouTube-style entries carry their only text in media:group/media:description. */
function mediaDescription(entry: Entry): string | undefined {
	const text = entry.media?.description?.value ?? entry.media?.groups?.[0]?.description?.value;
	return text === undefined ? undefined : textToHtml(text);
}

function authorNames(authors: readonly { name?: string }[] | undefined): string | undefined {
	const names = (authors ?? []).map((a) => a.name).filter((n) => n !== undefined && n !== "");
	return names.length > 0 ? names.join(", ") : undefined;
}

function entryImages(entry: Entry, base: string): ImageCandidate[] {
	const enclosures = (entry.links ?? [])
		.filter((l) => l.rel === "enclosure")
		.map((l) => ({ url: l.href, type: l.type }));
	return [...mediaImages(entry.media, base), ...enclosureImages(enclosures, base)];
}
