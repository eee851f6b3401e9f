/** @module A list of headlines, each linking to its article with its section and age. */
import type { Headline } from "../schemas/article";
import { Age } from "./age";

export function articlePath(slug: string): string {
	return `/articles/${slug}`;
}

export function HeadlineList({ headlines, now, timeZone }: { headlines: Headline[]; now: Date; timeZone: string }) {
	return (
		<ol class="headlines">
			{headlines.map((h) => (
				<li>
					<a href={articlePath(h.slug)}>{h.title}</a>
					<span class="meta">
						{h.section ? <span class="section">{h.section} · </span> : null}
						<Age publishedAt={h.publishedAt} now={now} timeZone={timeZone} />
					</span>
				</li>
			))}
		</ol>
	);
}
