/** @module The article body as the write schema checks it: bounded Markdown whose HTML is bounded too. */
import * as v from "valibot";
import { renderMarkdown } from "./render";

export const MAX_BODY_CHARACTERS = 200_000;

/**
 * Markdown of at most 200,000 characters that renders within `MAX_BODY_HTML_BYTES`. The check renders
 * the body; `renderMarkdown` keeps that render, so the write that follows reuses it.
 */
export const MarkdownBody = v.pipe(
	v.string(),
	v.maxLength(MAX_BODY_CHARACTERS, `must be at most ${MAX_BODY_CHARACTERS} characters`),
	v.rawCheck(({ dataset, addIssue }) => {
		if (!dataset.typed || dataset.value.length > MAX_BODY_CHARACTERS) return;
		const rendered = renderMarkdown(dataset.value);
		if (!rendered.ok) addIssue({ message: `must not be Markdown that ${rendered.error.detail}` });
	}),
);
