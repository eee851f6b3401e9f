/**
 * @module Search as readers and programs get it: `/api/search`'s JSON and the `/search` results
 * page, each from one StoreWriter search (none when the data center holds the query's results).
 */
import { ageLabel } from "../age/scale";
import { articlePath } from "../publishing/paths";
import { renderHtml } from "../render-cache/page";
import type { SearchResponse } from "../schemas/search";
import { cachedSearch, cacheSearch } from "../search/result-cache";
import { MARK_END, MARK_START, type SearchPage } from "../search/results";
import { SearchResultsPage } from "../views/search-page";
import type { ReaderRequest } from "./request";

/** The StoreWriter's search, as the route hands it in. */
export type SearchBackend = (text: string, limit: number, offset: number, nowMs: number) => Promise<SearchPage>;

export type SearchRequest = { text: string; limit: number; offset: number };

async function results(req: ReaderRequest, backend: SearchBackend, query: SearchRequest): Promise<SearchPage> {
	const key = { namespaceId: req.namespaceId, ...query };
	const cached = await cachedSearch(key);
	if (cached) return cached;
	const page = await backend(query.text, query.limit, query.offset, req.now.getTime());
	await cacheSearch(key, page);
	return page;
}

/** A snippet without its marks, for JSON. */
function plainSnippet(snippet: string): string {
	return snippet.replaceAll(MARK_START, "").replaceAll(MARK_END, "");
}

/** `GET /api/search`: `{"results": [...], "next"?}`, each result's age computed at `req.now`. */
export async function searchJson(
	req: ReaderRequest,
	backend: SearchBackend,
	query: SearchRequest,
): Promise<SearchResponse> {
	const page = await results(req, backend, query);
	const body: SearchResponse = {
		results: page.hits.map(({ headline, snippet }) => ({
			slug: headline.slug,
			title: headline.title,
			url: articlePath(headline.slug),
			section: headline.section ?? null,
			publishedAt: headline.publishedAt,
			age: ageLabel(headline.publishedAt, req.now, req.config.timeZone),
			snippet: plainSnippet(snippet),
		})),
	};
	if (page.more) body.next = String(query.offset + query.limit);
	return body;
}

/** `GET /search`: the results page (or the empty search form when there is no query). */
export async function searchPage(
	req: ReaderRequest,
	backend: SearchBackend,
	query: SearchRequest | undefined,
): Promise<string> {
	const page = query ? await results(req, backend, query) : undefined;
	return renderHtml(<SearchResultsPage config={req.config} now={req.now} query={query} page={page} />);
}
