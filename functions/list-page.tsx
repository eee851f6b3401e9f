/** @module The one flow behind every headline list page: the home page, a section, and their older pages. */
import type { Context } from "hono";
import * as v from "valibot";
import { siteConfig } from "../src/config";
import type { AppEnv } from "../src/env";
import { readHeadlines } from "../src/kv/headlines";
import { headlinePage, LIST_PAGE_SIZE, NAV_SECTIONS } from "../src/publishing/pages";
import { sectionPath } from "../src/publishing/paths";
import { activeSections, sectionName } from "../src/publishing/sections";
import { cachedPage, renderPage } from "../src/render-cache/page";
import { cursorText, ListQuery } from "../src/schemas/paging";
import { listMeta } from "../src/seo/article";
import { ListPage } from "../src/views/list-page";
import { sendPage } from "./cached-page";
import { ApiError } from "./errors";

/** Serves the live headlines (of `section`, when given), newest first, paged with `?before=`. */
export async function listPageResponse(c: Context<AppEnv>, section?: string): Promise<Response> {
	const { now } = c.var;
	const query = v.safeParse(ListQuery, c.req.query());
	if (!query.success) throw new ApiError(400, "That page link isn't valid.");
	const index = await readHeadlines(c.env.NEWS, now.getTime());
	if (!index.ok) throw new ApiError(500, "The headlines are unreadable right now.");
	const config = siteConfig(c.env);
	// Rendered once per validity window (src/render-cache): until an age label on it would change.
	const cached = cachedPage(c.req.url, now.getTime(), index.value, config);
	if (cached) return sendPage(c, cached);
	const { before } = query.output;
	const page = headlinePage(index.value, now, { size: LIST_PAGE_SIZE, before, section });
	if (section !== undefined && !before && page.headlines.length === 0) {
		throw new ApiError(404, "We couldn't find that section.");
	}
	const firstPage = section === undefined ? "/" : sectionPath(section);
	const self = before ? `${firstPage}?before=${cursorText(before)}` : firstPage;
	const name = section === undefined ? undefined : sectionName(page.headlines[0]?.section ?? section);
	const heading = name ?? (before ? "Older headlines" : "Latest headlines");
	const title = name ? (before ? `${name}: older headlines` : name) : before ? heading : undefined;
	const description = `The latest ${name ? `${name} ` : ""}headlines from ${config.siteName}.`;
	const view = (
		<ListPage
			config={config}
			page={page}
			now={now}
			meta={listMeta(new URL(c.req.url).origin, self, heading, description)}
			heading={heading}
			title={title}
			firstPage={firstPage}
			older={before !== undefined}
			sections={activeSections(index.value, now, NAV_SECTIONS)}
			currentSection={section}
		/>
	);
	return sendPage(c, await renderPage(c.req.url, now, index.value, page.headlines, view, [index.value, config]));
}
