/** @module `/archive`, `/archive/:year/:month` and `/archive/:year/:month/:day`: the date archive in the site's time zone. */
import { Hono } from "hono";
import type { AppEnv } from "../src/env";
import { archiveDayPage, archiveMonthPage, archiveMonthsPage } from "../src/pages/archive";
import { ArchiveDayParam, ArchiveMonthParam } from "../src/schemas/archive";
import { validate } from "./middleware/validate";
import { pageFailure, readerRequest, sendPage } from "./reader";

const UNREADABLE = "The archive is unreadable right now.";

export const archiveRoutes = new Hono<AppEnv>()
	.get("/archive", async (c) => {
		const page = await archiveMonthsPage(readerRequest(c));
		if (!page.ok) throw pageFailure(page.error, { "page.not_found": "No archive yet.", "page.unreadable": UNREADABLE });
		return sendPage(c, page.value);
	})
	.get(
		"/archive/:year/:month",
		validate("param", ArchiveMonthParam, { status: 404, message: "There is no such month in the archive." }),
		async (c) => {
			const page = await archiveMonthPage(readerRequest(c), c.req.valid("param").month);
			if (!page.ok) {
				throw pageFailure(page.error, {
					"page.not_found": "No stories were published that month.",
					"page.unreadable": UNREADABLE,
				});
			}
			return sendPage(c, page.value);
		},
	)
	.get(
		"/archive/:year/:month/:day",
		validate("param", ArchiveDayParam, { status: 404, message: "There is no such day in the archive." }),
		async (c) => {
			const page = await archiveDayPage(readerRequest(c), c.req.valid("param").day);
			if (!page.ok) {
				throw pageFailure(page.error, {
					"page.not_found": "No stories were published that day.",
					"page.unreadable": UNREADABLE,
				});
			}
			return sendPage(c, page.value);
		},
	);
