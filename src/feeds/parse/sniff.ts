/** @module Format detection from the content itself: the XML root element, or a JSON object. */

export type Sniffed =
	| { kind: "empty" }
	| { kind: "json" }
	| { kind: "xml"; root: string }
	| { kind: "html" }
	| { kind: "unknown"; detail: string };

/** How far into the document the root element may start (prolog comments can be long, not this long). */
const PROLOG_LIMIT = 64 * 1024;

/** Look past the prolog (declaration, comments, processing instructions, doctype) at the first element. */
export function sniff(text: string): Sniffed {
	let at = skipSpace(text, 0);
	if (at >= text.length) return { kind: "empty" };
	const first = text.charAt(at);
	if (first === "{") return { kind: "json" };
	if (first !== "<") return { kind: "unknown", detail: `starts with ${JSON.stringify(text.slice(at, at + 20))}` };
	while (at < Math.min(text.length, PROLOG_LIMIT)) {
		if (text.startsWith("<?", at)) at = after(text, "?>", at);
		else if (text.startsWith("<!--", at)) at = after(text, "-->", at);
		else if (/^<!doctype/i.test(text.slice(at, at + 9))) {
			if (/^<!doctype\s+html\b/i.test(text.slice(at, at + 20))) return { kind: "html" };
			at = afterDoctype(text, at);
		} else break;
		at = skipSpace(text, at);
	}
	const root = /^<([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)/.exec(text.slice(at, at + 200));
	if (root === null) return { kind: "unknown", detail: "no root element" };
	const name = (root[2] ?? "").toLowerCase();
	return name === "html" || name === "head" || name === "body" ? { kind: "html" } : { kind: "xml", root: name };
}

function skipSpace(text: string, at: number): number {
	let i = at;
	while (i < text.length && /\s/.test(text.charAt(i))) i++;
	return i;
}

function after(text: string, end: string, at: number): number {
	const i = text.indexOf(end, at);
	return i === -1 ? text.length : i + end.length;
}

/** The end of a doctype, past an internal subset whose quoted strings and comments may contain ">" and "]". */
export function afterDoctype(text: string, start: number): number {
	let inSubset = false;
	for (let i = start + 2; i < text.length; i++) {
		const c = text.charAt(i);
		if (c === '"' || c === "'") i = text.indexOf(c, i + 1);
		else if (text.startsWith("<!--", i)) i = endOf(text.indexOf("-->", i), 2);
		else if (c === "[") inSubset = true;
		else if (c === "]") inSubset = false;
		else if (c === ">" && !inSubset) return i + 1;
		if (i < 0) return text.length;
	}
	return text.length;
}

function endOf(index: number, extra: number): number {
	return index === -1 ? -1 : index + extra;
}
