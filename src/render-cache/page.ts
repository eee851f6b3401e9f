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
	const rendered = await resolveCallback(view as string, HtmlEscapedCallbackPhase.Stringify, false, {});
	// The renderer's string is a rope of every piece it concatenated, and workerd walks a rope again
	// for every Response built from it (measured: ~25 µs per request on a 14 KB article page).
	// Encoding once and decoding the bytes back gives a flat string; the ETag digests those bytes.
	const bytes = encoder.encode(rendered);
	const page = { html: decoder.decode(bytes), etag: `"${await sha1HexOf(bytes)}"` };
	const nowMs = now.getTime();
	return pages.store(key, nowMs, headlinesValidUntil(index, shown, nowMs), page, deps[0], deps[1], deps[2]);
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Hono's ETag middleware digest: SHA-1 over the UTF-8 body, chained per 256 KiB chunk, as hex. */
export function sha1Hex(text: string): Promise<string> {
	return sha1HexOf(encoder.encode(text));
}

async function sha1HexOf(bytes: Uint8Array): Promise<string> {
	const CHUNK = 262_144;
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
