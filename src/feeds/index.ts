/**
 * @module The fetch-free feed pipeline: bytes → text (charset) → format-specific document (feedsmith) →
 * normalized, sanitized FeedItems. Synchronous, and never throws: every failure is a `parse.*` value.
 */
import { err, ok, type Result } from "../result";
import type { FeedItem } from "../schemas/feed-item";
import { decodeBody } from "./decode";
import { normalize } from "./normalize";
import { type FeedFormat, parseDocument } from "./parse";
import { type ParseError, parseError } from "./parse/errors";
import { type DeclaredHub, declaredHub } from "./parse/hub";

export type { FeedFormat, ParseError, ParseErrorCode } from "./parse";

/** A feed read end to end: its items, and each item it had to drop with the reason. */
export type ParsedFeed = {
	format: FeedFormat;
	title?: string;
	link?: string;
	items: FeedItem[];
	dropped: { index: number; reason: string }[];
	/** The WebSub hub the document declares, with its self URL (parse/hub.ts). */
	hub?: DeclaredHub;
};

export type FeedParseResult = Result<ParsedFeed, ParseError>;

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
			return err(parseError("parse.too_large", `${input.body.byteLength} bytes`));
		}
		const { text } = decodeBody(input.body, input.contentType);
		const doc = parseDocument(text, Math.max(0, input.maxItems ?? DEFAULT_MAX_ITEMS));
		if (!doc.ok) return doc;
		const { title, link, items, dropped } = normalize(doc.value, input.url, input.now);
		const hub = declaredHub(doc.value, input.url);
		return ok({
			format: doc.value.format,
			...(title && { title }),
			...(link && { link }),
			items,
			dropped,
			...(hub && { hub }),
		});
	} catch (error) {
		// Only a bug gets here; one feed's bug must not fail the run, so it becomes this feed's failure.
		const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
		return err(parseError("parse.internal", detail));
	}
}
