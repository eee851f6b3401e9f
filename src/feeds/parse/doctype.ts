/**
 * @module Doctypes out, simple internal entities in. The XML parser never sees a DTD (so no external
 * entities and no nested expansion: "billion laughs" has nothing to grow from); entities declared with a
 * plain-text value are substituted here, once, in one forward pass within a fixed budget.
 */
import { afterDoctype } from "./sniff";

const MAX_ENTITIES = 64;
const MAX_VALUE = 1024;
/** Substitution may grow the document by at most this much; past it, references stay literal. */
const MAX_GROWTH = 256 * 1024;
/** Where a doctype may start: only in the prolog, and no prolog is this long. */
const PROLOG_LIMIT = 64 * 1024;
/** Names XML or HTML already define: never redefined by a document. */
const PREDEFINED = new Set(["amp", "lt", "gt", "quot", "apos"]);
/** Entity names of at most 128 characters, so reading one reference is bounded too. */
const DECLARATION = /<!ENTITY\s+([A-Za-z_][\w.-]{0,127})\s+(?:"([^"]*)"|'([^']*)')\s*>/g;
/** `&`, a name of up to 128 characters, `;`: the most one reference read examines. */
const MAX_REFERENCE = 130;
/** Sections whose text is literal in XML (§2.5, §2.7): references inside them are not references. */
const LITERAL_SECTIONS: ReadonlyArray<[open: string, close: string]> = [
	["<![CDATA[", "]]>"],
	["<!--", "-->"],
];

/** Characters examined, for tests that prove the work grows linearly with the input (no timing). */
export type DoctypeWork = { scanned: number };

/** The text without its doctype, with references to simple internal entities replaced. */
export function removeDoctype(text: string, work: DoctypeWork = { scanned: 0 }): string {
	const head = text.slice(0, PROLOG_LIMIT + 9);
	const start = head.search(/<!DOCTYPE/i);
	work.scanned += start === -1 ? head.length : start;
	// Only a doctype in the prolog is one; later, the text sits inside content (a CDATA section, say).
	if (start === -1 || start > PROLOG_LIMIT || /<[A-Za-z]/.test(text.slice(0, start))) return text;
	const end = afterDoctype(text, start);
	work.scanned += end - start;
	const entities = internalEntities(text.slice(start, end));
	const rest = text.slice(0, start) + text.slice(end);
	return entities.size === 0 ? rest : expand(rest, entities, work);
}

/** `<!ENTITY name "value">` declarations whose value holds no markup and no references. */
function internalEntities(doctype: string): Map<string, string> {
	const entities = new Map<string, string>();
	for (const m of doctype.matchAll(DECLARATION)) {
		if (entities.size >= MAX_ENTITIES) break;
		const [, name = "", double, single] = m;
		const value = double ?? single ?? "";
		if (PREDEFINED.has(name) || value.length > MAX_VALUE || /[<&%]/.test(value)) continue;
		entities.set(name, value.replace(/"/g, "&quot;").replace(/'/g, "&apos;"));
	}
	return entities;
}

/**
 * Replace references outside CDATA sections and comments, stopping at the growth budget. One forward pass:
 * the next `&` and the next `<!` are each searched for only once the pass has gone past the last one
 * found, so every character is examined a bounded number of times whatever the input (thousands of
 * unclosed `<![CDATA[`, say), and the output is joined once at the end.
 */
function expand(text: string, entities: ReadonlyMap<string, string>, work: DoctypeWork): string {
	const parts: string[] = [];
	const find = (needle: string, from: number) => {
		const found = text.indexOf(needle, from);
		work.scanned += (found === -1 ? text.length : found) - from;
		return found === -1 ? text.length : found;
	};
	let growth = 0;
	let copied = 0;
	let at = 0;
	let amp = -1;
	let markup = -1;
	while (at < text.length) {
		if (amp < at) amp = find("&", at);
		if (markup < at) markup = find("<!", at);
		if (amp === text.length && markup === text.length) break;
		if (markup < amp) {
			at = afterLiteralSection(text, markup, work);
			continue;
		}
		const semicolon = referenceEnd(text, amp);
		work.scanned += semicolon === -1 ? Math.min(MAX_REFERENCE, text.length - amp) : semicolon + 1 - amp;
		const value = semicolon === -1 ? undefined : entities.get(text.slice(amp + 1, semicolon));
		if (value === undefined || growth + value.length > MAX_GROWTH) {
			at = amp + 1;
			continue;
		}
		growth += value.length;
		parts.push(text.slice(copied, amp), value);
		copied = at = semicolon + 1;
	}
	parts.push(text.slice(copied));
	return parts.join("");
}

/** Where the `;` of a well-formed reference at `amp` is (`&name;`, the name as DECLARATION reads it), else -1. */
function referenceEnd(text: string, amp: number): number {
	const last = Math.min(text.length, amp + MAX_REFERENCE);
	for (let i = amp + 1; i < last; i++) {
		const c = text.charCodeAt(i);
		if (c === 0x3b) return i > amp + 1 ? i : -1; // ";"
		if (!isNameCharacter(c, i === amp + 1)) return -1;
	}
	return -1;
}

/** `[A-Za-z_]` first, then `[A-Za-z0-9_.-]`, as DECLARATION's name. */
function isNameCharacter(c: number, first: boolean): boolean {
	const letter = (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f;
	return letter || (!first && ((c >= 0x30 && c <= 0x39) || c === 0x2e || c === 0x2d));
}

/** Past the literal section opening at `at` (all the rest when it is never closed), or just past `<!`. */
function afterLiteralSection(text: string, at: number, work: DoctypeWork): number {
	for (const [open, close] of LITERAL_SECTIONS) {
		if (!text.startsWith(open, at)) continue;
		const end = text.indexOf(close, at + open.length);
		const after = end === -1 ? text.length : end + close.length;
		work.scanned += after - at;
		return after;
	}
	work.scanned += 2;
	return at + 2;
}
