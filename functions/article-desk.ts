/** @module Editors' routes: publish, replace and remove articles (bearer token required). */
import { Hono } from "hono";
import type { AppEnv } from "../src/env";
import { publishArticle, removeArticle } from "../src/publishing/publish";
import { ArticleInput } from "../src/schemas/article-input";
import { SlugParam } from "../src/schemas/params";
import { listedSection, pingHub } from "../src/websub/ping";
import { ApiError } from "./errors";
import { adminAuth } from "./middleware/admin-auth";
import { inBackground } from "./middleware/background";
import { jsonRequest } from "./middleware/json-request";
import { validate } from "./middleware/validate";

const slugParam = validate("param", SlugParam, { message: "invalid slug" });

export const adminRoutes = new Hono<AppEnv>()
	.use("/api/articles/*", async (c, next) =>
		c.req.method === "GET" || c.req.method === "HEAD" ? next() : adminAuth(c, next),
	)
	/** Creates (201) or replaces (200) the article; answers with it as `GET /api/articles/:slug` would. */
	.put("/api/articles/:slug", slugParam, jsonRequest, validate("json", ArticleInput), async (c) => {
		const { article, created } = await publishArticle(c.env, c.req.valid("param").slug, c.req.valid("json"), c.var.now);
		// Our WebSub hub (when configured) hears of the feeds this changed, after the answer.
		inBackground(c, pingHub(c.env, [article.section]));
		return c.json(article, created ? 201 : 200);
	})
	.delete("/api/articles/:slug", slugParam, async (c) => {
		const { slug } = c.req.valid("param");
		const section = listedSection(c.env, slug, c.var.now);
		const removed = await removeArticle(c.env, slug, c.var.now);
		if (!removed.ok) throw new ApiError(404, removed.error.detail);
		inBackground(c, pingHub(c.env, [section]));
		return c.body(null, 204);
	});
