/**
 * @module Doctypes out, simple internal entities in. The XML parser never sees a DTD (so no external
 * entities and no nested expansion: "billion laughs" has nothing to grow from); entities declared with a
 * plain-text value are substituted here, once, within a fixed budget.
 */
import { afterDoctype } from "./sniff";

const MAX_ENTITIES = 64;
const MAX_VALUE = 1024;
/** Substitution may grow the document by at most this much; past it, references stay literal. */
const MAX_GROWTH = 256 * 1024;
/** Names XML or HTML already define: never redefined by a document. */
const PREDEFINED = new Set(["amp", "lt", "gt", "quot", "apos"]);

/** The text without its doctype, with references to simple internal entities replaced. */
export function removeDoctype(text: string): string {
	const start = text.search(/<!DOCTYPE/i);
	// Only a doctype in the prolog is one; later, the text sits inside content (a CDATA section, say).
	if (start === -1 || start > 64 * 1024 || /<[A-Za-z]/.test(text.slice(0, start))) return text;
	const end = afterDoctype(text, start);
	const entities = internalEntities(text.slice(start, end));
	const rest = text.slice(0, start) + text.slice(end);
	return entities.size === 0 ? rest : expand(rest, entities);
}

/** `<!ENTITY name "value">` declarations whose value holds no markup and no references. */
function internalEntities(doctype: string): Map<string, string> {
	const entities = new Map<string, string>();
	for (const m of doctype.matchAll(/<!ENTITY\s+([A-Za-z_][\w.-]*)\s+(?:"([^"]*)"|'([^']*)')\s*>/g)) {
		const [, name = "", double, single] = m;
		const value = double ?? single ?? "";
		if (entities.size >= MAX_ENTITIES || PREDEFINED.has(name) || value.length > MAX_VALUE) continue;
		if (/[<&%]/.test(value)) continue;
		entities.set(name, value.replace(/"/g, "&quot;").replace(/'/g, "&apos;"));
	}
	return entities;
}

/** Replace references outside CDATA sections, stopping at the growth budget. */
function expand(text: string, entities: Map<string, string>): string {
	let growth = 0;
	return text
		.split(/(<!\[CDATA\[[\s\S]*?\]\]>)/)
		.map((part) =>
			part.startsWith("<![CDATA[")
				? part
				: part.replace(/&([A-Za-z_][\w.-]*);/g, (ref, name: string) => {
						const value = entities.get(name);
						if (value === undefined || growth + value.length > MAX_GROWTH) return ref;
						growth += value.length;
						return value;
					}),
		)
		.join("");
}
