/**
 * @module Feeds and crawlers: `/feed.xml` (Atom), `/sitemap.xml` (an index of `/sitemaps/pages.xml` and
 * monthly article sitemaps `/sitemaps/YYYY-MM.xml`), `/news-sitemap.xml` (Google News), `/robots.txt`.
 */
import { Hono } from "hono";
import type { AppEnv } from "../src/env";
import { feedXml, monthSitemapXml, newsSitemapXml, pagesSitemapXml, sitemapIndexXml } from "../src/pages/syndication";
import { SitemapFileParam } from "../src/schemas/params";
import { robotsTxt } from "../src/syndication/sitemaps";
import { CACHE } from "./middleware/cache-control";
import { validate } from "./middleware/validate";
import { pageFailure, readerRequest } from "./reader";

const ATOM = "application/atom+xml; charset=utf-8";
const XML = "application/xml; charset=utf-8";

const UNREADABLE = { "page.unreadable": "The headlines are unreadable right now." };

export const syndicationRoutes = new Hono<AppEnv>()
	.get("/feed.xml", async (c) => {
		const xml = await feedXml(readerRequest(c));
		if (!xml.ok) throw pageFailure(xml.error, UNREADABLE);
		return c.body(xml.value, 200, { "Content-Type": ATOM, "Cache-Control": CACHE.listing });
	})
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
