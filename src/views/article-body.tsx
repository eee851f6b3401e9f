/**
 * @module The trust boundary: the only place sanitized HTML reaches a page. `bodyHtml` was rendered
 * and sanitized by the allowlist at write time (markdown/render.ts, feeds/), and the API docs'
 * descriptions by the same renderer, so both are emitted as they are.
 */
import { raw } from "hono/html";

export function ArticleBody({ html }: { html: string }) {
	return <div class="article-body">{raw(html)}</div>;
}

/** HTML from `renderMarkdown` (marked, then the allowlist sanitizer), placed where it stands. */
export function SanitizedHtml({ html }: { html: string }) {
	return raw(html);
}
