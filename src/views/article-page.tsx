/** @module One article: section, headline, dek, byline with age, lead image, body, bio, disclaimer, source link, and the headlines rail. */
import type { SiteConfig } from "../config";
import { sectionPath } from "../publishing/paths";
import { inSections, type SectionLink, sectionSlug } from "../publishing/sections";
import type { Article, Headline } from "../schemas/article";
import type { PageMeta } from "../seo/article";
import { Age } from "./age";
import { ArticleBody } from "./article-body";
import { HeadlineList } from "./headline-list";
import { Layout } from "./layout";
import { LeadImage } from "./lead-image";

type Props = {
	config: SiteConfig;
	article: Article;
	rail: Headline[];
	now: Date;
	meta: PageMeta;
	sections: SectionLink[];
};

export function ArticlePage({ config, article, rail, now, meta, sections }: Props) {
	const opinion = inSections(config.opinionSections, article.section);
	const section = sectionSlug(article.section);
	const hasEnd = article.author?.bio || opinion || article.sourceUrl;
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
				<article>
					<header>
						{article.section ? (
							<p class="section-label">
								{section ? <a href={sectionPath(section)}>{article.section}</a> : article.section}
							</p>
						) : null}
						<h1>{article.title}</h1>
						{article.dek ? <p class="dek">{article.dek}</p> : null}
						<p class="byline">
							{article.author ? <span class="author">By {article.author.name}</span> : null}
							{article.source && !article.author ? <span class="source">{article.source}</span> : null}
							<Age publishedAt={article.publishedAt} now={now} timeZone={config.timeZone} />
						</p>
					</header>
					{article.image ? <LeadImage image={article.image} /> : null}
					<ArticleBody html={article.bodyHtml} />
					{hasEnd ? (
						<footer class="article-end">
							{article.author?.bio ? <p class="bio">{article.author.bio}</p> : null}
							{opinion ? <p class="disclaimer">{config.opinionDisclaimer}</p> : null}
							{article.sourceUrl ? (
								<p class="source-link">
									<a href={article.sourceUrl} rel="noopener nofollow">
										Source link
									</a>
								</p>
							) : null}
						</footer>
					) : null}
				</article>
				<aside class="rail" aria-labelledby="rail-title">
					<h2 id="rail-title">Latest headlines</h2>
					<HeadlineList headlines={rail} now={now} timeZone={config.timeZone} size="rail" />
				</aside>
			</main>
		</Layout>
	);
}
