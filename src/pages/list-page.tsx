/**
 * @module The headline list pages: the home page, a section's page, and their older pages
 * (`?before=`), each rendered once per validity window.
 */
import { readRecentArticle } from "../kv/articles";
import { readHeadlines } from "../kv/headlines";
import { readListPage } from "../kv/lists";
import { headlinePage, LIST_PAGE_SIZE, NAV_SECTIONS } from "../publishing/headline-pages";
import { sectionPath } from "../publishing/paths";
import { activeSections, sectionName } from "../publishing/sections";
import { cachedPage, type RenderedPage } from "../render-cache/page";
import { err, ok, type Result } from "../result";
import type { HeadlinesIndex } from "../schemas/article";
import { type Cursor, cursorText } from "../schemas/paging";
import { listMeta } from "../seo/article";
import { ListPage } from "../views/list-page";
import { NOT_FOUND, type PageError, type ReaderRequest, UNREADABLE } from "./request";

export type ListPageOptions = {
	/** Only this section's headlines (its URL slug); the home page when absent. */
	section?: string;
	/** Only headlines older than this one (an older page). */
	before?: Cursor;
};

/**
 * One page of live headlines, newest first: the index (nearly always warm in memory), plus a list's
 * directory and chunk for a section's pages and the home page's older ones. A section
 * with no live headlines is not found; past the last older page, the page says so.
 *
 * @example const page = await listPage(request, { section: "business" });
 */
export async function listPage(req: ReaderRequest, options: ListPageOptions): Promise<Result<RenderedPage, PageError>> {
	const { config, now } = req;
	const index = await readHeadlines(req, now.getTime());
	if (!index.ok) return err(UNREADABLE);
	const { section, before } = options;
	// The home page's first page comes from the index; every other page from its list's chunks,
	// which reach back to the first article (src/kv/lists.ts).
	const listed =
		section === undefined && before === undefined
			? undefined
			: await readListPage(req, { section }, { before, size: LIST_PAGE_SIZE }, now);
	if (listed && !listed.ok) return err(UNREADABLE);
	// The front page leads with the newest story that has a lead image: its record gives the dek and credit.
	const leadSlug = listed ? undefined : leadOf(index.value, now);
	const lead = leadSlug === undefined ? undefined : await readRecentArticle(req, leadSlug, now.getTime());
	const leadArticle = lead?.ok ? lead.value : undefined;
	const deps = { index: index.value, config, chunk: listed?.value.chunk, lead: leadArticle };
	return cachedPage({ key: req.url, deps }, now, () => {
		const listedPage = listed
			? listed.value
			: headlinePage(index.value, now, { size: LIST_PAGE_SIZE, before, section });
		const page = leadArticle
			? { ...listedPage, headlines: listedPage.headlines.filter((h) => h.slug !== leadArticle.slug) }
			: listedPage;
		if (section !== undefined && !before && page.headlines.length === 0) return err(NOT_FOUND);
		const firstPage = section === undefined ? "/" : sectionPath(section);
		const self = before ? `${firstPage}?before=${cursorText(before)}` : firstPage;
		// The section's name from its newest headline; from the slug only on a page with none.
		const name = section === undefined ? undefined : sectionName(page.headlines[0]?.section ?? section);
		const { heading, title, description } = listWording(name, before !== undefined, config.siteName);
		const view = (
			<ListPage
				config={config}
				page={page}
				now={now}
				meta={listMeta(new URL(req.url).origin, self, heading, description)}
				heading={heading}
				title={title}
				firstPage={firstPage}
				older={before !== undefined}
				sections={activeSections(index.value, now, NAV_SECTIONS)}
				currentSection={section}
				lead={leadArticle}
				noticeSrc={before ? undefined : noticeSource(section)}
			/>
		);
		return ok({ view, index: index.value, shown: leadArticle ? [leadArticle, ...page.headlines] : page.headlines });
	});
}

/** The front page's lead for an index, kept until one of its scheduled headlines goes live (the same object while memory holds it). */
const leads = new WeakMap<HeadlinesIndex, { slug: string | undefined; until: number }>();

/** The newest live headline on the front page's first page that has a lead image. */
function leadOf(index: HeadlinesIndex, now: Date): string | undefined {
	const nowMs = now.getTime();
	const held = leads.get(index);
	if (held && nowMs < held.until) return held.slug;
	const first = headlinePage(index, now, { size: LIST_PAGE_SIZE });
	const slug = first.headlines.find((h) => h.image !== undefined)?.slug;
	let until = Number.POSITIVE_INFINITY;
	for (const h of index.headlines) {
		const at = Date.parse(h.publishedAt);
		if (at > nowMs && at < until) until = at;
	}
	leads.set(index, { slug, until });
	return slug;
}

/** The list's JSON without ages, which the new-stories notice polls (its ETag changes only with the list). */
function noticeSource(section: string | undefined): string {
	const query = `limit=${LIST_PAGE_SIZE}&ages=false`;
	return section === undefined ? `/api/headlines?${query}` : `/api/headlines?${query}&section=${section}`;
}

/** The visible heading, the document title (none on the home page itself) and the description. */
function listWording(name: string | undefined, older: boolean, siteName: string) {
	const heading = name ?? (older ? "Older headlines" : "Latest headlines");
	const title = name ? (older ? `${name}: older headlines` : name) : older ? heading : undefined;
	const description = `The latest ${name ? `${name} ` : ""}headlines from ${siteName}.`;
	return { heading, title, description };
}
