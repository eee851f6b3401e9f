/** @module One article: section, headline, dek, byline with age, lead image, body, bio, disclaimer, source link, and the headlines rail. */
import type { SiteConfig } from "../config";
import type { Article, Headline } from "../schemas/article";
import { Age } from "./age";
import { ArticleBody } from "./article-body";
import { HeadlineList } from "./headline-list";
import { Layout } from "./layout";

type Props = { config: SiteConfig; article: Article; rail: Headline[]; now: Date };

export function ArticlePage({ config, article, rail, now }: Props) {
	const opinion = article.section !== undefined && config.opinionSections.has(article.section);
	return (
		<Layout siteName={config.siteName} title={article.title} description={article.dek}>
			<main class="page with-rail" id="main">
				<article>
					{article.section ? <p class="section-label">{article.section}</p> : null}
					<h1>{article.title}</h1>
					{article.dek ? <p class="dek">{article.dek}</p> : null}
					<p class="byline">
						{article.author ? <span class="author">By {article.author.name} · </span> : null}
						{article.source && !article.author ? <span class="source">{article.source} · </span> : null}
						<Age publishedAt={article.publishedAt} now={now} timeZone={config.timeZone} />
					</p>
					{article.image ? <LeadImage image={article.image} /> : null}
					<ArticleBody html={article.bodyHtml} />
					{article.author?.bio ? <p class="bio">{article.author.bio}</p> : null}
					{opinion ? <p class="disclaimer">{config.opinionDisclaimer}</p> : null}
					{article.sourceUrl ? (
						<p class="source-link">
							<a href={article.sourceUrl} rel="noopener nofollow">
								Source link
							</a>
						</p>
					) : null}
				</article>
				<aside class="rail" aria-labelledby="rail-title">
					<h2 id="rail-title">Latest headlines</h2>
					<HeadlineList headlines={rail} now={now} timeZone={config.timeZone} />
				</aside>
			</main>
		</Layout>
	);
}

function LeadImage({ image }: { image: NonNullable<Article["image"]> }) {
	return (
		<figure class="lead-image">
			<img src={image.url} alt={image.alt} width={image.width} height={image.height} decoding="async" />
			{image.credit ? <figcaption>{image.credit}</figcaption> : null}
		</figure>
	);
}
