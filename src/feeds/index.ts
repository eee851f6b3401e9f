/**
 * @module The fetch-free feed pipeline: bytes → text (charset) → format-specific document (feedsmith) →
 * normalized, sanitized FeedItems. Synchronous, and never throws: every failure is a value.
 */
import type { FeedItem } from "../schemas/feed-item";
import { decodeBody } from "./decode";
import { normalize } from "./normalize";
import { type FeedFormat, failure, type ParseFailure, parseDocument } from "./parse";

export type { FeedFormat, ParseFailure } from "./parse";

export type FeedParseResult =
	| {
			ok: true;
			format: FeedFormat;
			title?: string;
			link?: string;
			items: FeedItem[];
			dropped: { index: number; reason: string }[];
	  }
	| { ok: false; error: ParseFailure };

/** Items read when the caller sets no limit: enough for any news feed, bounded for the CPU budget. */
export const DEFAULT_MAX_ITEMS = 200;
/** Bodies past this are refused before any work: no feed worth reading is this large. */
export const MAX_BODY_BYTES = 8 * 1024 * 1024;

export function parseFeed(input: {
	body: Uint8Array;
	url: string;
	contentType?: string | null;
	now: Date;
	maxItems?: number;
}): FeedParseResult {
	try {
		if (input.body.byteLength > MAX_BODY_BYTES) {
			return { ok: false, error: failure("parse.too_large", `${input.body.byteLength} bytes`) };
		}
		const { text } = decodeBody(input.body, input.contentType);
		const doc = parseDocument(text, Math.max(0, input.maxItems ?? DEFAULT_MAX_ITEMS));
		if ("stage" in doc) return { ok: false, error: doc };
		const { title, link, items, dropped } = normalize(doc, input.url, input.now);
		return { ok: true, format: doc.format, ...(title && { title }), ...(link && { link }), items, dropped };
	} catch (error) {
		const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
		return { ok: false, error: failure("parse.internal", detail) };
	}
}
