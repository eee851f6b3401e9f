/** @module What readers may see at a given moment: scheduled articles stay hidden until their time. */
import type { Article, Headline, HeadlinesIndex } from "../schemas/article";

/** Published at or before `now` (an article dated in the future is scheduled, not live). */
export function isPublished(item: Pick<Article | Headline, "publishedAt">, now: Date): boolean {
	return Date.parse(item.publishedAt) <= now.getTime();
}

/** The newest `limit` live headlines; the index is already sorted newest first. */
export function liveHeadlines(index: HeadlinesIndex, now: Date, limit: number): Headline[] {
	const live: Headline[] = [];
	for (const headline of index.headlines) {
		if (live.length >= limit) break;
		if (isPublished(headline, now)) live.push(headline);
	}
	return live;
}
