/**
 * @module The allowlist HTML sanitizer for upstream and editor content, and `htmlToText`.
 * Output is rebuilt from tokens, never copied through: only allowlisted tags and attributes are written,
 * every text and attribute value is re-escaped, and tags are balanced so content cannot close our page's
 * elements.
 */

import { checkAttribute, isPixelTracker } from "./checks";
import { decodeEntities, escapeAttribute, escapeText } from "./entities";
import { closeElement, closeImpliedElements, type Output } from "./nesting";
import { type Token, tokenize } from "./tokenizer";
import { IMAGE_SCHEMES, LINK_SCHEMES, safeUrl } from "./urls";

export { htmlToText } from "./text";

/** Allowed elements and, for each, its allowed attributes (beyond `dir` and `lang`, allowed everywhere). */
const ALLOWED: ReadonlyMap<string, readonly string[]> = new Map<string, readonly string[]>([
	["a", ["href", "title"]],
	["abbr", ["title"]],
	["b", []],
	["blockquote", ["cite"]],
	["br", []],
	["caption", []],
	["cite", []],
	["code", []],
	["dd", []],
	["del", ["datetime"]],
	["details", []],
	["dfn", []],
	["div", []],
	["dl", []],
	["dt", []],
	["em", []],
	["figcaption", []],
	["figure", []],
	["h1", []],
	["h2", []],
	["h3", []],
	["h4", []],
	["h5", []],
	["h6", []],
	["hr", []],
	["i", []],
	["img", ["src", "alt", "width", "height"]],
	["ins", ["datetime"]],
	["kbd", []],
	["li", ["value"]],
	["mark", []],
	["ol", ["start", "type"]],
	["p", []],
	["pre", []],
	["q", ["cite"]],
	["s", []],
	["samp", []],
	["small", []],
	["span", []],
	["strong", []],
	["sub", []],
	["summary", []],
	["sup", []],
	["table", []],
	["tbody", []],
	["td", ["colspan", "rowspan"]],
	["tfoot", []],
	["th", ["colspan", "rowspan", "scope"]],
	["thead", []],
	["time", ["datetime"]],
	["tr", []],
	["u", []],
	["ul", []],
	["var", []],
	["wbr", []],
]);
const GLOBAL_ATTRIBUTES: readonly string[] = ["dir", "lang"];

/** Elements removed together with everything inside them (active content, forms, embedded documents, media). */
const DROP_WITH_CONTENT: ReadonlySet<string> = new Set([
	...["script", "style", "template", "noscript", "iframe", "frame", "frameset", "object", "applet", "embed"],
	...["svg", "math", "textarea", "select", "button", "title", "xmp", "noembed", "noframes"],
	...["audio", "video", "canvas", "plaintext"],
]);

/** Elements with no content and no end tag (WHATWG HTML, "void elements"). */
const VOID: ReadonlySet<string> = new Set(
	"area base br col embed hr img input link meta param source track wbr".split(" "),
);

/** Attributes every link and image gets: no opener access, no endorsement, no eager loading. */
const ADDED_ATTRIBUTES: ReadonlyMap<string, string> = new Map([
	["a", ' rel="noopener nofollow"'],
	["img", ' loading="lazy"'],
]);

const MAX_DEPTH = 100;

type State = Output & { dropping?: { name: string; depth: number }; baseUrl?: string };

/**
 * Sanitize an HTML fragment against the allowlist above. Relative `href`/`src` are resolved against
 * `baseUrl`; without one, only scheme-less references survive as relative.
 */
export function sanitizeHtml(html: string, baseUrl?: string): string {
	const state: State = { out: [], open: [], baseUrl };
	tokenize(html, (token) => visit(state, token));
	for (let i = state.open.length - 1; i >= 0; i--) state.out.push(`</${state.open[i]}>`);
	return state.out.join("");
}

function visit(state: State, token: Token): void {
	if (state.dropping !== undefined) visitDropped(state, token);
	else if (token.type === "text") state.out.push(escapeText(decodeText(token.text)));
	else if (token.type === "end") closeElement(state, token.name);
	else visitStart(state, token);
}

function visitStart(state: State, token: Extract<Token, { type: "start" }>): void {
	if (DROP_WITH_CONTENT.has(token.name)) {
		if (token.name === "plaintext" || !VOID.has(token.name)) state.dropping = { name: token.name, depth: 1 };
		return;
	}
	const allowed = ALLOWED.get(token.name);
	if (allowed === undefined) return;
	const attributes = writeAttributes(token.name, token.attributes, allowed, state.baseUrl);
	if (attributes === undefined) return;
	if (VOID.has(token.name)) {
		state.out.push(`<${token.name}${attributes}>`);
		return;
	}
	if (state.open.length >= MAX_DEPTH) return;
	closeImpliedElements(state, token.name);
	state.out.push(`<${token.name}${attributes}>`);
	state.open.push(token.name);
}

/** Inside a dropped element: count nested same-name elements so the right end tag ends the drop. */
function visitDropped(state: State, token: Token): void {
	const dropping = state.dropping;
	if (dropping === undefined || token.type === "text" || token.name !== dropping.name) return;
	dropping.depth += token.type === "start" ? 1 : -1;
	if (dropping.depth === 0) state.dropping = undefined;
}

function decodeText(text: string): string {
	return text.includes("&") ? decodeEntities(text, false) : text;
}

/** Serialized allowed attributes plus the added ones; undefined when the element must go (an image without a safe source). */
function writeAttributes(
	name: string,
	attributes: readonly (readonly [string, string])[],
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
	if (attribute === "src" || attribute === "cite") return safeUrl(raw, IMAGE_SCHEMES, baseUrl);
	return checkAttribute(element, attribute, raw);
}
