/**
 * @module Reader pages through the render cache: the HTML and its ETag, rendered and digested
 * once per validity window instead of on every request.
 */
import { HtmlEscapedCallbackPhase, resolveCallback } from "hono/utils/html";
import type { HeadlinesIndex } from "../schemas/article";
import { RenderCache } from "./index";
import { headlinesValidUntil } from "./validity";

export type RenderedPage = { html: string; etag: string };

/** Home, older and section pages, and the articles read in the last moments; each a few tens of KB. */
const pages = new RenderCache<RenderedPage>(128);

/** The page for `key` rendered from these very records, if every age on it is still current. */
export function cachedPage(key: string, nowMs: number, a: unknown, b?: unknown, c?: unknown): RenderedPage | undefined {
	return pages.lookup(key, nowMs, a, b, c);
}

/**
 * Renders `view` (a hono/jsx element) to HTML exactly as `c.html()` would, digests it, and keeps
 * it until the first age among `shown` changes or a scheduled headline in `index` goes live.
 */
export async function renderPage(
	key: string,
	now: Date,
	index: HeadlinesIndex,
	shown: readonly { publishedAt: string }[],
	view: unknown,
	deps: readonly [unknown, unknown?, unknown?],
): Promise<RenderedPage> {
	const html = await resolveCallback(view as string, HtmlEscapedCallbackPhase.Stringify, false, {});
	const page = { html, etag: `"${await sha1Hex(html)}"` };
	const nowMs = now.getTime();
	return pages.store(key, nowMs, headlinesValidUntil(index, shown, nowMs), page, deps[0], deps[1], deps[2]);
}

/** Hono's ETag middleware digest: SHA-1 over the UTF-8 body, chained per 256 KiB chunk, as hex. */
export async function sha1Hex(text: string): Promise<string> {
	const CHUNK = 262_144;
	const bytes = new TextEncoder().encode(text);
	let result: ArrayBuffer | undefined;
	for (let offset = 0; offset < bytes.byteLength || result === undefined; offset += CHUNK) {
		const chunk = bytes.subarray(offset, offset + CHUNK);
		let input: Uint8Array = chunk;
		if (result !== undefined) {
			input = new Uint8Array(result.byteLength + chunk.byteLength);
			input.set(new Uint8Array(result), 0);
			input.set(chunk, result.byteLength);
		}
		result = await crypto.subtle.digest("SHA-1", input);
	}
	let hex = "";
	for (const byte of new Uint8Array(result)) hex += byte.toString(16).padStart(2, "0");
	return hex;
}
