/** @module Plain text from HTML: entities decoded, tags and non-content elements removed, whitespace collapsed. */
import { decodeHTML } from "entities";
import { createWalker } from "./walk";

/** Elements whose content is never text a reader sees. */
const NOT_TEXT: ReadonlySet<string> = new Set([
	...["script", "style", "template", "noscript", "iframe", "object", "applet", "svg", "math", "textarea"],
	...["select", "button", "title", "head", "noembed", "noframes", "audio", "video", "canvas", "plaintext"],
]);

/** Tags that separate words: without a space "<p>one</p><p>two</p>" would read "onetwo". */
const BREAKS =
	"address article aside blockquote br caption dd details div dl dt figcaption figure footer h1 h2 h3 h4 h5 h6 header hr img li main nav ol p pre section summary table td th tr ul".split(
		" ",
	);

/** The walker's allowlist is the word-separating tags: each becomes a space, every other tag goes. */
const walk = createWalker(Object.fromEntries(BREAKS.map((name) => [name, []])), NOT_TEXT);
const handlers = { text: (raw: string) => (raw.includes("&") ? decodeHTML(raw) : raw), tag: () => " " };

/** Decode entities, strip tags, drop non-content elements' text, collapse whitespace (including NBSP) and trim. */
export function htmlToText(html: string): string {
	if (!html.includes("<") && !html.includes("&")) return collapse(html);
	return collapse(walk(html, handlers));
}

/** One pass: whitespace, zero-width spaces and stray control characters all become single spaces. */
function collapse(text: string): string {
	// biome-ignore lint/suspicious/noControlCharactersInRegex: folding control characters away is the point
	return text.replace(/[\s\u200b\u0000-\u0008\u000e-\u001f\u007f]+/g, " ").trim();
}
