/** @module RSS 2.0 (and 0.9x) channel and items to drafts, one small reader per field. */
import type { RssFeed } from "feedsmith";
import { htmlToText } from "../../sanitize/html";
import type { Adapted, Draft, ImageCandidate } from "./draft";
import { enclosureImages, mediaImages } from "./media";
import { absoluteUrl, childBase, contentBase, firstUrl, urlLikeId } from "./urls";

type Item = RssFeed.Item<string>;
type Feed = RssFeed.Feed<string>;

export function adaptRss(feed: Feed, feedUrl: string): Adapted {
	const link = siteLink(feed, feedUrl);
	// Item URLs resolve against xml:base, else the channel's link, else the feed URL (as Miniflux does).
	const base = feed.xml?.base === undefined ? (link ?? feedUrl) : childBase(feed.xml.base, feedUrl);
	const xmlBase = feed.xml?.base === undefined ? undefined : base;
	return { title: feedTitle(feed), link, drafts: (feed.items ?? []).map((item) => draft(item, base, xmlBase)) };
}

function draft(item: Item, feedBase: string, feedXmlBase: string | undefined): Draft {
	const base = childBase(item.xml?.base, feedBase);
	const link = itemLink(item, base);
	return {
		id: itemId(item),
		link,
		title: itemTitle(item),
		author: itemAuthor(item),
		categories: [...(item.categories ?? []).map((c) => c.name), ...(item.dc?.subjects ?? [])],
		published: item.pubDate ?? item.atom?.published ?? item.dcterms?.issued?.[0] ?? item.dcterms?.created?.[0],
		updated: item.atom?.updated ?? item.dcterms?.modified?.[0],
		dcDate: item.dc?.dates?.[0] ?? item.dcterms?.dates?.[0],
		summaryHtml: item.description,
		contentHtml: itemContent(item),
		contentBase: contentBase(item.xml?.base === undefined ? feedXmlBase : base, link, base),
		images: itemImages(item, base),
	};
}

function feedTitle(feed: Feed): string | undefined {
	return feed.title === undefined ? undefined : htmlToText(feed.title) || undefined;
}

function siteLink(feed: Feed, feedUrl: string): string | undefined {
	const alternate = feed.atom?.links?.find((l) => l.rel === undefined || l.rel === "alternate")?.href;
	return firstUrl([feed.link, alternate], childBase(feed.xml?.base, feedUrl));
}

function itemId(item: Item): string | undefined {
	return item.guid?.value;
}

/**
 * `<link>` first, then an Atom alternate link, then the guid unless isPermaLink="false" (RSS 2.0 spec,
 * "guid": isPermaLink defaults to true). A guid is used only when it is already an absolute URL.
 */
function itemLink(item: Item, base: string): string | undefined {
	const atom = item.atom?.links?.find((l) => l.rel === undefined || l.rel === "alternate")?.href;
	const fromLinks = firstUrl([item.link, atom], base);
	if (fromLinks !== undefined) return fromLinks;
	return item.guid?.isPermaLink === false ? undefined : urlLikeId(item.guid?.value);
}

/** RSS titles are HTML in practice (entity-escaped or CDATA markup), so they are read as HTML. */
function itemTitle(item: Item): Draft["title"] {
	const text = item.title ?? item.dc?.titles?.[0] ?? item.atom?.title?.value;
	return text === undefined ? undefined : { text, html: true };
}

function itemAuthor(item: Item): string | undefined {
	const creators = item.dc?.creators ?? item.dcterms?.creators;
	if (creators !== undefined && creators.length > 0) return creators.join(", ");
	const names = (item.authors ?? []).map((a) => a.name).filter((n) => n !== undefined);
	return names.length > 0 ? names.join(", ") : (item.itunes?.author ?? item.atom?.authors?.[0]?.name);
}

function itemContent(item: Item): string | undefined {
	return item.content?.encoded ?? item.atom?.content?.value;
}

function itemImages(item: Item, base: string): ImageCandidate[] {
	const itunes = absoluteUrl(item.itunes?.image, base);
	return [
		...mediaImages(item.media, base),
		...enclosureImages(item.enclosures, base),
		...(itunes === undefined ? [] : [{ url: itunes }]),
	];
}
