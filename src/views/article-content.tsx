/**
 * @module One article's own part of its page (section, headline, dek, byline with age, lead image,
 * body, bio, disclaimer, source link): the reader's article page and the desk's preview both render it.
 */
import type { SiteConfig } from "../config";
import { sectionPath } from "../publishing/paths";
import { inSections, sectionSlug } from "../publishing/sections";
import type { Article } from "../schemas/article";
import { Age } from "./age";
import { ArticleBody } from "./article-body";
import { LeadImage } from "./lead-image";

type Props = { config: SiteConfig; article: Article; now: Date };

export function ArticleContent({ config, article, now }: Props) {
	const opinion = inSections(config.opinionSections, article.section);
	const section = sectionSlug(article.section);
	const hasEnd = article.author?.bio || opinion || article.sourceUrl;
	return (
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
	);
}
