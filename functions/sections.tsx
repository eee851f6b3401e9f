/** @module `/sections/:section`: one section's live headlines, newest first, paged with `?before=`. */
import { Hono } from "hono";
import * as v from "valibot";
import { siteConfig } from "../src/config";
import type { AppEnv } from "../src/env";
import { readHeadlines } from "../src/kv/headlines";
import { headlinePage, LIST_PAGE_SIZE, NAV_SECTIONS } from "../src/publishing/pages";
import { activeSections, sectionName, sectionPath } from "../src/publishing/sections";
import { cachedPage, renderPage } from "../src/render-cache/page";
import { Slug } from "../src/schemas/common";
import { cursorText, ListQuery } from "../src/schemas/paging";
import { listMeta } from "../src/seo/article";
import { ListPage } from "../src/views/list-page";
import { sendPage } from "./cached-page";
import { ApiError } from "./errors";

export const sectionRoutes = new Hono<AppEnv>().get("/sections/:section", async (c) => {
	const { now } = c.var;
	const slug = c.req.param("section");
	if (!v.is(Slug, slug)) throw new ApiError(404, "We couldn't find that section.");
	const query = v.safeParse(ListQuery, c.req.query());
	if (!query.success) throw new ApiError(400, "That page link isn't valid.");
	const index = await readHeadlines(c.env.NEWS, now.getTime());
	if (!index.ok) throw new ApiError(500, "The headlines are unreadable right now.");
	const config = siteConfig(c.env);
	// Rendered once per validity window, like the home page (src/render-cache).
	const cached = cachedPage(c.req.url, now.getTime(), index.value, config);
	if (cached) return sendPage(c, cached);
	const { before } = query.output;
	const page = headlinePage(index.value, now, { size: LIST_PAGE_SIZE, before, section: slug });
	if (!before && page.headlines.length === 0) throw new ApiError(404, "We couldn't find that section.");
	const name = sectionName(page.headlines[0]?.section ?? slug);
	const path = sectionPath(slug);
	const self = before ? `${path}?before=${cursorText(before)}` : path;
	const view = (
		<ListPage
			config={config}
			page={page}
			now={now}
			meta={listMeta(new URL(c.req.url).origin, self, name, `The latest ${name} headlines from ${config.siteName}.`)}
			heading={name}
			title={before ? `${name}: older headlines` : name}
			firstPage={path}
			older={before !== undefined}
			sections={activeSections(index.value, now, NAV_SECTIONS)}
			currentSection={slug}
		/>
	);
	return sendPage(c, await renderPage(c.req.url, now, index.value, page.headlines, view, [index.value, config]));
});
