/** @module Readers' routes: the home page and its older pages, article pages, and the article JSON. */
import { Hono } from "hono";
import type { AppEnv } from "../src/env";
import { articlePage } from "../src/pages/article-page";
import { listPage } from "../src/pages/list-page";
import { SlugParam } from "../src/schemas/params";
import { validate } from "./middleware/validate";
import { listQuery, pageFailure, readerRequest, sendPage, sendPublicArticle } from "./reader";

const NOT_FOUND = "We couldn't find that article.";

export const articleRoutes = new Hono<AppEnv>()
	.get("/", listQuery, async (c) => {
		const page = await listPage(readerRequest(c), { before: c.req.valid("query").before });
		if (!page.ok) {
			throw pageFailure(page.error, {
				"page.not_found": "We couldn't find that page.",
				"page.unreadable": "The headlines are unreadable right now.",
			});
		}
		return sendPage(c, page.value);
	})
	.get("/articles/:slug", validate("param", SlugParam, { status: 404, message: NOT_FOUND }), async (c) => {
		const page = await articlePage(readerRequest(c), c.req.valid("param").slug);
		if (!page.ok) {
			throw pageFailure(page.error, {
				"page.not_found": NOT_FOUND,
				"page.unreadable": "This article is unreadable right now.",
			});
		}
		return sendPage(c, page.value);
	})
	.get("/api/articles/:slug", validate("param", SlugParam, { message: "invalid slug" }), async (c) => {
		return sendPublicArticle(c, c.req.valid("param").slug);
	});
