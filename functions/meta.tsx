/** @module About the service: `/api/openapi.json`, `/api/docs`, `/healthz` and the site icon. */
import { Hono } from "hono";
import { openApi } from "../src/api/openapi";
import { siteConfig } from "../src/config";
import type { AppEnv } from "../src/env";
import { checkKv } from "../src/health/kv";
import { HeadlinesQuery } from "../src/schemas/queries";
import { ApiDocsPage } from "../src/views/api-docs-page";
import { FAVICON_SVG } from "../src/views/favicon";
import { CACHE } from "./middleware/cache-control";

const api = () => openApi({ headlinesQuery: HeadlinesQuery });

export const metaRoutes = new Hono<AppEnv>()
	.get("/api/openapi.json", (c) =>
		c.body(api().json, 200, { "Content-Type": "application/json; charset=utf-8", "Cache-Control": CACHE.stable }),
	)
	.get("/api/docs", (c) => {
		c.header("Cache-Control", CACHE.stable);
		return c.html(<ApiDocsPage siteName={siteConfig(c.env).siteName} document={api().document} />);
	})
	.get("/healthz", async (c) => {
		const kv = await checkKv(c.env.NEWS);
		const ok = kv.status === "ok";
		c.header("Cache-Control", CACHE.none);
		return c.json({ status: ok ? "ok" : "error", checks: { kv } }, ok ? 200 : 503);
	})
	.get("/favicon.svg", (c) =>
		c.body(FAVICON_SVG, 200, { "Content-Type": "image/svg+xml", "Cache-Control": CACHE.stable }),
	)
	.get("/favicon.ico", (c) => c.redirect("/favicon.svg", 301));
