/**
 * @module A small HTML tokenizer following the WHATWG tokenizer's decisions where they matter for safety:
 * what starts a tag, where attributes and comments end, and which elements hold raw text.
 */

export type Attribute = readonly [name: string, value: string];

/** Text and attribute values are raw: character references are left for the consumer to decode. */
export type Token =
	| { type: "text"; text: string }
	| { type: "start"; name: string; attributes: Attribute[] }
	| { type: "end"; name: string };

/** Elements whose content is raw text up to their end tag (WHATWG HTML, "parsing HTML fragments"). */
const RAW_TEXT_END = new Map<string, RegExp>(
	["script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript"].map((name) => [
		name,
		new RegExp(`</${name}(?=[\\t\\n\\f\\r />]|$)`, "gi"),
	]),
);

const TAG_NAME = /[A-Za-z][^\t\n\f\r />]*/y;
const ATTRIBUTE_NAME = /[^\t\n\f\r />][^\t\n\f\r />=]*/y;
const UNQUOTED_VALUE = /[^\t\n\f\r >]*/y;

type Cursor = { html: string; at: number };

/** Call `emit` for each token of `html`; comments, doctypes and processing instructions are skipped. */
export function tokenize(html: string, emit: (token: Token) => void): void {
	const cursor: Cursor = { html, at: 0 };
	let textStart = 0;
	const flushText = (end: number) => {
		if (end > textStart) emit({ type: "text", text: html.slice(textStart, end) });
	};
	while (cursor.at < html.length) {
		const lt = html.indexOf("<", cursor.at);
		if (lt === -1) break;
		const next = html.charAt(lt + 1);
		cursor.at = lt + 1;
		if (isAsciiLetter(next)) {
			flushText(lt);
			const tag = readStartTag(cursor);
			textStart = cursor.at;
			if (tag === undefined) return; // EOF inside a tag: browsers drop the partial tag.
			emit(tag);
			// A self-closing slash is ignored on non-void elements, so `<script/>` still opens raw text.
			const rawEnd = RAW_TEXT_END.get(tag.name);
			if (rawEnd !== undefined) textStart = readRawText(cursor, rawEnd, emit);
			else if (tag.name === "plaintext") {
				flushRest(cursor, emit);
				return;
			}
		} else if (next === "/") {
			flushText(lt);
			readEndTag(cursor, emit);
			textStart = cursor.at;
		} else if (next === "!" || next === "?") {
			flushText(lt);
			skipMarkupDeclaration(cursor);
			textStart = cursor.at;
		}
		// Any other character after "<" makes the "<" plain text.
	}
	flushText(html.length);
}

function isAsciiLetter(c: string): boolean {
	return (c >= "a" && c <= "z") || (c >= "A" && c <= "Z");
}

/** Past HTML whitespace (tab, newline, form feed, carriage return, space). */
function skipSpace(cursor: Cursor): void {
	const { html } = cursor;
	let at = cursor.at;
	for (let c = html.charCodeAt(at); c === 32 || c === 9 || c === 10 || c === 12 || c === 13; c = html.charCodeAt(++at));
	cursor.at = at;
}

function match(pattern: RegExp, cursor: Cursor): string | undefined {
	pattern.lastIndex = cursor.at;
	const found = pattern.exec(cursor.html);
	if (found === null) return undefined;
	cursor.at = pattern.lastIndex;
	return found[0];
}

function readStartTag(cursor: Cursor): Extract<Token, { type: "start" }> | undefined {
	const name = (match(TAG_NAME, cursor) ?? "").toLowerCase();
	const attributes = readAttributes(cursor);
	if (attributes === undefined) return undefined;
	return { type: "start", name, attributes };
}

/** Attributes up to and including the tag's closing ">"; undefined when the document ends first. */
function readAttributes(cursor: Cursor): Attribute[] | undefined {
	const { html } = cursor;
	const attributes: Attribute[] = [];
	const seen = new Set<string>();
	for (;;) {
		skipSpace(cursor);
		const c = html.charAt(cursor.at);
		if (c === "") return undefined;
		if (c === ">") {
			cursor.at++;
			return attributes;
		}
		if (c === "/") {
			cursor.at++;
			continue;
		}
		const name = (match(ATTRIBUTE_NAME, cursor) ?? "").toLowerCase();
		const value = readAttributeValue(cursor);
		if (value === undefined) return undefined;
		// The first of duplicate attributes wins (WHATWG HTML, "attribute name state").
		if (!seen.has(name)) attributes.push([name, value]);
		seen.add(name);
	}
}

function readAttributeValue(cursor: Cursor): string | undefined {
	const { html } = cursor;
	const afterName = cursor.at;
	skipSpace(cursor);
	if (html.charAt(cursor.at) !== "=") {
		cursor.at = afterName;
		return "";
	}
	cursor.at++;
	skipSpace(cursor);
	const quote = html.charAt(cursor.at);
	if (quote === '"' || quote === "'") {
		const end = html.indexOf(quote, cursor.at + 1);
		if (end === -1) return undefined;
		const value = html.slice(cursor.at + 1, end);
		cursor.at = end + 1;
		return value;
	}
	return match(UNQUOTED_VALUE, cursor) ?? "";
}

function readEndTag(cursor: Cursor, emit: (token: Token) => void): void {
	const { html } = cursor;
	cursor.at++; // past "/"
	const c = html.charAt(cursor.at);
	if (c === ">") {
		cursor.at++;
		return;
	}
	if (!isAsciiLetter(c)) {
		skipTo(cursor, ">"); // "</" then a non-letter opens a bogus comment.
		return;
	}
	const name = (match(TAG_NAME, cursor) ?? "").toLowerCase();
	if (readAttributes(cursor) === undefined) {
		cursor.at = html.length;
		return;
	}
	emit({ type: "end", name });
}

/** Raw text up to the element's end tag; returns where ordinary text resumes. */
function readRawText(cursor: Cursor, end: RegExp, emit: (token: Token) => void): number {
	const { html } = cursor;
	end.lastIndex = cursor.at;
	const found = end.exec(html);
	const stop = found === null ? html.length : found.index;
	if (stop > cursor.at) emit({ type: "text", text: html.slice(cursor.at, stop) });
	cursor.at = stop;
	if (found !== null) {
		cursor.at = stop + 1;
		readEndTag(cursor, emit);
	}
	return cursor.at;
}

function flushRest(cursor: Cursor, emit: (token: Token) => void): void {
	if (cursor.at < cursor.html.length) emit({ type: "text", text: cursor.html.slice(cursor.at) });
}

/** Comments (`<!--…-->`), doctypes, CDATA outside foreign content and `<?…>` are all skipped. */
function skipMarkupDeclaration(cursor: Cursor): void {
	const { html } = cursor;
	if (html.startsWith("!--", cursor.at)) {
		cursor.at = commentEnd(html, cursor.at + 3);
		return;
	}
	skipTo(cursor, ">");
}

/** Where a comment whose body starts at `body` ends; an unterminated comment runs to the end. */
function commentEnd(html: string, body: number): number {
	// "<!-->" and "<!--->" are complete (empty) comments in HTML.
	if (html.charAt(body) === ">") return body + 1;
	if (html.startsWith("->", body)) return body + 2;
	const end = html.indexOf("-->", body);
	const bang = html.indexOf("--!>", body);
	if (bang !== -1 && (end === -1 || bang < end)) return bang + 4;
	return end === -1 ? html.length : end + 3;
}

function skipTo(cursor: Cursor, text: string): void {
	const end = cursor.html.indexOf(text, cursor.at);
	cursor.at = end === -1 ? cursor.html.length : end + text.length;
}
