/**
 * @module Markdown bodies to safe HTML of bounded size: marked renders, the allowlist sanitizer cleans,
 * and a body whose HTML would pass the cap is refused before it is built.
 */
import { type Links, Marked, Tokenizer, type Tokens } from "marked";
import { err, ok, type Result } from "../result";
import { sanitizeHtml } from "../sanitize/html";

/**
 * 1 MiB of stored HTML: far above any article, and well under Durable Object SQLite's 2 MB per string
 * or row, which the stored article must also fit.
 */
export const MAX_BODY_HTML_BYTES = 1024 * 1024;

export type MarkdownError = { code: "markdown.too_large" | "markdown.too_deep"; detail: string };

/** Thrown inside one render to stop marked mid-lex; caught below, never escapes this module. */
class OverBudget extends Error {}

/**
 * Everything in the HTML is bounded by the Markdown it comes from, times a small factor, except
 * reference links: `[x]` copies the definition's URL and title, so one long definition used 50,000
 * times renders to ~100 MB. This tokenizer counts what each reference copies and stops the lexer once
 * the copies alone would pass the cap, before any of that HTML exists.
 */
class BoundedTokenizer extends Tokenizer {
	remaining = MAX_BODY_HTML_BYTES;

	override reflink(src: string, links: Links): Tokens.Link | Tokens.Image | Tokens.Text | undefined {
		const token = super.reflink(src, links);
		if (token !== undefined && token.type !== "text") {
			this.remaining -= token.href.length + (token.title?.length ?? 0);
			if (this.remaining < 0) throw new OverBudget();
		}
		return token;
	}
}

const tokenizer = new BoundedTokenizer();
// One instance with fixed options, so no other code's marked.use() can change our output. The tokenizer
// goes in per parse: marked.use() accepts only overrides of Tokenizer's own methods, not a subclass's state.
const marked = new Marked({ gfm: true, breaks: false, async: false });

const TOO_LARGE: MarkdownError = {
	code: "markdown.too_large",
	detail: `renders to more than ${MAX_BODY_HTML_BYTES} bytes of HTML`,
};
const TOO_DEEP: MarkdownError = { code: "markdown.too_deep", detail: "nests blocks too deeply to render" };

/** The last render: the input check and the write that follows it render the same body once, not twice. */
let last: { markdown: string; result: Result<string, MarkdownError> } | undefined;

/** Renders once at write time; the stored HTML is what pages show. Never throws for any input. */
export function renderMarkdown(markdown: string): Result<string, MarkdownError> {
	if (last?.markdown !== markdown) last = { markdown, result: render(markdown) };
	return last.result;
}

function render(markdown: string): Result<string, MarkdownError> {
	let html: string;
	tokenizer.remaining = MAX_BODY_HTML_BYTES;
	try {
		html = sanitizeHtml(marked.parse(markdown, { async: false, tokenizer }));
	} catch (error) {
		if (error instanceof OverBudget) return err(TOO_LARGE);
		// marked recurses per nesting level: 20,000 `>` overflow the stack. A bug anywhere else still throws.
		if (error instanceof RangeError && /call stack/i.test(error.message)) return err(TOO_DEEP);
		throw error;
	}
	return fitsCap(html) ? ok(html) : err(TOO_LARGE);
}

/** UTF-8 size within the cap; exact, encoding only when the UTF-16 length leaves it in doubt. */
function fitsCap(html: string): boolean {
	if (html.length > MAX_BODY_HTML_BYTES) return false;
	if (html.length * 3 <= MAX_BODY_HTML_BYTES) return true;
	return new TextEncoder().encode(html).byteLength <= MAX_BODY_HTML_BYTES;
}
