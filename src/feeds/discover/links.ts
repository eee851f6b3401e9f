/**
 * @module The feeds a page announces: its `<link rel="alternate">` elements of a feed type, read
 * with workerd's streaming HTMLRewriter (no DOM is built), each href resolved against the page's
 * `<base href>` and its final URL.
 */

/** RSS, Atom, RSS 1.0 and JSON Feed, as pages announce them (JSON Feed 1.1 §"Discovery" allows both JSON types). */
const FEED_TYPES = new Set([
	"application/rss+xml",
	"application/atom+xml",
	"application/rdf+xml",
	"application/feed+json",
	"application/json",
]);

/** A page announcing more than this is a link farm, not a site with feeds; the rest are ignored. */
export const MAX_LINKS = 16;
/** Matching elements read before dedup: duplicates are common (a feed per theme block), unbounded ones are not. */
const MAX_RAW_LINKS = 64;
const MAX_TITLE = 200;

export type FeedLink = { url: string; type: string; title?: string };

type RawLink = { href: string; type: string; title?: string };

/**
 * The announced feeds in document order, absolute, http(s) only, without duplicates (a fragment
 * does not make a new URL). Never throws: a body the rewriter cannot read yields what was found.
 */
export async function findFeedLinks(
	body: Uint8Array | ReadableStream<Uint8Array>,
	pageUrl: string,
): Promise<FeedLink[]> {
	const raw: RawLink[] = [];
	let baseHref: string | null = null;
	const rewriter = new HTMLRewriter()
		.on("base[href]", {
			// HTML §4.2.3: only the first <base> with an href sets the document's base URL.
			element(element) {
				baseHref ??= element.getAttribute("href");
			},
		})
		.on("link[href]", {
			element(element) {
				if (raw.length >= MAX_RAW_LINKS) return;
				const link = feedLink(element);
				if (link) raw.push(link);
			},
		});
	try {
		// No charset is passed: feed hrefs are ASCII, and a label the rewriter lacks would stop it.
		await drain(rewriter.transform(new Response(body, { headers: { "content-type": "text/html" } })));
	} catch {
		// Bytes that are not HTML at all: keep what was found before them.
	}
	return resolve(raw, baseUrl(baseHref, pageUrl));
}

function feedLink(element: Element): RawLink | null {
	const rel = (element.getAttribute("rel") ?? "").toLowerCase().split(/\s+/);
	if (!rel.includes("alternate")) return null;
	const type = (element.getAttribute("type") ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
	if (!FEED_TYPES.has(type)) return null;
	const href = element.getAttribute("href")?.trim() ?? "";
	if (!href) return null;
	const title = element.getAttribute("title")?.trim().slice(0, MAX_TITLE);
	return title ? { href, type, title } : { href, type };
}

/** The base for relative hrefs: `<base href>` resolved against the page (itself possibly relative), else the page. */
function baseUrl(baseHref: string | null, pageUrl: string): string {
	if (baseHref === null) return pageUrl;
	const base = absolute(baseHref, pageUrl);
	return base ?? pageUrl;
}

function resolve(raw: readonly RawLink[], base: string): FeedLink[] {
	const seen = new Set<string>();
	const links: FeedLink[] = [];
	for (const { href, type, title } of raw) {
		const url = absolute(href, base);
		if (url === null || seen.has(url)) continue;
		seen.add(url);
		links.push(title ? { url, type, title } : { url, type });
		if (links.length >= MAX_LINKS) break;
	}
	return links;
}

/** `href` made absolute against `base`, without its fragment; null unless it is http(s). */
export function absolute(href: string, base: string): string | null {
	try {
		const url = new URL(href, base);
		if (url.protocol !== "http:" && url.protocol !== "https:") return null;
		url.hash = "";
		return url.href;
	} catch {
		return null;
	}
}

/** The rewriter only runs as its output is read; the output itself is not wanted. */
async function drain(response: Response): Promise<void> {
	const reader = response.body?.getReader();
	if (!reader) return;
	for (;;) {
		const { done } = await reader.read();
		if (done) return;
	}
}
