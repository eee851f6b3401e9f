/**
 * @module GET /admin/assets/:name: the newsroom's stylesheet and client scripts (src/desk/assets/table.ts).
 * Public (the sign-in page needs them before anyone is signed in) and cacheable: a URL carrying the
 * file's current `?v=` is immutable for a year; any other is revalidated by its ETag.
 */
import { Hono } from "hono";
import { assetVersion, deskAsset } from "../../src/desk/assets/table";
import type { AppEnv } from "../../src/env";

const YEAR = "public, max-age=31536000, immutable";
const REVALIDATE = "public, max-age=0, must-revalidate";

export const deskAssetRoutes = new Hono<AppEnv>().get("/admin/assets/:name", (c) => {
	const name = c.req.param("name");
	const asset = deskAsset(name);
	if (!asset) return c.text("not found", 404);
	const version = assetVersion(name);
	const etag = `"${version}"`;
	c.header("ETag", etag);
	c.header("Cache-Control", c.req.query("v") === version ? YEAR : REVALIDATE);
	c.header("Content-Type", asset.type);
	if (c.req.header("if-none-match") === etag) return c.body(null, 304);
	return c.body(asset.text);
});
