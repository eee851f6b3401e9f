/**
 * @module Feeds and crawlers: `/feed.xml` (Atom) and `/feed.json` (JSON Feed 1.1), a section's
 * `/sections/:section/feed.xml` and `.json`, `/sitemap.xml` (an index of `/sitemaps/pages.xml` and
 * monthly article sitemaps `/sitemaps/YYYY-MM.xml`), `/news-sitemap.xml` (Google News), `/robots.txt`.
 */
import { Hono } from "hono";
import type { AppEnv } from "../src/env";
import {
	monthSitemapXml,
	newsSitemapXml,
	pagesSitemapXml,
	sectionFeed,
	siteFeed,
	sitemapIndexXml,
} from "../src/pages/syndication";
import { SectionParam, SitemapFileParam } from "../src/schemas/params";
import { FEED_TYPES, type FeedFormat } from "../src/syndication/feeds";
import { robotsTxt } from "../src/syndication/sitemaps";
import { CACHE } from "./middleware/cache-control";
import { validate } from "./middleware/validate";
import { pageFailure, readerRequest } from "./reader";

const XML = "application/xml; charset=utf-8";

const UNREADABLE = { "page.unreadable": "The headlines are unreadable right now." };
const NO_SECTION = "We couldn't find that section.";

function feedHeaders(format: FeedFormat) {
	return { "Content-Type": `${FEED_TYPES[format]}; charset=utf-8`, "Cache-Control": CACHE.listing };
}

export const syndicationRoutes = new Hono<AppEnv>()
	.get("/feed.xml", async (c) => {
		const xml = await siteFeed(readerRequest(c), "atom");
		if (!xml.ok) throw pageFailure(xml.error, UNREADABLE);
		return c.body(xml.value, 200, feedHeaders("atom"));
	})
	.get("/feed.json", async (c) => {
		const json = await siteFeed(readerRequest(c), "json");
		if (!json.ok) throw pageFailure(json.error, UNREADABLE);
		return c.body(json.value, 200, feedHeaders("json"));
	})
	.get(
		"/sections/:section/feed.xml",
		validate("param", SectionParam, { status: 404, message: NO_SECTION }),
		async (c) => {
			const xml = await sectionFeed(readerRequest(c), c.req.valid("param").section, "atom");
			if (!xml.ok) throw pageFailure(xml.error, { "page.not_found": NO_SECTION, ...UNREADABLE });
			return c.body(xml.value, 200, feedHeaders("atom"));
		},
	)
	.get(
		"/sections/:section/feed.json",
		validate("param", SectionParam, { status: 404, message: NO_SECTION }),
		async (c) => {
			const json = await sectionFeed(readerRequest(c), c.req.valid("param").section, "json");
			if (!json.ok) throw pageFailure(json.error, { "page.not_found": NO_SECTION, ...UNREADABLE });
			return c.body(json.value, 200, feedHeaders("json"));
		},
	)
	.get("/sitemap.xml", async (c) => {
		const xml = await sitemapIndexXml(readerRequest(c));
		if (!xml.ok) throw pageFailure(xml.error, UNREADABLE);
		return c.body(xml.value, 200, { "Content-Type": XML, "Cache-Control": CACHE.listing });
	})
	.get(
		"/sitemaps/:file",
		validate("param", SitemapFileParam, { status: 404, message: "No such sitemap." }),
		async (c) => {
			const file = c.req.valid("param").file;
			const req = readerRequest(c);
			const xml =
				file.kind === "pages" ? await pagesSitemapXml(req) : await monthSitemapXml(req, file.month, file.part);
			if (!xml.ok) throw pageFailure(xml.error, { "page.not_found": "No such sitemap.", ...UNREADABLE });
			return c.body(xml.value, 200, { "Content-Type": XML, "Cache-Control": CACHE.listing });
		},
	)
	.get("/news-sitemap.xml", async (c) => {
		const xml = await newsSitemapXml(readerRequest(c));
		if (!xml.ok) throw pageFailure(xml.error, UNREADABLE);
		return c.body(xml.value, 200, { "Content-Type": XML, "Cache-Control": CACHE.listing });
	})
	.get("/robots.txt", (c) =>
		c.body(robotsTxt(new URL(c.req.url).origin), 200, {
			"Content-Type": "text/plain; charset=utf-8",
			"Cache-Control": CACHE.stable,
		}),
	);
