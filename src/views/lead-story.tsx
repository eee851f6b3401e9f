/** @module The home page's lead: the newest live story with a lead image, shown with its image and dek. */
import { articlePath } from "../publishing/paths";
import type { Article } from "../schemas/article";
import { Age } from "./age";
import { LeadImage } from "./lead-image";

export function LeadStory({ article, now, timeZone }: { article: Article; now: Date; timeZone: string }) {
	return (
		<article class="lead-story" aria-labelledby="lead-title">
			{article.image ? <LeadImage image={article.image} /> : null}
			<div class="lead-text">
				{article.section ? <p class="section-label">{article.section}</p> : null}
				<h2 id="lead-title">
					<a href={articlePath(article.slug)}>{article.title}</a>
				</h2>
				{article.dek ? <p class="dek">{article.dek}</p> : null}
				<p class="meta">
					<Age publishedAt={article.publishedAt} now={now} timeZone={timeZone} />
				</p>
			</div>
		</article>
	);
}
