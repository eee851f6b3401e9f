/** @module Absolute http(s) URLs for item links and bases: xml:base, then the feed's link, then the feed URL. */

/** `value` resolved against `base`, if the result is an http(s) URL. */
export function absoluteUrl(value: string | undefined, base: string): string | undefined {
	const trimmed = value?.trim();
	if (trimmed === undefined || trimmed === "") return undefined;
	const url = parse(trimmed, base) ?? parse(trimmed);
	return url !== undefined && (url.protocol === "http:" || url.protocol === "https:") ? url.href : undefined;
}

/** `new URL` without the throw; an unusable base must not sink an absolute value. */
function parse(value: string, base?: string): URL | undefined {
	try {
		return new URL(value, base);
	} catch {
		return undefined;
	}
}

/** The base a child element inherits: its own xml:base resolved against the parent's (XML Base §4.2), or the parent's. */
export function childBase(xmlBase: string | undefined, parent: string): string {
	return absoluteUrl(xmlBase, parent) ?? parent;
}

/**
 * What relative URLs inside an item's HTML resolve against: an xml:base in scope when the feed gives one
 * (XML Base), else the item's own link, since the HTML is the article at that address (as in Miniflux).
 */
export function contentBase(xmlBase: string | undefined, link: string | undefined, fallback: string): string {
	return xmlBase ?? link ?? fallback;
}

/** The first candidate that resolves to an http(s) URL. */
export function firstUrl(candidates: readonly (string | undefined)[], base: string): string | undefined {
	for (const candidate of candidates) {
		const url = absoluteUrl(candidate, base);
		if (url !== undefined) return url;
	}
	return undefined;
}

/** An id that is already an absolute http(s) URL (a permalink guid, an Atom id), used as is. */
export function urlLikeId(id: string | undefined): string | undefined {
	return id !== undefined && /^https?:\/\//i.test(id.trim()) ? absoluteUrl(id, "https://invalid.invalid/") : undefined;
}
