/** @module RSS 1.0 / RDF Site Summary (and RSS 0.90) channel and items to drafts. */
import type { RdfFeed } from "feedsmith";
import { htmlToText } from "../../sanitize/html";
import type { Adapted, Draft } from "./draft";
import { mediaImages } from "./media";
import { childBase, contentBase, firstUrl, urlLikeId } from "./urls";

type Item = RdfFeed.Item<string>;
type Feed = RdfFeed.Feed<string>;

export function adaptRdf(feed: Feed, feedUrl: string): Adapted {
	const link = firstUrl([feed.link], childBase(feed.xml?.base, feedUrl));
	const base = feed.xml?.base === undefined ? (link ?? feedUrl) : childBase(feed.xml.base, feedUrl);
	return {
		title: feed.title === undefined ? undefined : htmlToText(feed.title) || undefined,
		link,
		drafts: (feed.items ?? []).map((item) => draft(item, base, feed.xml?.base === undefined ? undefined : base)),
	};
}

function draft(item: Item, feedBase: string, feedXmlBase: string | undefined): Draft {
	const base = childBase(item.xml?.base, feedBase);
	const link = itemLink(item, base);
	return {
		id: itemId(item),
		link,
		title: itemTitle(item),
		author: itemAuthor(item),
		categories: item.dc?.subjects,
		published: item.dcterms?.issued?.[0] ?? item.dcterms?.created?.[0],
		updated: item.dcterms?.modified?.[0],
		// RSS 1.0 has no date of its own; the Dublin Core module's dc:date is the item's date.
		dcDate: item.dc?.dates?.[0] ?? item.dcterms?.dates?.[0],
		summaryHtml: item.description ?? item.dc?.descriptions?.[0],
		contentHtml: item.content?.encoded,
		contentBase: contentBase(item.xml?.base === undefined ? feedXmlBase : base, link, base),
		images: mediaImages(item.media, base),
	};
}

/** RSS 1.0 §5.5: rdf:about is the item's URI and identity. */
function itemId(item: Item): string | undefined {
	return item.rdf?.about;
}

function itemLink(item: Item, base: string): string | undefined {
	return firstUrl([item.link], base) ?? urlLikeId(item.rdf?.about);
}

function itemTitle(item: Item): Draft["title"] {
	const text = item.title ?? item.dc?.titles?.[0];
	return text === undefined ? undefined : { text, html: true };
}

function itemAuthor(item: Item): string | undefined {
	const creators = item.dc?.creators;
	return creators === undefined || creators.length === 0 ? undefined : creators.join(", ");
}
