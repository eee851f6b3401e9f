/**
 * @module The API's description: the OpenAPI document (`/api/openapi.json`) and the same
 * document rendered for people (`/api/docs`), its Markdown descriptions as HTML.
 */
import { openApi } from "../api/openapi";
import { renderMarkdown } from "../markdown/render";
import { type RenderedPage, renderHtml } from "../render-cache/page";
import { HeadlinesQuery } from "../schemas/queries";
import { htmlText } from "../seo/summary";
import { ApiDocsPage, type DescriptionHtml } from "../views/api-docs-page";
import type { ReaderRequest } from "./request";

/** The document and its JSON text, generated on first use and kept for the isolate's life. */
export function apiDocument() {
	return openApi({ headlinesQuery: HeadlinesQuery });
}

/** A lone paragraph, which `inline` unwraps so a short description reads as part of its line. */
const ONE_PARAGRAPH = /^<p>((?:(?!<\/?p>)[\s\S])*)<\/p>$/;

/** Our own few-line descriptions; the renderer refusing one (too large, too deep) would be a bug. */
function markdownHtml(markdown: string): string {
	const html = renderMarkdown(markdown);
	if (!html.ok) throw new Error(`API description refused (${html.error.code}): ${markdown.slice(0, 60)}`);
	return html.value;
}

const descriptionHtml: DescriptionHtml = {
	block: markdownHtml,
	inline: (markdown) => {
		const html = markdownHtml(markdown).trim();
		return ONE_PARAGRAPH.exec(html)?.[1] ?? html;
	},
};

/** Inline markup goes without a trace (`<code>age</code>,` reads `age,`); blocks are set apart by a space. */
const INLINE_TAG = /<\/?(a|code|em|strong)\b[^>]*>/g;

/** Markdown as the plain text a meta description holds. */
function plainText(markdown: string): string {
	return htmlText(markdownHtml(markdown).replace(INLINE_TAG, ""));
}

/**
 * `/api/docs`: every route with its parameters, bodies and answers, and every schema.
 *
 * @example const page = await apiDocsPage(request);
 */
export async function apiDocsPage(req: ReaderRequest): Promise<RenderedPage> {
	const { document } = apiDocument();
	const summary = plainText(document.info.description);
	const view = (
		<ApiDocsPage siteName={req.config.siteName} document={document} summary={summary} html={descriptionHtml} />
	);
	return { html: await renderHtml(view) };
}
