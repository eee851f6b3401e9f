/** @module URL checks for sanitized attributes: decode, clean like a browser, resolve, allow only known schemes. */
import { decodeHTMLAttribute } from "entities";

export const LINK_SCHEMES: ReadonlySet<string> = new Set(["http:", "https:", "mailto:"]);
/** Where a `cite` may point: it is only a reference, never loaded. */
export const CITE_SCHEMES: ReadonlySet<string> = new Set(["http:", "https:"]);
const IMAGE_SCHEMES: ReadonlySet<string> = new Set(["http:", "https:"]);

/** Resolves relative references when the caller gave no base; never appears in output. */
const PLACEHOLDER_BASE = "https://relative.invalid/";
const HAS_SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;

/**
 * A safe attribute URL or undefined. The raw value is entity-decoded, then cleaned the way the URL Standard's
 * basic parser cleans input (leading/trailing C0 controls and spaces trimmed, tabs and newlines removed
 * anywhere), so `jav&#x09;ascript:` and `&#14;javascript:` are seen as the browser would see them.
 * With a base the result is absolute; without one, a scheme-less reference stays relative.
 */
export function safeUrl(raw: string, schemes: ReadonlySet<string>, base?: string): string | undefined {
	const cleaned = cleanUrl(decodeHTMLAttribute(raw));
	if (cleaned === "") return undefined;
	const resolved = parseUrl(cleaned, base) ?? (base === undefined ? undefined : parseUrl(cleaned));
	if (resolved === undefined || !schemes.has(resolved.protocol)) return undefined;
	if (resolved.href.startsWith(PLACEHOLDER_BASE) && !HAS_SCHEME.test(cleaned)) return encodeRelative(cleaned);
	return resolved.href;
}

/**
 * An image source our pages can load, or undefined. The CSP (src/views/csp.ts) allows `img-src 'self' https:`,
 * so an `http:` source is upgraded to `https:`, as browsers' mixed-content autoupgrade would try (the
 * default port 80 becomes the https default); a relative one stays relative ('self'); every other scheme,
 * `data:` included, is dropped.
 */
export function safeImageUrl(raw: string, base?: string): string | undefined {
	const url = safeUrl(raw, IMAGE_SCHEMES, base);
	return url?.startsWith("http:") ? `https:${url.slice("http:".length)}` : url;
}

/**
 * Percent-encode whatever is not a URL code point, so nothing stripped or decoded later (by our escapers or by
 * a browser) can turn a relative reference into a scheme: `java\0script:` must not become `javascript:`.
 */
function encodeRelative(reference: string): string {
	return reference.replace(/[^A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]/gu, encodeCodePoint);
}

function encodeCodePoint(c: string): string {
	try {
		return encodeURIComponent(c);
	} catch {
		return "%EF%BF%BD"; // a lone surrogate: what a browser's URL parser would substitute
	}
}

export function cleanUrl(value: string): string {
	// biome-ignore lint/suspicious/noControlCharactersInRegex: the URL Standard trims exactly these
	return value.replace(/[\t\n\r]/g, "").replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, "");
}

function parseUrl(value: string, base?: string): URL | undefined {
	try {
		return new URL(value, base ?? PLACEHOLDER_BASE);
	} catch {
		return undefined;
	}
}
