/** @module HTML walking on js-xss: its tokenizer, allowlist and attribute parser, with hooks for what it leaves to browsers' rules. */
import xss from "xss";
import { VOID } from "./nesting";

// js-xss is CommonJS: workerd (where the tests run) exposes only its `module.exports`, as the default export, so
// named imports fail there. That object carries the whole API, typed here by the module's declarations.
const { FilterXSS, parseAttr } = xss as unknown as typeof import("xss");

/** An attribute as js-xss parses it: lower-cased name, raw value (character references still encoded). */
export type Attribute = readonly [name: string, rawValue: string];

export type Handlers = {
	/** Text between tags, character references still encoded; returns what to write. */
	text(raw: string): string;
	/** An allowlisted start or end tag (attributes are empty for end tags); returns what to write. */
	tag(name: string, closing: boolean, attributes: readonly Attribute[]): string;
};

/**
 * Elements whose content is raw text for browsers, ended by the first matching end tag whatever comes before
 * it: inside them a nested start tag of the same name does not count as nesting.
 */
const RAW_TEXT: ReadonlySet<string> = new Set(
	"script style textarea title xmp iframe noembed noframes noscript plaintext".split(" "),
);

/**
 * A `<` that starts no markup (not followed by a letter, `/`, `!` or `?`) is text in HTML, but js-xss would
 * start a tag there, and a quote after it would hide every real tag up to the end of the input.
 */
const TEXT_LT = /<(?![A-Za-z/!?])/g;
/** The tag name as browsers read it (up to whitespace, `/` or `>`), so `<script/x>` is still a script. */
const TAG_NAME = /^<\/?([A-Za-z][^\t\n\f\r />]*)/;

type Dropping = { name: string; depth: number };

/**
 * A walker for one allowlist (tag → attributes; only its keys matter here, attribute policy is the handler's)
 * and one set of elements removed together with their content. The FilterXSS is built once, as it copies its
 * options on construction; the handlers of the walk in progress live in `handlers` (walks are synchronous).
 */
export function createWalker(
	allowList: Record<string, string[]>,
	dropWithContent: ReadonlySet<string>,
): (html: string, handlers: Handlers) => string {
	let handlers: Handlers = { text: () => "", tag: () => "" };
	let dropping: Dropping | undefined;

	const filter = new FilterXSS({
		whiteList: allowList,
		stripIgnoreTag: true, // tags outside the allowlist go; their text is kept
		allowCommentTag: false, // comments go before tokenizing, so markup inside them is never seen
		css: false, // no style attribute is allowed, so no CSS filter
		escapeHtml(segment) {
			if (dropping !== undefined) return "";
			// A `<` in a text segment starts a tag js-xss gave up on (a quote left open to the end of the input, or a
			// `<` before the tag's `>`), passed on with the text before it. Browsers drop such a tag too.
			const lt = segment.indexOf("<");
			if (lt === -1) return handlers.text(segment);
			return lt === 0 ? "" : handlers.text(segment.slice(0, lt));
		},
		onTag(tag, html, info) {
			const name = TAG_NAME.exec(html)?.[1]?.toLowerCase();
			// Comments, doctypes and `<?…>` go; so does a tag the end of the input cut off, as in browsers.
			if (name === undefined || !html.endsWith(">")) return "";
			const closing = info.isClosing === true;
			if (dropping !== undefined) {
				dropping = stillDropping(dropping, name, closing);
				return "";
			}
			if (dropWithContent.has(name)) {
				if (!closing && !VOID.has(name)) dropping = { name, depth: 1 };
				return "";
			}
			if (info.isWhite !== true) return undefined; // stripped by js-xss (stripIgnoreTag)
			return handlers.tag(tag, closing, closing ? [] : attributesOf(html));
		},
	});

	return (html, walkHandlers) => {
		handlers = walkHandlers;
		dropping = undefined;
		return filter.process(html.replace(TEXT_LT, "&lt;"));
	};
}

/** The drop after one more tag inside it: nested same-name elements count, except where browsers read raw text. */
function stillDropping(dropping: Dropping, name: string, closing: boolean): Dropping | undefined {
	// <plaintext> has no end tag: everything after it is its content.
	if (name !== dropping.name || dropping.name === "plaintext") return dropping;
	if (!closing) {
		if (!RAW_TEXT.has(name)) dropping.depth++;
		return dropping;
	}
	dropping.depth--;
	return dropping.depth === 0 ? undefined : dropping;
}

/** A start tag's attributes through js-xss's parser; the first of duplicates wins, as in browsers. */
function attributesOf(html: string): Attribute[] {
	// js-xss ends the tag name at the first whitespace; the attributes run from there to the closing ">".
	const space = html.search(/\s/);
	if (space === -1) return [];
	const attributes: Attribute[] = [];
	parseAttr(html.slice(space + 1, -1).trim(), (name, value) => {
		if (!attributes.some(([seen]) => seen === name)) attributes.push([name, value]);
		return "";
	});
	return attributes;
}
