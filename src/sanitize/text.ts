/** @module Plain text from HTML: entities decoded, tags and non-content elements removed, whitespace collapsed. */
import { decodeEntities } from "./entities";
import { tokenize } from "./tokenizer";

/** Elements whose content is never text a reader sees. */
const NOT_TEXT: ReadonlySet<string> = new Set([
	...["script", "style", "template", "noscript", "iframe", "object", "applet", "svg", "math", "textarea"],
	...["select", "button", "title", "head", "noembed", "noframes", "audio", "video", "canvas"],
]);

/** Tags that separate words: without a space "<p>one</p><p>two</p>" would read "onetwo". */
const BREAKS: ReadonlySet<string> = new Set(
	"address article aside blockquote br caption dd details div dl dt figcaption figure footer h1 h2 h3 h4 h5 h6 header hr img li main nav ol p pre section summary table td th tr ul".split(
		" ",
	),
);

/** Decode entities, strip tags, drop non-content elements' text, collapse whitespace (including NBSP) and trim. */
export function htmlToText(html: string): string {
	if (!html.includes("<") && !html.includes("&")) return collapse(html);
	const parts: string[] = [];
	let skipping: { name: string; depth: number } | undefined;
	tokenize(html, (token) => {
		if (skipping !== undefined) {
			if (token.type !== "text" && token.name === skipping.name) skipping.depth += token.type === "start" ? 1 : -1;
			if (skipping.depth === 0) skipping = undefined;
			return;
		}
		if (token.type === "text") parts.push(decodeEntities(token.text, false));
		else if (token.type === "start" && NOT_TEXT.has(token.name)) skipping = { name: token.name, depth: 1 };
		else if (BREAKS.has(token.name)) parts.push(" ");
	});
	return collapse(parts.join(""));
}

/** One pass: whitespace, zero-width spaces and stray control characters all become single spaces. */
function collapse(text: string): string {
	// biome-ignore lint/suspicious/noControlCharactersInRegex: folding control characters away is the point
	return text.replace(/[\s\u200b\u0000-\u0008\u000e-\u001f\u007f]+/g, " ").trim();
}
