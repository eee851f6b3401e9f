/**
 * @module An article page: the live article, the rail of other live headlines, its search and
 * link-preview meta and the masthead's sections, rendered once per validity window.
 */
import { readHeadlines } from "../kv/headlines";
import { readLiveArticle } from "../publishing/articles";
import { NAV_SECTIONS, RAIL_HEADLINES } from "../publishing/headline-pages";
import { activeSections, type SectionLink } from "../publishing/sections";
import { liveHeadlines } from "../publishing/visibility";
import { cachedPage, type RenderedPage, renderHtml } from "../render-cache/page";
import { err, ok, type Result } from "../result";
import type { Article, Headline, HeadlinesIndex } from "../schemas/article";
import { articleMeta } from "../seo/article";
import { ArticlePage } from "../views/article-page";
import { NOT_FOUND, type PageError, type ReaderRequest, UNREADABLE } from "./request";

/**
 * The page of the live article `slug`: at most two KV reads (article and index, together), none
 * when both are warm in memory. An unreadable index still shows the article, without a rail.
 *
 * @example const page = await articlePage(request, "harbour-cranes-return");
 */
export async function articlePage(req: ReaderRequest, slug: string): Promise<Result<RenderedPage, PageError>> {
	const { url, now } = req;
	const [article, index] = await Promise.all([readLiveArticle(req, slug, now), readHeadlines(req, now.getTime())]);
	if (!article.ok) return err(article.error.code === "kv.missing" ? NOT_FOUND : UNREADABLE);
	if (!index.ok) return ok({ html: await renderHtml(articleView(req, article.value, [], [])) });
	const deps = { article: article.value, index: index.value, config: req.config };
	return cachedPage({ key: url, deps }, now, () => {
		const rail = railBeside(index.value, now, slug);
		const sections = activeSections(index.value, now, NAV_SECTIONS);
		return ok({
			view: articleView(req, article.value, rail, sections),
			index: index.value,
			shown: [article.value, ...rail],
		});
	});
}

/** The newest live headlines but this article's own: one more is taken in case it is among them. */
function railBeside(index: HeadlinesIndex, now: Date, slug: string): Headline[] {
	return liveHeadlines(index, now, RAIL_HEADLINES + 1)
		.filter((h) => h.slug !== slug)
		.slice(0, RAIL_HEADLINES);
}

function articleView(req: ReaderRequest, article: Article, rail: Headline[], sections: SectionLink[]) {
	const { config, now } = req;
	const meta = articleMeta(article, new URL(req.url).origin, config.siteName);
	return <ArticlePage config={config} article={article} rail={rail} now={now} meta={meta} sections={sections} />;
}
