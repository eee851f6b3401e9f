/** @module `GET /api/headlines`: the latest headlines as JSON, one KV read (none when warm). */
import { Hono } from "hono";
import type { AppEnv } from "../src/env";
import { headlinesJson } from "../src/pages/headlines-json";
import { HeadlinesQuery } from "../src/schemas/queries";
import { validate } from "./middleware/validate";
import { pageFailure, readerRequest } from "./reader";

export const headlineRoutes = new Hono<AppEnv>().get("/api/headlines", validate("query", HeadlinesQuery), async (c) => {
	const { limit, section, ages } = c.req.valid("query");
	const body = await headlinesJson(readerRequest(c), { limit, section, ages: ages === "true" });
	if (!body.ok) {
		throw pageFailure(body.error, { "page.unreadable": "the headlines index is unreadable" });
	}
	return c.body(body.value.json, 200, { "content-type": "application/json", etag: body.value.etag });
});
