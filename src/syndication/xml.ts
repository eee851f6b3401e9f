/** @module Text made safe for XML 1.0: escaped, and stripped of characters XML cannot carry at all. */

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

/** C0 controls other than tab/newline/return, U+FFFE/U+FFFF, and lone surrogates (XML 1.0 §2.2). */
const FORBIDDEN =
	// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters XML forbids; matching them is the point.
	/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Escapes markup characters and drops what XML 1.0 forbids outright, which a feed-ingested title can carry. */
export function xmlText(text: string): string {
	return text.replace(FORBIDDEN, "").replace(/[&<>"']/g, (ch) => ESCAPES[ch]!);
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>\n';
