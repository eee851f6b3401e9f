/** @module About the service: `/healthz` and the site icon (the API's description is functions/api-docs.tsx). */
import { Hono } from "hono";
import type { AppEnv } from "../src/env";
import { checkKv } from "../src/health/kv";
import { checkStore } from "../src/health/store";
import { FAVICON_SVG } from "../src/views/favicon";
import { CACHE } from "./middleware/cache-control";

export const metaRoutes = new Hono<AppEnv>()
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
