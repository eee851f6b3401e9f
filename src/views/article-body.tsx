/**
 * @module The trust boundary: the only place stored HTML reaches a page. `bodyHtml` was rendered
 * and sanitized by the allowlist at write time (markdown/render.ts, feeds/), so it is emitted as is.
 */
import { raw } from "hono/html";

export function ArticleBody({ html }: { html: string }) {
	return <div class="article-body">{raw(html)}</div>;
}
