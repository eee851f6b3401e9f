/** @module `/sections/:section`: one section's live headlines, newest first, paged with `?before=`. */
import { Hono } from "hono";
import * as v from "valibot";
import type { AppEnv } from "../src/env";
import { Slug } from "../src/schemas/common";
import { ApiError } from "./errors";
import { listPageResponse } from "./list-page";

export const sectionRoutes = new Hono<AppEnv>().get("/sections/:section", (c) => {
	const slug = c.req.param("section");
	if (!v.is(Slug, slug)) throw new ApiError(404, "We couldn't find that section.");
	return listPageResponse(c, slug);
});
