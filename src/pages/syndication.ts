/**
 * @module The documents for feed readers and crawlers: the site's feeds (Atom and JSON Feed), the
 * sitemap pages and the Google News sitemap from the headlines index alone (one KV read, none when
 * warm); a section's feeds from its list (two); the sitemap index and each month's from their own record.
 */
import { readHeadlines } from "../kv/headlines";
import { keys } from "../kv/keys";
import { readListPage } from "../kv/lists";
import { readRecord } from "../kv/read";
import { sectionPath } from "../publishing/paths";
import { activeSections, sectionName } from "../publishing/sections";
import { liveHeadlines } from "../publishing/visibility";
import { err, ok, type Result } from "../result";
import type { HeadlinesIndex } from "../schemas/article";
import { SitemapIndexRecord, SitemapMonthRecord } from "../schemas/sitemap";
import { atomFeed } from "../syndication/atom";
import type { FeedDocument, FeedFormat } from "../syndication/feeds";
import { jsonFeed } from "../syndication/json-feed";
import {
	articlesSitemap,
	newsSitemap,
	pagesSitemap,
	recentHeadlines,
	SITEMAP_MAX_URLS,
	sitemapIndex,
} from "../syndication/sitemaps";
import { NOT_FOUND, type PageError, type ReaderRequest, UNREADABLE, type Unreadable } from "./request";

/** Entries in a feed: a day's worth for most newsrooms. */
const FEED_ENTRIES = 30;
const RENDER: Record<FeedFormat, (feed: FeedDocument) => string> = { atom: atomFeed, json: jsonFeed };
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

/** `/feed.xml`, `/feed.json`: the latest live articles; `updated` is the newest one's time, or the index's when empty. */
export function siteFeed(req: ReaderRequest, format: FeedFormat): Promise<Result<string, Unreadable>> {
	const { siteName, websubHub } = req.config;
	return fromIndex(req, (index, origin) => {
		const headlines = liveHeadlines(index, req.now, FEED_ENTRIES);
		return RENDER[format]({
			origin,
			siteName,
			title: siteName,
			description: `The latest articles from ${siteName}.`,
			homePath: "/",
			headlines,
			updated: headlines[0]?.publishedAt ?? index.updatedAt,
			hub: websubHub,
		});
	});
}

/** `/feed.xml`. */
export function feedXml(req: ReaderRequest): Promise<Result<string, Unreadable>> {
	return siteFeed(req, "atom");
}

/**
 * `/sections/:section/feed.xml` and `.json`: the section's first list page (directory and chunk,
 * two KV reads), named as its newest headline spells it. A section with no live headlines is not
 * found, as its page is.
 */
export async function sectionFeed(
	req: ReaderRequest,
	section: string,
	format: FeedFormat,
): Promise<Result<string, PageError>> {
	const listed = await readListPage(req, { section }, { size: FEED_ENTRIES }, req.now);
	if (!listed.ok) return err(UNREADABLE);
	const { headlines } = listed.value;
	const newest = headlines[0];
	if (!newest) return err(NOT_FOUND);
	const { siteName, websubHub } = req.config;
	const name = sectionName(newest.section ?? section);
	return ok(
		RENDER[format]({
			origin: new URL(req.url).origin,
			siteName,
			title: `${siteName}: ${name}`,
			description: `The latest ${name} articles from ${siteName}.`,
			homePath: sectionPath(section),
			sectionSlug: section,
			headlines,
			updated: newest.publishedAt,
			hub: websubHub,
		}),
	);
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
