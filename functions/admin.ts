/** @module Editors' routes: publish, replace and remove articles (bearer token required). */
import { Hono } from "hono";
import * as v from "valibot";
import { articleJson } from "../src/api/representations";
import { siteConfig } from "../src/config";
import type { AppEnv } from "../src/env";
import { rememberHeadlines } from "../src/kv/headlines";
import { composeArticle } from "../src/publishing/articles";
import { ArticleInput } from "../src/schemas/article";
import { Slug } from "../src/schemas/common";
import { storeWriter } from "../src/store/stub";
import { ApiError } from "./errors";
import { adminAuth } from "./middleware/admin-auth";
import { jsonBody } from "./middleware/json-body";

function validSlug(slug: string): string {
	const parsed = v.safeParse(Slug, slug);
	if (!parsed.success) throw new ApiError(400, "invalid slug", [{ path: "slug", message: parsed.issues[0].message }]);
	return parsed.output;
}

export const adminRoutes = new Hono<AppEnv>()
	.use("/api/articles/*", async (c, next) =>
		c.req.method === "GET" || c.req.method === "HEAD" ? next() : adminAuth(c, next),
	)
	.put("/api/articles/:slug", async (c, next) => {
		validSlug(c.req.param("slug"));
		await next();
	})
	.put("/api/articles/:slug", jsonBody(ArticleInput), async (c) => {
		const { now } = c.var;
		const article = composeArticle(c.req.param("slug"), c.var.body);
		const result = await storeWriter(c.env).putArticle(article);
		rememberHeadlines(c.env.NEWS, result.index, now.getTime());
		return c.json(articleJson(article, now, siteConfig(c.env).timeZone), result.created ? 201 : 200);
	})
	.delete("/api/articles/:slug", async (c) => {
		const slug = validSlug(c.req.param("slug"));
		const result = await storeWriter(c.env).deleteArticle(slug);
		if (!result.deleted) throw new ApiError(404, `no article '${slug}'`);
		rememberHeadlines(c.env.NEWS, result.index, c.var.now.getTime());
		return c.body(null, 204);
	});
