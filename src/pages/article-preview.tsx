/**
 * @module The desk's preview (issue 12): an editor's input rendered exactly as the article page
 * renders it (the same Markdown renderer and sanitizer, the same view), stored nowhere.
 */
import type { SiteConfig } from "../config";
import { composeArticle } from "../publishing/compose-article";
import { renderHtml } from "../render-cache/page";
import type { ArticleInput } from "../schemas/article-input";
import { ArticleContent } from "../views/article-content";

/** The `<article>` the page at `slug` would show for `input`, its age as of `now`. */
export function previewArticle(config: SiteConfig, slug: string, input: ArticleInput, now: Date): Promise<string> {
	return renderHtml(<ArticleContent config={config} article={composeArticle(slug, input)} now={now} />);
}
