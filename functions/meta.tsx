/** @module About the service: `/api/openapi.json`, `/api/docs`, `/healthz` and the site icon. */
import { Hono } from "hono";
import type { AppEnv } from "../src/env";
import { checkKv } from "../src/health/kv";
import { checkStore } from "../src/health/store";
import { apiDocsPage, apiDocument } from "../src/pages/api-docs";
import { FAVICON_SVG } from "../src/views/favicon";
import { CACHE } from "./middleware/cache-control";
import { readerRequest, sendPage } from "./reader";

export const metaRoutes = new Hono<AppEnv>()
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
	})
	.get("/healthz", async (c) => {
		const [kv, store] = await Promise.all([checkKv(c.env.NEWS), checkStore(c.env)]);
		const ok = kv.status === "ok" && store === undefined;
		c.header("Cache-Control", CACHE.none);
		// `store` appears only when the StoreWriter has repairs pending (or did not answer).
		const checks = store === undefined ? { kv } : { kv, store };
		return c.json({ status: ok ? "ok" : "error", checks }, ok ? 200 : 503);
	})
	.get("/favicon.svg", (c) =>
		c.body(FAVICON_SVG, 200, { "Content-Type": "image/svg+xml", "Cache-Control": CACHE.stable }),
	)
	.get("/favicon.ico", (c) => c.redirect("/favicon.svg", 301));
