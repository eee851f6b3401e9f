/**
 * @module OPML 2.0 both ways for the source list: `writeOpml` exports it (sections as outlines,
 * settings in our namespace's attributes) and `readOpml` turns an uploaded file into its feed
 * outlines, refusing DTDs, malformed XML and files past the source cap before anything is stored.
 */
import { XMLValidator } from "fast-xml-parser";
import { parseOpml } from "feedsmith";
import { decodeBody } from "../feeds/decode";
import { err, ok, type Result } from "../result";
import { OPML_NAMESPACE, type OpmlFeed, OPML_SETTINGS as SETTINGS } from "../schemas/opml";
import { MAX_SOURCES, type SourceConfig } from "../schemas/source";
import { XML_DECLARATION, xmlText } from "../syndication/xml";

export type OpmlError = { status: 400 | 413; message: string };

/** Attribute text: escaped, with whitespace a parser would fold to spaces kept as character references. */
function attr(value: string): string {
	return xmlText(value).replace(/[\t\n\r]/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

function feedOutline(source: SourceConfig, indent: string): string {
	const name = attr(source.name);
	const attributes = [`type="rss"`, `text="${name}"`, `title="${name}"`, `xmlUrl="${attr(source.url)}"`];
	for (const setting of SETTINGS) {
		const value = source[setting];
		if (value !== undefined) attributes.push(`edgewire:${setting}="${attr(String(value))}"`);
	}
	return `${indent}<outline ${attributes.join(" ")}/>`;
}

/**
 * The list as OPML 2.0: a source without a section at the top level, each section one outline
 * holding its sources, placed where its first source stands (so importing the file into an empty
 * list and exporting again gives the same bytes). Sections are grouped as spelled.
 */
export function writeOpml(sources: readonly SourceConfig[], title: string): string {
	const entries: (SourceConfig | { section: string; sources: SourceConfig[] })[] = [];
	const sections = new Map<string, SourceConfig[]>();
	for (const source of sources) {
		if (source.section === undefined) {
			entries.push(source);
			continue;
		}
		const group = sections.get(source.section);
		if (group) group.push(source);
		else {
			const created = [source];
			sections.set(source.section, created);
			entries.push({ section: source.section, sources: created });
		}
	}
	const body = entries.map((entry) => {
		if (!("section" in entry && "sources" in entry)) return feedOutline(entry, "\t\t");
		const name = attr(entry.section);
		const inner = entry.sources.map((s) => feedOutline(s, "\t\t\t"));
		return [`\t\t<outline text="${name}" title="${name}">`, ...inner, "\t\t</outline>"].join("\n");
	});
	return [
		XML_DECLARATION.trimEnd(),
		`<opml version="2.0" xmlns:edgewire="${OPML_NAMESPACE}">`,
		"\t<head>",
		`\t\t<title>${xmlText(title)}</title>`,
		"\t</head>",
		"\t<body>",
		...body,
		"\t</body>",
		"</opml>",
		"",
	].join("\n");
}

/** The prefix the document binds to our namespace on its root, if it binds one: only then are settings read. */
function ourPrefix(text: string): string | undefined {
	const root = /<opml\b[^>]*>/i.exec(text)?.[0] ?? "";
	for (const [, prefix, , uri] of root.matchAll(/\bxmlns:([A-Za-z_][\w.-]*)\s*=\s*(["'])(.*?)\2/g)) {
		if (uri === OPML_NAMESPACE) return prefix;
	}
	return undefined;
}

/** Feeds and the categories holding them: a file of MAX_SOURCES feeds each in its own category still fits. */
const MAX_OUTLINES = 2 * MAX_SOURCES;

/** The first element's name, past the prolog, comments and processing instructions (the XML is already valid). */
const ROOT_ELEMENT = /^\uFEFF?\s*(?:(?:<\?[\s\S]*?\?>|<!--[\s\S]*?-->)\s*)*<([A-Za-z_][\w:.-]*)/;

type Outline = { [key: string]: unknown; outlines?: Outline[] };

function str(value: unknown): string | null {
	return typeof value === "string" && value !== "" ? value : null;
}

/**
 * The feed outlines of an uploaded OPML file, in document order. An outline with an `xmlUrl` is a
 * feed; one without that holds others is a category, whose `text` becomes their section (the
 * nearest one wins); any other outline is passed on without a URL, to be reported invalid.
 */
export function readOpml(body: Uint8Array, contentType: string | null): Result<OpmlFeed[], OpmlError> {
	const { text } = decodeBody(body, contentType);
	// No DTD is ever needed in OPML, and one is how entity-expansion bombs arrive: refused before any parsing.
	if (/<!DOCTYPE|<!ENTITY/i.test(text)) {
		return err({ status: 400, message: "OPML must not contain a DOCTYPE or ENTITY declaration" });
	}
	// Counted before any parsing, which costs about 50 ms of CPU per 10,000 outlines: room for a category per feed.
	const outlineTags = text.match(/<outline\b/gi)?.length ?? 0;
	if (outlineTags > MAX_OUTLINES) {
		return err({ status: 413, message: `too many outlines: ${outlineTags}, where a file may hold ${MAX_OUTLINES}` });
	}
	const valid = XMLValidator.validate(text);
	if (valid !== true) {
		const { msg, line, col } = valid.err;
		return err({ status: 400, message: `malformed XML at line ${line}, column ${col}: ${msg}` });
	}
	const prefix = ourPrefix(text);
	const attributes = prefix === undefined ? [] : SETTINGS.map((s) => `${prefix}:${s}`);
	const root = ROOT_ELEMENT.exec(text)?.[1];
	if (root?.toLowerCase() !== "opml") {
		return err({ status: 400, message: `not an OPML document: the root element is <${root}>, not <opml>` });
	}
	let outlines: Outline[];
	try {
		outlines = (parseOpml(text, { extraOutlineAttributes: attributes }).body?.outlines ?? []) as Outline[];
	} catch {
		// feedsmith refuses an <opml> with no head or body content: a well-formed file with nothing to add.
		outlines = [];
	}

	const feeds: OpmlFeed[] = [];
	// Depth-first, in document order, without recursion: the parser bounds nesting, this need not rely on it.
	const stack: { outline: Outline; section: string | null }[] = outlines
		.map((outline) => ({ outline, section: null }))
		.reverse();
	while (stack.length > 0) {
		const { outline, section } = stack.pop() as { outline: Outline; section: string | null };
		const xmlUrl = str(outline.xmlUrl);
		const children = outline.outlines ?? [];
		const label = str(outline.text) ?? str(outline.title);
		if (xmlUrl !== null || children.length === 0) {
			const settings: OpmlFeed["settings"] = {};
			for (const setting of SETTINGS) {
				const value = str(outline[`${prefix}:${setting}`]);
				if (prefix !== undefined && value !== null) settings[setting] = value;
			}
			feeds.push({ xmlUrl, title: str(outline.title) ?? str(outline.text), section, settings });
		}
		const inner = xmlUrl === null ? label : section;
		for (let i = children.length - 1; i >= 0; i--) stack.push({ outline: children[i] as Outline, section: inner });
		if (feeds.length > MAX_SOURCES) {
			return err({ status: 413, message: `too many feeds: a file may list at most ${MAX_SOURCES}` });
		}
	}
	return ok(feeds);
}
