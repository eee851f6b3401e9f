/** @module Sends a page from the render cache: the same response `c.html()` gives, with the ETag already computed. */
import type { Context } from "hono";
import type { AppEnv } from "../src/env";
import type { RenderedPage } from "../src/render-cache/page";

/** The etag middleware sees the tag set and only compares it with If-None-Match (no digest per request). */
export function sendPage(c: Context<AppEnv>, page: RenderedPage): Response | Promise<Response> {
	c.header("ETag", page.etag);
	return c.html(page.html);
}
