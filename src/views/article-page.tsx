/** @module One article: section, headline, dek, byline with age, lead image, body, bio, disclaimer, source link, and the headlines rail. */
import type { SiteConfig } from "../config";
import { type SectionLink, sectionSlug } from "../publishing/sections";
import type { Article, Headline } from "../schemas/article";
import type { PageMeta } from "../seo/article";
import { ArticleContent } from "./article-content";
import { HeadlineList } from "./headline-list";
import { Layout } from "./layout";

type Props = {
	config: SiteConfig;
	article: Article;
	rail: Headline[];
	now: Date;
	meta: PageMeta;
	sections: SectionLink[];
};

export function ArticlePage({ config, article, rail, now, meta, sections }: Props) {
	const section = sectionSlug(article.section);
	return (
		<Layout
			siteName={config.siteName}
			title={article.title}
			meta={meta}
			timeZone={config.timeZone}
			nav={{ sections, current: section }}
			liveAges
		>
			<main class="page with-rail" id="main">
				<ArticleContent config={config} article={article} now={now} />
				<aside class="rail" aria-labelledby="rail-title">
					<h2 id="rail-title">Latest headlines</h2>
					<HeadlineList headlines={rail} now={now} timeZone={config.timeZone} size="rail" />
				</aside>
			</main>
		</Layout>
	);
}
