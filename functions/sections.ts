/** @module `/sections/:section`: one section's live headlines, newest first, paged with `?before=`. */
import { Hono } from "hono";
import type { AppEnv } from "../src/env";
import { listPage } from "../src/pages/list-page";
import { SectionParam } from "../src/schemas/params";
import { validate } from "./middleware/validate";
import { listQuery, pageFailure, readerRequest, sendPage } from "./reader";

const NOT_FOUND = "We couldn't find that section.";

export const sectionRoutes = new Hono<AppEnv>().get(
	"/sections/:section",
	validate("param", SectionParam, { status: 404, message: NOT_FOUND }),
	listQuery,
	async (c) => {
		const options = { section: c.req.valid("param").section, before: c.req.valid("query").before };
		const page = await listPage(readerRequest(c), options);
		if (!page.ok) {
			throw pageFailure(page.error, {
				"page.not_found": NOT_FOUND,
				"page.unreadable": "The headlines are unreadable right now.",
			});
		}
		return sendPage(c, page.value);
	},
);
