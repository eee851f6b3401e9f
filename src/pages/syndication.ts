/**
 * @module The documents for feed readers and crawlers, each from the headlines index alone (one
 * KV read, none when warm): the Atom feed, the sitemap and the Google News sitemap.
 */
import { readHeadlines } from "../kv/headlines";
import { activeSections } from "../publishing/sections";
import { liveHeadlines } from "../publishing/visibility";
import { err, ok, type Result } from "../result";
import type { HeadlinesIndex } from "../schemas/article";
import { atomFeed } from "../syndication/atom";
import { newsSitemap, recentHeadlines, sitemap } from "../syndication/sitemaps";
import { type ReaderRequest, UNREADABLE, type Unreadable } from "./request";

/** Entries in the feed: a day's worth for most newsrooms. */
const FEED_ENTRIES = 30;
/** The index holds at most 500; the sitemap lists every live one. */
const SITEMAP_MAX = 1000;
/** Sections in the sitemap: far more than the masthead names. */
const SITEMAP_SECTIONS = 100;

async function fromIndex(
	req: ReaderRequest,
	write: (index: HeadlinesIndex, origin: string) => string,
): Promise<Result<string, Unreadable>> {
	const index = await readHeadlines(req, req.now.getTime());
	if (!index.ok) return err(UNREADABLE);
	return ok(write(index.value, new URL(req.url).origin));
}

/** `/feed.xml`: the latest live articles; `updated` is the newest one's time, or the index's when empty. */
export function feedXml(req: ReaderRequest): Promise<Result<string, Unreadable>> {
	return fromIndex(req, (index, origin) => {
		const headlines = liveHeadlines(index, req.now, FEED_ENTRIES);
		const updated = headlines[0]?.publishedAt ?? index.updatedAt;
		return atomFeed({ origin, siteName: req.config.siteName, headlines, updated });
	});
}

/** `/sitemap.xml`: the home page, every section and every live article. */
export function sitemapXml(req: ReaderRequest): Promise<Result<string, Unreadable>> {
	return fromIndex(req, (index, origin) =>
		sitemap(origin, activeSections(index, req.now, SITEMAP_SECTIONS), liveHeadlines(index, req.now, SITEMAP_MAX)),
	);
}

/** `/news-sitemap.xml`: live articles from the last 48 hours. */
export function newsSitemapXml(req: ReaderRequest): Promise<Result<string, Unreadable>> {
	return fromIndex(req, (index, origin) =>
		newsSitemap(origin, req.config.siteName, recentHeadlines(liveHeadlines(index, req.now, SITEMAP_MAX), req.now)),
	);
}
