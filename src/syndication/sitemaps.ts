/**
 * @module The sitemaps: every page we want crawled (sitemaps.org 0.9), and the Google News
 * sitemap of articles from the last 48 hours.
 */
import { articlePath, sectionPath } from "../publishing/paths";
import type { SectionLink } from "../publishing/sections";
import type { Headline } from "../schemas/article";
import { XML_DECLARATION, xmlText } from "./xml";

/** Google News sitemaps list articles published in the last two days, at most 1,000 of them. */
export const NEWS_WINDOW_MS = 48 * 60 * 60 * 1000;
export const NEWS_MAX_URLS = 1000;

function url(loc: string, extra = ""): string {
	return `<url><loc>${xmlText(loc)}</loc>${extra}</url>`;
}

/** A sitemap holds at most this many URLs (sitemaps.org); a bigger month is split into parts. */
export const SITEMAP_MAX_URLS = 50_000;

/** The path of part `part` (1-based) of `month`'s sitemap: `/sitemaps/2026-11.xml`, then `/sitemaps/2026-11-2.xml`. */
export function monthSitemapPath(month: string, part: number): string {
	return part === 1 ? `/sitemaps/${month}.xml` : `/sitemaps/${month}-${part}.xml`;
}

/** The sitemap index: the pages sitemap, then every month's parts, newest first. */
export function sitemapIndex(
	origin: string,
	pagesLastmod: string,
	months: { month: string; urls: number; lastmod: string }[],
): string {
	const entry = (path: string, lastmod: string) =>
		`<sitemap><loc>${xmlText(origin + path)}</loc><lastmod>${lastmod}</lastmod></sitemap>`;
	const entries = [entry("/sitemaps/pages.xml", pagesLastmod)];
	for (const m of months) {
		const parts = Math.max(1, Math.ceil(m.urls / SITEMAP_MAX_URLS));
		for (let part = 1; part <= parts; part++) entries.push(entry(monthSitemapPath(m.month, part), m.lastmod));
	}
	return [
		XML_DECLARATION,
		'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
		...entries,
		"</sitemapindex>\n",
	].join("\n");
}

/** The home page and each section page. */
export function pagesSitemap(origin: string, sections: SectionLink[]): string {
	return [
		XML_DECLARATION,
		'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
		url(`${origin}/`, "<changefreq>always</changefreq>"),
		...sections.map((s) => url(`${origin}${sectionPath(s.slug)}`, "<changefreq>hourly</changefreq>")),
		"</urlset>\n",
	].join("\n");
}

/** Articles as `[slug, lastmod]`, each with its URL and last change. */
export function articlesSitemap(origin: string, articles: [string, string][]): string {
	return [
		XML_DECLARATION,
		'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
		...articles.map(([slug, lastmod]) => url(`${origin}${articlePath(slug)}`, `<lastmod>${lastmod}</lastmod>`)),
		"</urlset>\n",
	].join("\n");
}

/** Live headlines published within `NEWS_WINDOW_MS` of `now`, newest first. */
export function recentHeadlines(headlines: Headline[], now: Date): Headline[] {
	const since = now.getTime() - NEWS_WINDOW_MS;
	return headlines.filter((h) => Date.parse(h.publishedAt) >= since).slice(0, NEWS_MAX_URLS);
}

/** Google News format: publication name and language, publication date and title per article. */
export function newsSitemap(origin: string, siteName: string, headlines: Headline[]): string {
	const publication = `<news:publication><news:name>${xmlText(siteName)}</news:name><news:language>en</news:language></news:publication>`;
	return [
		XML_DECLARATION,
		'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">',
		...headlines.map((h) =>
			url(
				`${origin}${articlePath(h.slug)}`,
				`<news:news>${publication}<news:publication_date>${h.publishedAt}</news:publication_date><news:title>${xmlText(h.title)}</news:title></news:news>`,
			),
		),
		"</urlset>\n",
	].join("\n");
}

/** Crawlers may read every page but the JSON API; the sitemaps and the feed are named. */
export function robotsTxt(origin: string): string {
	return [
		"User-agent: *",
		"Allow: /",
		"Disallow: /api/",
		"",
		`Sitemap: ${origin}/sitemap.xml`,
		`Sitemap: ${origin}/news-sitemap.xml`,
		"",
		`# Atom feed of the latest articles: ${origin}/feed.xml`,
		"",
	].join("\n");
}
