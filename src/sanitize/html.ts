/** @module The allowlist HTML sanitizer (tokenized and allowlist-filtered by js-xss via ./walk; everything written is ours) and `htmlToText`. */
import { decodeHTML } from "entities";
import { checkAttribute, isPixelTracker } from "./checks";
import { escapeAttribute, escapeText } from "./entities";
import { closeAll, closeElement, openElement, VOID } from "./nesting";
import { CITE_SCHEMES, LINK_SCHEMES, safeImageUrl, safeUrl } from "./urls";
import { type Attribute, createWalker } from "./walk";

export { htmlToText } from "./text";

/** Allowed elements and, for each, its allowed attributes (beyond `dir` and `lang`, allowed everywhere). */
const ALLOWED: Record<string, string[]> = {
	a: ["href", "title"],
	abbr: ["title"],
	b: [],
	blockquote: ["cite"],
	br: [],
	caption: [],
	cite: [],
	code: [],
	dd: [],
	del: ["datetime"],
	details: [],
	dfn: [],
	div: [],
	dl: [],
	dt: [],
	em: [],
	figcaption: [],
	figure: [],
	h1: [],
	h2: [],
	h3: [],
	h4: [],
	h5: [],
	h6: [],
	hr: [],
	i: [],
	img: ["src", "alt", "width", "height"],
	ins: ["datetime"],
	kbd: [],
	li: ["value"],
	mark: [],
	ol: ["start", "type"],
	p: [],
	pre: [],
	q: ["cite"],
	s: [],
	samp: [],
	small: [],
	span: [],
	strong: [],
	sub: [],
	summary: [],
	sup: [],
	table: [],
	tbody: [],
	td: ["colspan", "rowspan"],
	tfoot: [],
	th: ["colspan", "rowspan", "scope"],
	thead: [],
	time: ["datetime"],
	tr: [],
	u: [],
	ul: [],
	var: [],
	wbr: [],
};
const GLOBAL_ATTRIBUTES: readonly string[] = ["dir", "lang"];

/** Elements removed together with everything inside them (active content, forms, embedded documents, media). */
const DROP_WITH_CONTENT: ReadonlySet<string> = new Set([
	...["script", "style", "template", "noscript", "iframe", "frame", "frameset", "object", "applet", "embed"],
	...["svg", "math", "textarea", "select", "button", "title", "xmp", "noembed", "noframes"],
	...["audio", "video", "canvas", "plaintext"],
]);

/** Attributes every link and image gets: no opener access, no endorsement, no eager loading. */
const ADDED_ATTRIBUTES: ReadonlyMap<string, string> = new Map([
	["a", ' rel="noopener nofollow"'],
	["img", ' loading="lazy"'],
]);

const walk = createWalker(ALLOWED, DROP_WITH_CONTENT);

/**
 * Sanitize an HTML fragment against the allowlist above. Output is written by us, never copied through: only
 * allowlisted tags and attributes, text and attribute values decoded and re-escaped, URLs checked, and tags
 * balanced so the fragment cannot close or leave open our page's elements. Relative `href`/`src` are resolved
 * against `baseUrl`; without one, only scheme-less references survive as relative.
 */
export function sanitizeHtml(html: string, baseUrl?: string): string {
	const open: string[] = [];
	const body = walk(html, {
		text: (raw) => escapeText(raw.includes("&") ? decodeHTML(raw) : raw),
		tag: (name, closing, attributes) =>
			closing ? closeElement(open, name) : startTag(open, name, attributes, baseUrl),
	});
	return body + closeAll(open);
}

function startTag(open: string[], name: string, attributes: readonly Attribute[], baseUrl?: string): string {
	const written = writeAttributes(name, attributes, ALLOWED[name] ?? [], baseUrl);
	if (written === undefined) return "";
	const closings = VOID.has(name) ? "" : openElement(open, name);
	return closings === undefined ? "" : `${closings}<${name}${written}>`;
}

/** Serialized allowed attributes plus the added ones; undefined when the element must go (an image without a safe source). */
function writeAttributes(
	name: string,
	attributes: readonly Attribute[],
	allowed: readonly string[],
	baseUrl: string | undefined,
): string | undefined {
	let written = "";
	const kept = new Map<string, string>();
	for (const [attribute, raw] of attributes) {
		if (!allowed.includes(attribute) && !GLOBAL_ATTRIBUTES.includes(attribute)) continue;
		const value = attributeValue(name, attribute, raw, baseUrl);
		if (value === undefined) continue;
		kept.set(attribute, value);
		written += ` ${attribute}="${escapeAttribute(value)}"`;
	}
	if (name === "img" && (!kept.has("src") || isPixelTracker(kept))) return undefined;
	if (name === "a" && !kept.has("href")) return written;
	return written + (ADDED_ATTRIBUTES.get(name) ?? "");
}

function attributeValue(element: string, attribute: string, raw: string, baseUrl?: string): string | undefined {
	if (attribute === "href") return safeUrl(raw, LINK_SCHEMES, baseUrl);
	// `src` is allowed on img only (ALLOWED): every source this writes is one the CSP lets load.
	if (attribute === "src") return safeImageUrl(raw, baseUrl);
	if (attribute === "cite") return safeUrl(raw, CITE_SCHEMES, baseUrl);
	return checkAttribute(element, attribute, raw);
}
