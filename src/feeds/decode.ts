/**
 * @module Bytes to text for feed bodies. workerd's `Response.text()` always decodes UTF-8, so feeds in
 * other charsets must be decoded here, from the bytes, before any parsing.
 */

export type Decoded = { text: string; encoding: string; source: "bom" | "utf-8" | "prolog" | "header" | "fallback" };

const PROLOG_ENCODING = /^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:-]{1,40})["']/;
const HEADER_CHARSET = /;\s*charset\s*=\s*"?([A-Za-z0-9._:-]{1,40})"?/i;
/** Characters XML 1.0 §2.2 forbids (C0 controls but tab, newline and carriage return, and U+FFFE/U+FFFF). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
const NOT_XML_CHAR = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

/**
 * Decide the charset and decode. Order:
 * 1. A byte order mark (UTF-8, UTF-16LE/BE), or UTF-16 recognised from its zero bytes (XML 1.0 Appendix F).
 * 2. If the bytes are valid UTF-8, UTF-8, whatever is declared. This is Miniflux's rule
 *    (internal/reader/encoding): a wrong declaration on UTF-8 content is far more common than a
 *    legacy-charset document that happens to be valid UTF-8, and it avoids double-decoding.
 * 3. The XML prolog's `encoding=`, then the HTTP `charset=`. When both are present the prolog wins, again
 *    as in Miniflux: it travels with the bytes, while a server's charset is often a site-wide default.
 *    (RFC 7303 §3.2 says the header wins; in practice the prolog is right more often.)
 * 4. windows-1252: the document is not UTF-8 and declares nothing usable; like browsers (WHATWG Encoding's
 *    legacy default) we read it as windows-1252, which maps every byte, rather than U+FFFD everywhere.
 * Unknown or unsupported labels are skipped, never fatal.
 */
export function decodeBody(body: Uint8Array, contentType?: string | null): Decoded {
	const unicode = sniffUnicode(body);
	if (unicode !== undefined) return finish(decoderFor(unicode)?.decode(body) ?? "", unicode, "bom");
	const utf8 = decodeStrictUtf8(body);
	if (utf8 !== undefined) return finish(utf8, "utf-8", "utf-8");
	const prolog = asciiCompatible(labelOf(PROLOG_ENCODING.exec(latin1Head(body))?.[1]));
	if (prolog !== undefined) return decodeWith(body, prolog, "prolog");
	const header = asciiCompatible(labelOf(contentType == null ? undefined : HEADER_CHARSET.exec(contentType)?.[1]));
	if (header !== undefined) return decodeWith(body, header, "header");
	return decodeWith(body, "windows-1252", "fallback");
}

function sniffUnicode(body: Uint8Array): string | undefined {
	const [b0, b1, b2] = body;
	if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return "utf-8";
	if (b0 === 0xff && b1 === 0xfe) return "utf-16le";
	if (b0 === 0xfe && b1 === 0xff) return "utf-16be";
	if (body.length < 4) return undefined;
	// An ASCII character encoded in UTF-16 has one zero byte: "<\0?\0" is LE, "\0<\0?" is BE.
	if (b0 !== 0 && b1 === 0 && b2 !== 0 && body[3] === 0) return "utf-16le";
	if (b0 === 0 && b1 !== 0 && b2 === 0 && body[3] !== 0) return "utf-16be";
	return undefined;
}

function decodeStrictUtf8(body: Uint8Array): string | undefined {
	// The replacing decoder is several times faster than the fatal one; only a U+FFFD in its output
	// (an invalid sequence, or a real U+FFFD in the document) needs the fatal decoder to tell which.
	const text = new TextDecoder("utf-8").decode(body);
	if (!text.includes("\ufffd")) return text;
	try {
		return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(body);
	} catch {
		return undefined;
	}
}

function latin1Head(body: Uint8Array): string {
	return String.fromCharCode(...body.subarray(0, 512));
}

/** The WHATWG name for a label this runtime can decode, or undefined. */
function labelOf(label: string | undefined): string | undefined {
	if (label === undefined) return undefined;
	const encoding = decoderFor(label)?.encoding;
	// "replacement" (iso-2022-kr, hz-gb-2312…) decodes everything to U+FFFD: as good as unknown.
	return encoding === undefined || encoding === "replacement" ? undefined : encoding;
}

/** A prolog we could read as ASCII proves the bytes are not UTF-16, whatever they claim. */
function asciiCompatible(encoding: string | undefined): string | undefined {
	return encoding?.startsWith("utf-16") ? undefined : encoding;
}

function decoderFor(label: string): TextDecoder | undefined {
	try {
		return new TextDecoder(label.trim());
	} catch {
		return undefined;
	}
}

function decodeWith(body: Uint8Array, encoding: string, source: Decoded["source"]): Decoded {
	return finish(decoderFor(encoding)?.decode(body) ?? "", encoding, source);
}

function finish(text: string, encoding: string, source: Decoded["source"]): Decoded {
	const clean = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).replace(NOT_XML_CHAR, "");
	return { text: C1_CONTROL.test(clean) ? demoronize(clean) : clean, encoding, source };
}

const C1_CONTROL = /[\u0080-\u009f]/;
let c1Table: Map<string, string> | undefined;

/**
 * C1 controls (U+0080–U+009F) never appear in real text; in feeds they are windows-1252 punctuation that
 * went through a latin-1 conversion ("don\u0092t"). Map them back as feedparser's "demoronizer" does.
 */
function demoronize(text: string): string {
	if (c1Table === undefined) {
		const cp1252 = new TextDecoder("windows-1252");
		c1Table = new Map(
			Array.from({ length: 32 }, (_, i) => [String.fromCharCode(0x80 + i), cp1252.decode(Uint8Array.of(0x80 + i))]),
		);
	}
	const table = c1Table;
	return text.replace(/[\u0080-\u009f]/g, (c) => table.get(c) ?? c);
}
