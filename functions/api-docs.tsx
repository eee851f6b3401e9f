/**
 * @module The API's description: `/api/openapi.json` and `/api/docs`. Served by the desk Worker: the
 * document is generated from the valibot schemas (with @valibot/to-json-schema) and the page renders
 * Markdown, and neither belongs in every reader's bundle.
 */
import { Hono } from "hono";
import type { AppEnv } from "../src/env";
import { apiDocsPage, apiDocument } from "../src/pages/api-docs";
import { CACHE } from "./middleware/cache-control";
import { readerRequest, sendPage } from "./reader";

export const apiDocsRoutes = new Hono<AppEnv>()
	.get("/api/openapi.json", (c) =>
		c.body(apiDocument().json, 200, {
			"Content-Type": "application/json; charset=utf-8",
			"Cache-Control": CACHE.stable,
		}),
	)
	.get("/api/docs", async (c) => {
		const page = await apiDocsPage(readerRequest(c));
		c.header("Cache-Control", CACHE.stable);
		return sendPage(c, page);
	});
