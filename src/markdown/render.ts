/** @module Markdown bodies to safe HTML: marked renders, the allowlist sanitizer cleans. */
import { Marked } from "marked";
import { sanitizeHtml } from "../sanitize/html";

// One instance with fixed options, so no other code's marked.use() can change our output.
const marked = new Marked({ gfm: true, breaks: false, async: false });

/** Renders once at write time; the stored HTML is what pages show. */
export function renderMarkdown(markdown: string): string {
	return sanitizeHtml(marked.parse(markdown, { async: false }));
}
