/** @module `GET /search` (the results page) and `GET /api/search` (JSON): full-text search over live articles. */
import { Hono } from "hono";
import type { AppEnv, Bindings } from "../src/env";
import { type SearchBackend, searchJson, searchPage } from "../src/pages/search";
import { DEFAULT_SEARCH_LIMIT, SearchApiQuery, SearchPageQuery } from "../src/schemas/search";
import { storeWriter } from "../src/store/stub";
import { validate } from "./middleware/validate";
import { readerRequest, sendPage } from "./reader";

/** Results may be a minute old (the data center's copy), and are never worth a crawler's time. */
const SEARCH_CACHE = "public, max-age=60";

function backend(env: Bindings): SearchBackend {
	return (text, limit, offset, nowMs) => storeWriter(env).search(text, limit, offset, nowMs);
}

export const searchRoutes = new Hono<AppEnv>()
	.get("/api/search", validate("query", SearchApiQuery), async (c) => {
		const { q, limit, cursor } = c.req.valid("query");
		const body = await searchJson(readerRequest(c), backend(c.env), { text: q, limit, offset: cursor ?? 0 });
		c.header("Cache-Control", SEARCH_CACHE);
		return c.json(body);
	})
	.get("/search", validate("query", SearchPageQuery, { message: "That search isn't valid." }), async (c) => {
		const { q, cursor } = c.req.valid("query");
		const query = q === undefined ? undefined : { text: q, limit: DEFAULT_SEARCH_LIMIT, offset: cursor ?? 0 };
		c.header("Cache-Control", SEARCH_CACHE);
		c.header("X-Robots-Tag", "noindex");
		return sendPage(c, await searchPage(readerRequest(c), backend(c.env), query));
	});
