/**
 * @module What an OPML upload must be before it is read: an XML or OPML content type (415) and at
 * most 1 MiB (413, through `hono/body-limit`), like json-request.ts for JSON.
 */
import { bodyLimit } from "hono/body-limit";
import { every } from "hono/combine";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../../src/env";
import { ApiError } from "../errors";
import { MAX_BODY_BYTES } from "./json-request";

/** The types an OPML file is sent as: its own (`text/x-opml`) and generic XML. */
const OPML_MEDIA_TYPES = new Set(["text/x-opml", "application/xml", "text/xml"]);

const opmlContentType = createMiddleware<AppEnv>(async (c, next) => {
	const mediaType = (c.req.header("content-type") ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
	if (!OPML_MEDIA_TYPES.has(mediaType)) {
		throw new ApiError(415, "content type must be text/x-opml, application/xml or text/xml");
	}
	await next();
});

// 1,000 feed outlines take about 150 KB: 1 MiB leaves room for long titles and comments.
const limit = bodyLimit({
	maxSize: MAX_BODY_BYTES,
	onError: () => {
		throw new ApiError(413, `OPML file exceeds ${MAX_BODY_BYTES} bytes`);
	},
});

/** Content type first, then size; `readOpml` then checks the XML itself. */
export const opmlRequest = every(opmlContentType, limit);
