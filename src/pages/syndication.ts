/**
 * @module The documents for feed readers and crawlers, each from the headlines index alone (one
 * KV read, none when warm): the Atom feed, the sitemap and the Google News sitemap.
 */
import { readHeadlines } from "../kv/headlines";
import { keys } from "../kv/keys";
import { readRecord } from "../kv/read";
import { activeSections } from "../publishing/sections";
import { liveHeadlines } from "../publishing/visibility";
import { err, ok, type Result } from "../result";
import type { HeadlinesIndex } from "../schemas/article";
import { SitemapIndexRecord, SitemapMonthRecord } from "../schemas/sitemap";
import { atomFeed } from "../syndication/atom";
import {
	articlesSitemap,
	newsSitemap,
	pagesSitemap,
	recentHeadlines,
	SITEMAP_MAX_URLS,
	sitemapIndex,
} from "../syndication/sitemaps";
import { NOT_FOUND, type PageError, type ReaderRequest, UNREADABLE, type Unreadable } from "./request";

/** Entries in the feed: a day's worth for most newsrooms. */
const FEED_ENTRIES = 30;
/** The index holds at most 550; the news sitemap takes every recent one. */
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

/**
 * `/sitemap.xml`: a sitemap index (one KV read) of the pages sitemap and each month's article
 * sitemaps, which together list every live article (src/store/sitemap-months.ts keeps them).
 */
export async function sitemapIndexXml(req: ReaderRequest): Promise<Result<string, Unreadable>> {
	const record = await readRecord(req.kv, keys.sitemapIndex, SitemapIndexRecord);
	if (!record.ok && record.error.code === "kv.corrupt") return err(UNREADABLE);
	const months = record.ok ? record.value.months : [];
	const origin = new URL(req.url).origin;
	return ok(sitemapIndex(origin, months[0]?.lastmod ?? req.now.toISOString(), months));
}

/** `/sitemaps/pages.xml`: the home page and every active section. */
export function pagesSitemapXml(req: ReaderRequest): Promise<Result<string, Unreadable>> {
	return fromIndex(req, (index, origin) => pagesSitemap(origin, activeSections(index, req.now, SITEMAP_SECTIONS)));
}

/**
 * `/sitemaps/YYYY-MM[-part].xml`: part `part` of the month's live articles (one KV read). Articles
 * scheduled for later are left out until their minute; a month or part with none is not found.
 */
export async function monthSitemapXml(
	req: ReaderRequest,
	month: string,
	part: number,
): Promise<Result<string, PageError>> {
	const record = await readRecord(req.kv, keys.sitemapMonth(month), SitemapMonthRecord);
	if (!record.ok) return err(record.error.code === "kv.missing" ? NOT_FOUND : UNREADABLE);
	const nowMs = req.now.getTime();
	// Parts are cut from the stored list, as the index counted them, so a scheduled story going live never shifts a part.
	const slice = record.value.urls.slice((part - 1) * SITEMAP_MAX_URLS, part * SITEMAP_MAX_URLS);
	const live = slice
		.filter(([, published]) => Date.parse(published) <= nowMs)
		.map(([slug, , lastmod]): [string, string] => [slug, lastmod]);
	if (slice.length === 0) return err(NOT_FOUND);
	return ok(articlesSitemap(new URL(req.url).origin, live));
}

/** `/news-sitemap.xml`: live articles from the last 48 hours. */
export function newsSitemapXml(req: ReaderRequest): Promise<Result<string, Unreadable>> {
	return fromIndex(req, (index, origin) =>
		newsSitemap(origin, req.config.siteName, recentHeadlines(liveHeadlines(index, req.now, SITEMAP_MAX), req.now)),
	);
}
