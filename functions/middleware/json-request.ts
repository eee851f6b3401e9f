/**
 * @module What a JSON write must be before its schema is checked: JSON by content type (415),
 * at most 1 MiB (413, through `hono/body-limit`) and parseable (400). Put it before
 * `validate("json", …)`, which then validates the body Hono has already parsed and cached.
 */

import { bodyLimit } from "hono/body-limit";
import { every } from "hono/combine";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../../src/env";
import { ApiError } from "../errors";

/** 1 MiB: far above any article, far below what would strain a Worker's memory. */
export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * The media types Hono's json validator parses; any other it would skip, validating `{}`, so the
 * guard refuses exactly those (`application/json`, `application/<anything>+json`, any case).
 */
const JSON_MEDIA_TYPE = /^application\/([\w.-]+\+)?json$/i;

const jsonContentType = createMiddleware<AppEnv>(async (c, next) => {
	const mediaType = (c.req.header("content-type") ?? "").split(";")[0]?.trim() ?? "";
	if (!JSON_MEDIA_TYPE.test(mediaType)) throw new ApiError(415, "content type must be application/json");
	await next();
});

const limit = bodyLimit({
	maxSize: MAX_BODY_BYTES,
	onError: () => {
		throw new ApiError(413, `body exceeds ${MAX_BODY_BYTES} bytes`);
	},
});

/**
 * Parses once here, for our own message; `c.req.json()` caches the result, so the validator reads
 * the same value without a second parse. Bytes that aren't UTF-8 decode to U+FFFD, as in any
 * `Request.json()` (WHATWG Encoding's UTF-8 decode), and then fail or pass the schema as text.
 */
const parsedJson = createMiddleware<AppEnv>(async (c, next) => {
	try {
		await c.req.json();
	} catch (error) {
		throw new ApiError(400, `malformed JSON: ${(error as Error).message}`);
	}
	await next();
});

/** Content type first (a form post over 1 MiB is a 415, not a 413), then size, then syntax. */
export const jsonRequest = every(jsonContentType, limit, parsedJson);
