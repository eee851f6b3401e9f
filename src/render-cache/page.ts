/**
 * @module Reader pages through the render cache: the HTML and its ETag, rendered and digested
 * once per validity window instead of on every request.
 */
import { HtmlEscapedCallbackPhase, resolveCallback } from "hono/utils/html";
import { ok, type Result } from "../result";
import type { HeadlinesIndex } from "../schemas/article";
import { sha1HexOf } from "./digest";
import { RenderCache, type RenderKey } from "./index";
import { headlinesValidUntil } from "./validity";

/** A page's HTML; `etag` is set when it was digested here, else the etag middleware computes it. */
export type RenderedPage = { html: string; etag?: string };

/** What a page is rendered from: its view (a hono/jsx element) and the headlines whose ages it shows. */
export type PageRender = {
	view: unknown;
	/** The index the page was built from: a scheduled headline in it going live ends the copy too. */
	index: HeadlinesIndex;
	shown: readonly { publishedAt: string }[];
};

/** Home, older and section pages, and the articles read in the last moments; each a few tens of KB. */
const pages = new RenderCache<RenderedPage>(128);

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * `view` as UTF-8, exactly as `c.html()` would render it. The renderer's string is a rope of every
 * piece it concatenated, and workerd walks a rope again for every Response built from it
 * (measured: ~25 µs per request on a 14 KB article page); decoding these bytes gives a flat one.
 */
async function renderBytes(view: unknown): Promise<Uint8Array> {
	return encoder.encode(await resolveCallback(view as string, HtmlEscapedCallbackPhase.Stringify, false, {}));
}

/** `view` as HTML, for a page that can't be cached (its ETag is left to the etag middleware). */
export async function renderHtml(view: unknown): Promise<string> {
	return decoder.decode(await renderBytes(view));
}

/**
 * The page for `entry` from the cache while every age on it is current. Otherwise `build()`
 * assembles it (or fails, and nothing is kept); it is rendered, digested, and kept until the
 * first age among `shown` changes or a scheduled headline in `index` goes live.
 */
export async function cachedPage<E>(
	entry: RenderKey,
	now: Date,
	build: () => Result<PageRender, E>,
): Promise<Result<RenderedPage, E>> {
	const nowMs = now.getTime();
	const held = pages.lookup(entry, nowMs);
	if (held !== undefined) return ok(held);
	const built = build();
	if (!built.ok) return built;
	const { view, index, shown } = built.value;
	const bytes = await renderBytes(view);
	const page = { html: decoder.decode(bytes), etag: `"${await sha1HexOf(bytes)}"` };
	return ok(pages.store(entry, nowMs, headlinesValidUntil(index, shown, nowMs), page));
}
