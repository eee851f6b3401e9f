/**
 * @module Where a fetched feed says it is pushed from (WebSub §4, "Discovery"): the response's `Link`
 * header first (RFC 8288; the spec has subscribers prefer it), then the document's own hub link;
 * the topic is the `rel="self"` URL, else the source's URL.
 */
import type { DeclaredHub } from "../feeds/parse/hub";

/** A hub to subscribe to, and the topic to name in `hub.topic`. */
export type Declaration = { hub: string; topic: string };

/** Beyond this a header is not a feed's Link header; read no further (it is attacker-sized input). */
const MAX_LINK_HEADER = 8192;

export function declaration(input: {
	sourceUrl: string;
	/** The URL the body came from, after redirects: the base for a relative reference in the header. */
	url: string;
	linkHeader?: string | undefined;
	document?: DeclaredHub | undefined;
}): Declaration | undefined {
	const header = input.linkHeader === undefined ? {} : linkRels(input.linkHeader, input.url);
	const hub = header.hub ?? input.document?.hub;
	if (hub === undefined) return undefined;
	return { hub, topic: header.self ?? input.document?.self ?? input.sourceUrl };
}

/** The first `hub` and `self` targets of a Link header, resolved and kept only when http(s). */
export function linkRels(value: string, base: string): { hub?: string; self?: string } {
	const found: { hub?: string; self?: string } = {};
	// Each link is `<target>` and its parameters up to the next `<`; a linear scan, no backtracking.
	for (const [, target, params] of value.slice(0, MAX_LINK_HEADER).matchAll(/<([^>]*)>([^<]*)/g)) {
		const rel = /;\s*rel\s*=\s*(?:"([^"]*)"|([^\s;,]+))/i.exec(params ?? "");
		const rels = (rel?.[1] ?? rel?.[2] ?? "").toLowerCase().split(/\s+/);
		const url = httpUrl(target ?? "", base);
		if (url === undefined) continue;
		if (rels.includes("hub")) found.hub ??= url;
		if (rels.includes("self")) found.self ??= url;
	}
	return found;
}

function httpUrl(href: string, base: string): string | undefined {
	try {
		const url = new URL(href.trim(), base);
		return url.protocol === "http:" || url.protocol === "https:" ? url.href : undefined;
	} catch {
		return undefined;
	}
}
