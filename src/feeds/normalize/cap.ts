/**
 * @module Caps sanitized HTML at a size in UTF-8 bytes, cutting cleanly: between tags (never inside
 * one), text at a word where one is near and never inside an entity or a surrogate pair, and every
 * element still open closed, so the fragment stays as well formed as the sanitizer wrote it.
 *
 * The input is the sanitizer's output (src/sanitize/html.ts), whose grammar is small: `<` only ever
 * opens a tag (text and attribute values have theirs escaped), every non-void element is closed
 * explicitly, and entities are `&name;` or `&#…;`.
 */
import { VOID } from "../../sanitize/nesting";

/** `html` unchanged when it fits `maxBytes`; otherwise its longest clean prefix with the end tags it needs. */
export function capHtml(html: string, maxBytes: number): string {
	if (html.length * 3 <= maxBytes || utf8Length(html, 0, html.length) <= maxBytes) return html;
	const open: { name: string; start: number; end: number }[] = [];
	let closing = 0; // bytes of the end tags `open` needs
	let used = 0;
	let at = 0;
	while (at < html.length) {
		if (html.charCodeAt(at) === LT) {
			const end = html.indexOf(">", at);
			if (end === -1) break;
			const tag = html.slice(at, end + 1);
			const name = /^<\/?([a-z][a-z0-9]*)/i.exec(tag)?.[1]?.toLowerCase();
			if (name === undefined) break;
			const bytes = utf8Length(tag, 0, tag.length);
			if (tag.startsWith("</")) {
				// Balanced input closes the innermost element; its end tag was already counted in `closing`.
				if (open.at(-1)?.name !== name) break;
				open.pop();
				closing -= endTag(name);
				used += bytes;
			} else {
				const adds = VOID.has(name) ? 0 : endTag(name);
				if (used + bytes + closing + adds > maxBytes) break;
				if (adds > 0) open.push({ name, start: at, end: end + 1 });
				closing += adds;
				used += bytes;
			}
			at = end + 1;
			continue;
		}
		const next = html.indexOf("<", at);
		const end = next === -1 ? html.length : next;
		const bytes = utf8Length(html, at, end);
		if (used + bytes + closing <= maxBytes) {
			used += bytes;
			at = end;
			continue;
		}
		at = cutText(html, at, end, maxBytes - used - closing);
		break;
	}
	// An element the cut left empty says nothing: leave it out rather than close it.
	while (open.length > 0 && open.at(-1)?.end === at) at = open.pop()?.start ?? at;
	const endTags = open.reverse().map(({ name }) => `</${name}>`);
	return html.slice(0, at) + endTags.join("");
}

const LT = 0x3c;

function endTag(name: string): number {
	return name.length + 3;
}

/** The end of the longest prefix of `html[from, to)` within `room` bytes, at a word when one is near, never mid-entity or mid-pair. */
function cutText(html: string, from: number, to: number, room: number): number {
	let bytes = 0;
	let cut = from;
	let i = from;
	while (i < to) {
		const code = html.charCodeAt(i);
		if (code === AMP) {
			// The longest named reference is 32 characters with its `&` and `;`.
			const semi = html.indexOf(";", i);
			const entity = semi === -1 || semi >= to || semi - i > 32 ? 1 : semi - i + 1;
			if (bytes + entity > room) break;
			bytes += entity;
			i += entity;
		} else {
			const pair = code >= 0xd800 && code <= 0xdbff && i + 1 < to;
			const width = pair ? 4 : code < 0x80 ? 1 : code < 0x800 ? 2 : 3;
			if (bytes + width > room) break;
			bytes += width;
			i += pair ? 2 : 1;
		}
		cut = i;
	}
	// Back to the last space if that loses little; a text of one long word is cut where it must be.
	const space = html.lastIndexOf(" ", cut - 1);
	return space > from && cut - space < WORD_SLACK && cut < to ? space : cut;
}

const AMP = 0x26;
/** How far back (in UTF-16 units) a cut may move to end at a word. */
const WORD_SLACK = 80;

/** UTF-8 length of `text[from, to)`, counting a surrogate pair as the 4 bytes it encodes to. */
function utf8Length(text: string, from: number, to: number): number {
	let bytes = 0;
	for (let i = from; i < to; i++) {
		const code = text.charCodeAt(i);
		if (code < 0x80) bytes += 1;
		else if (code < 0x800) bytes += 2;
		else if (code >= 0xd800 && code <= 0xdbff && i + 1 < to) {
			bytes += 4;
			i++;
		} else bytes += 3;
	}
	return bytes;
}
