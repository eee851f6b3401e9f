/**
 * @module The WebSub hub a feed document declares (WebSub §4, "Discovery"): Atom's and RSS's
 * `<link rel="hub">` / `<atom:link rel="hub">` with the `rel="self"` topic beside it, and JSON Feed's
 * `hubs` with its `feed_url`. Read from feedsmith's output, so it costs no second parse.
 */
import type { ParsedDocument } from "./index";

/** A hub and the topic URL the feed names for itself (absent: the caller uses the URL it fetched). */
export type DeclaredHub = { hub: string; self?: string };

type Link = { href?: string; rel?: string };

export function declaredHub(doc: ParsedDocument, feedUrl: string): DeclaredHub | undefined {
	switch (doc.format) {
		case "atom":
			return fromLinks(doc.feed.links, feedUrl);
		case "rss":
		case "rdf":
			return fromLinks(doc.feed.atom?.links, feedUrl);
		case "json": {
			const hub = doc.feed.hubs?.find((h) => /^websub$|^pubsubhubbub$/i.test(h.type ?? ""))?.url;
			return withSelf(absolute(hub, feedUrl), absolute(doc.feed.feed_url, feedUrl));
		}
	}
}

function fromLinks(links: readonly Link[] | undefined, feedUrl: string): DeclaredHub | undefined {
	const rel = (name: string) => links?.find((l) => l.rel?.trim().toLowerCase() === name)?.href;
	return withSelf(absolute(rel("hub"), feedUrl), absolute(rel("self"), feedUrl));
}

function withSelf(hub: string | undefined, self: string | undefined): DeclaredHub | undefined {
	if (hub === undefined) return undefined;
	return self === undefined ? { hub } : { hub, self };
}

/** Resolved against the feed's URL; only http(s) is a hub or a topic anyone can reach. */
function absolute(href: string | undefined, base: string): string | undefined {
	if (!href?.trim()) return undefined;
	try {
		const url = new URL(href.trim(), base);
		return url.protocol === "http:" || url.protocol === "https:" ? url.href : undefined;
	} catch {
		return undefined;
	}
}
