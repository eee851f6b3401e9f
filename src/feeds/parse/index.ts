/**
 * @module Text to a format-specific document: detect the format from the content, then let feedsmith
 * parse it. Failures are `parse.*` values; only a bug throws.
 */
import {
	type AtomFeed,
	DetectError,
	type JsonFeed,
	ParseError as LibraryParseError,
	MalformedError,
	parseAtomFeed,
	parseJsonFeed,
	parseRdfFeed,
	parseRssFeed,
	type RdfFeed,
	type RssFeed,
} from "feedsmith";
import { err, ok, type Result } from "../../result";
import { removeDoctype } from "./doctype";
import { type ParseError, parseError } from "./errors";
import { sniff } from "./sniff";

export type { ParseError, ParseErrorCode } from "./errors";

export type FeedFormat = "rss" | "atom" | "rdf" | "json";

export type ParsedDocument =
	| { format: "rss"; feed: RssFeed.Feed<string> }
	| { format: "atom"; feed: AtomFeed.Feed<string> }
	| { format: "rdf"; feed: RdfFeed.Feed<string> }
	| { format: "json"; feed: JsonFeed.Feed<string> };

const XML_ROOTS: Readonly<Record<string, Exclude<FeedFormat, "json">>> = { rss: "rss", feed: "atom", rdf: "rdf" };

type Parsed = Result<ParsedDocument, ParseError>;

const fail = (code: ParseError["code"], detail: string): Parsed => err(parseError(code, detail));

/** Parse decoded text; `maxItems` bounds the work feedsmith does on long feeds. */
export function parseDocument(text: string, maxItems?: number): Parsed {
	const start = junkBeforeDeclaration(text);
	return start === 0 ? parseFrom(text, maxItems) : parseFrom(text.slice(start), maxItems);
}

/**
 * Where an XML declaration starts after something else: servers sometimes print a warning before the feed
 * ("Warning: … on line 3<br />"). A declaration is only legal at the very start, so one found later marks
 * where the document really begins. 0 when there is nothing to skip.
 */
function junkBeforeDeclaration(text: string): number {
	const first = sniff(text);
	if (
		first.kind === "json" ||
		first.kind === "empty" ||
		(first.kind === "xml" && Object.hasOwn(XML_ROOTS, first.root))
	) {
		return 0;
	}
	const declaration = text.slice(0, 4096).indexOf("<?xml", 1);
	return declaration === -1 ? 0 : declaration;
}

function parseFrom(text: string, maxItems?: number): Parsed {
	const sniffed = sniff(text);
	switch (sniffed.kind) {
		case "empty":
			return fail("parse.empty", "the body is empty");
		case "html":
			return fail("parse.not_a_feed", "an HTML page, not a feed");
		case "unknown":
			return fail("parse.unknown_format", sniffed.detail);
		case "json":
			return parseJson(text, maxItems);
		case "xml": {
			const format = Object.hasOwn(XML_ROOTS, sniffed.root) ? XML_ROOTS[sniffed.root] : undefined;
			if (format === undefined) return fail("parse.unknown_format", `root element <${sniffed.root}>`);
			return parseXml(format, repairTail(removeDoctype(text)), maxItems);
		}
	}
}

function parseXml(format: Exclude<FeedFormat, "json">, text: string, maxItems?: number): Parsed {
	// The XML parser forgives unclosed elements at EOF; a truncated download must not pass for a short feed.
	if (!closesRoot(text, format)) return fail("parse.malformed", "the document ends before its root element closes");
	try {
		if (format === "rss") return ok({ format, feed: parseRssFeed(text, { maxItems }) });
		if (format === "atom") return ok({ format, feed: parseAtomFeed(text, { maxItems }) });
		return ok({ format, feed: parseRdfFeed(text, { maxItems }) });
	} catch (error) {
		if (error instanceof MalformedError) return fail("parse.malformed", causeOf(error));
		if (!(error instanceof DetectError || error instanceof LibraryParseError)) throw error;
		// feedsmith found no channel/entries. A complete document (its root closed) is an empty feed.
		if (!closesRoot(text, format)) return fail("parse.malformed", "the document ends before its root element closes");
		return ok({ format, feed: {} } as ParsedDocument);
	}
}

function parseJson(text: string, maxItems?: number): Parsed {
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch (error) {
		return fail("parse.malformed", error instanceof Error ? error.message : "invalid JSON");
	}
	if (!isJsonFeed(json)) return fail("parse.unknown_format", "JSON, but not a JSON Feed");
	try {
		return ok({ format: "json", feed: parseJsonFeed(json, { maxItems }) });
	} catch (error) {
		if (error instanceof DetectError || error instanceof LibraryParseError) {
			return fail("parse.unknown_format", "JSON, but not a JSON Feed");
		}
		throw error;
	}
}

/** JSON Feed 1.0/1.1 §"Top-level": `version` is the spec URL; older generators omit it but keep `items`. */
function isJsonFeed(json: unknown): json is Record<string, unknown> {
	if (typeof json !== "object" || json === null || Array.isArray(json)) return false;
	const { version, items } = json as Record<string, unknown>;
	return (typeof version === "string" && version.includes("jsonfeed.org/version/")) || Array.isArray(items);
}

/** A final end tag missing only its ">" (`</rss` at EOF) is completed: everything else is intact. */
function repairTail(text: string): string {
	return /<\/[A-Za-z][\w:.-]*\s*$/.test(text) ? `${text.trimEnd()}>` : text;
}

function closesRoot(text: string, format: Exclude<FeedFormat, "json">): boolean {
	let end = text.trimEnd();
	while (end.endsWith("-->")) {
		const start = end.lastIndexOf("<!--");
		if (start === -1) break;
		end = end.slice(0, start).trimEnd();
	}
	const root = format === "atom" ? "feed" : format;
	return new RegExp(`</(?:[\\w.-]+:)?${root}\\s*>$`, "i").test(end.slice(-200));
}

function causeOf(error: Error): string {
	return error.cause instanceof Error ? error.cause.message : error.message;
}
