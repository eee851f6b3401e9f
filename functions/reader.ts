/**
 * @module The edge side of `src/pages/`: a request as the page modules take it, a rendered page
 * as the response, a page's failure as the error `onError` renders, and the lists' `?before=`.
 */
import type { Context } from "hono";
import { siteConfig } from "../src/config";
import type { AppEnv } from "../src/env";
import { liveArticleJson } from "../src/pages/article-json";
import type { PageError, ReaderRequest } from "../src/pages/request";
import type { RenderedPage } from "../src/render-cache/page";
import { ListQuery } from "../src/schemas/paging";
import { ApiError } from "./errors";
import { validate } from "./middleware/validate";

export function readerRequest(c: Context<AppEnv>): ReaderRequest {
	// An empty KV_NAMESPACE_ID leaves the data center's cache out (src/kv/colo-cache.ts).
	const namespaceId = c.env.KV_NAMESPACE_ID || undefined;
	return { kv: c.env.NEWS, namespaceId, config: siteConfig(c.env), url: c.req.url, now: c.var.now };
}

/**
 * The same response `c.html()` gives. A page from the render cache carries its ETag, which the
 * etag middleware then only compares with If-None-Match (no digest per request).
 */
export function sendPage(c: Context<AppEnv>, page: RenderedPage): Response | Promise<Response> {
	if (page.etag !== undefined) c.header("ETag", page.etag);
	return c.html(page.html);
}

/** A page's failure as the route words it: 404 for `page.not_found`, 500 for `page.unreadable`. */
export function pageFailure<E extends PageError>(error: E, messages: Record<E["code"], string>): ApiError {
	const code: E["code"] = error.code;
	return new ApiError(code === "page.not_found" ? 404 : 500, messages[code]);
}

/** `GET /api/articles/:slug` as readers get it: the live article's JSON, its age from the request's clock. */
export async function sendPublicArticle(c: Context<AppEnv>, slug: string): Promise<Response> {
	const article = await liveArticleJson(readerRequest(c), slug);
	if (!article.ok) {
		throw pageFailure(article.error, {
			"page.not_found": `no article '${slug}'`,
			"page.unreadable": `stored article '${slug}' is unreadable`,
		});
	}
	return c.json(article.value);
}

/** `?before=` of the HTML lists; a malformed one is a 400 page. */
export const listQuery = validate("query", ListQuery, { message: "That page link isn't valid." });
