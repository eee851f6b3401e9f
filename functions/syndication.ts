/** @module Feeds and crawlers: `/feed.xml` (Atom), `/sitemap.xml`, `/news-sitemap.xml` (Google News), `/robots.txt`. */
import { Hono } from "hono";
import { siteConfig } from "../src/config";
import type { AppEnv } from "../src/env";
import { readHeadlines } from "../src/kv/headlines";
import { activeSections } from "../src/publishing/sections";
import { liveHeadlines } from "../src/publishing/visibility";
import { atomFeed } from "../src/syndication/atom";
import { newsSitemap, recentHeadlines, robotsTxt, sitemap } from "../src/syndication/sitemaps";
import { ApiError } from "./errors";
import { CACHE } from "./middleware/cache-control";

/** Entries in the feed: a day's worth for most newsrooms. */
const FEED_ENTRIES = 30;
/** The index holds at most 500; the sitemap lists every live one. */
const SITEMAP_MAX = 1000;

const XML = "application/xml; charset=utf-8";

export const syndicationRoutes = new Hono<AppEnv>()
	.get("/feed.xml", async (c) => {
		const { now } = c.var;
		const index = await readHeadlines(c.env.NEWS, now.getTime());
		if (!index.ok) throw new ApiError(500, "The headlines are unreadable right now.");
		const headlines = liveHeadlines(index.value, now, FEED_ENTRIES);
		const { siteName } = siteConfig(c.env);
		const updated = headlines[0]?.publishedAt ?? index.value.updatedAt;
		const xml = atomFeed({ origin: new URL(c.req.url).origin, siteName, headlines, updated });
		return c.body(xml, 200, { "Content-Type": "application/atom+xml; charset=utf-8", "Cache-Control": CACHE.listing });
	})
	.get("/sitemap.xml", async (c) => {
		const { now } = c.var;
		const index = await readHeadlines(c.env.NEWS, now.getTime());
		if (!index.ok) throw new ApiError(500, "The headlines are unreadable right now.");
		const origin = new URL(c.req.url).origin;
		const xml = sitemap(origin, activeSections(index.value, now, 100), liveHeadlines(index.value, now, SITEMAP_MAX));
		return c.body(xml, 200, { "Content-Type": XML, "Cache-Control": CACHE.listing });
	})
	.get("/news-sitemap.xml", async (c) => {
		const { now } = c.var;
		const index = await readHeadlines(c.env.NEWS, now.getTime());
		if (!index.ok) throw new ApiError(500, "The headlines are unreadable right now.");
		const recent = recentHeadlines(liveHeadlines(index.value, now, SITEMAP_MAX), now);
		const xml = newsSitemap(new URL(c.req.url).origin, siteConfig(c.env).siteName, recent);
		return c.body(xml, 200, { "Content-Type": XML, "Cache-Control": CACHE.listing });
	})
	.get("/robots.txt", (c) =>
		c.body(robotsTxt(new URL(c.req.url).origin), 200, {
			"Content-Type": "text/plain; charset=utf-8",
			"Cache-Control": CACHE.stable,
		}),
	);
