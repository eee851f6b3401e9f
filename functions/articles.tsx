/** @module Readers' routes: the home page and its older pages, article pages, and the article JSON. */
import { Hono } from "hono";
import * as v from "valibot";
import { articleJson } from "../src/api/representations";
import { siteConfig } from "../src/config";
import type { AppEnv } from "../src/env";
import { readHeadlines } from "../src/kv/headlines";
import { readLiveArticle } from "../src/publishing/articles";
import { NAV_SECTIONS, RAIL_HEADLINES } from "../src/publishing/pages";
import { activeSections } from "../src/publishing/sections";
import { liveHeadlines } from "../src/publishing/visibility";
import { cachedPage, renderPage } from "../src/render-cache/page";
import { Slug } from "../src/schemas/common";
import { articleMeta } from "../src/seo/article";
import { ArticlePage } from "../src/views/article-page";
import { sendPage } from "./cached-page";
import { ApiError } from "./errors";
import { listPageResponse } from "./list-page";

export const articleRoutes = new Hono<AppEnv>()
	.get("/", (c) => listPageResponse(c))
	.get("/articles/:slug", async (c) => {
		const { now } = c.var;
		const slug = c.req.param("slug");
		if (!v.is(Slug, slug)) throw new ApiError(404, "We couldn't find that article.");
		const [article, index] = await Promise.all([
			readLiveArticle(c.env.NEWS, slug, now),
			readHeadlines(c.env.NEWS, now.getTime()),
		]);
		if (!article.ok) {
			if (article.error.code === "kv.missing") throw new ApiError(404, "We couldn't find that article.");
			throw new ApiError(500, "This article is unreadable right now.");
		}
		const config = siteConfig(c.env);
		const cached = index.ok ? cachedPage(c.req.url, now.getTime(), article.value, index.value, config) : undefined;
		if (cached) return sendPage(c, cached);
		const rail = index.ok ? liveHeadlines(index.value, now, RAIL_HEADLINES + 1).filter((h) => h.slug !== slug) : [];
		const shown = rail.slice(0, RAIL_HEADLINES);
		const view = (
			<ArticlePage
				config={config}
				article={article.value}
				rail={shown}
				now={now}
				meta={articleMeta(article.value, new URL(c.req.url).origin, config.siteName)}
				sections={index.ok ? activeSections(index.value, now, NAV_SECTIONS) : []}
			/>
		);
		if (!index.ok) return c.html(view);
		const deps = [article.value, index.value, config] as const;
		return sendPage(c, await renderPage(c.req.url, now, index.value, [article.value, ...shown], view, deps));
	})
	.get("/api/articles/:slug", async (c) => {
		const { now } = c.var;
		const slug = c.req.param("slug");
		const parsed = v.safeParse(Slug, slug);
		if (!parsed.success) throw new ApiError(400, "invalid slug", [{ path: "slug", message: parsed.issues[0].message }]);
		const article = await readLiveArticle(c.env.NEWS, slug, now);
		if (!article.ok) {
			if (article.error.code === "kv.missing") throw new ApiError(404, `no article '${slug}'`);
			throw new ApiError(500, `stored article '${slug}' is unreadable`);
		}
		return c.json(articleJson(article.value, now, siteConfig(c.env).timeZone));
	});
