/**
 * @module Search as readers and programs get it: `/api/search`'s JSON and the `/search` results
 * page, each from one StoreWriter search (none when the data center holds the query's results).
 */
import * as v from "valibot";
import { ageLabel } from "../age/scale";
import { parseEntries } from "../kv/read";
import { articlePath } from "../publishing/paths";
import { cachedPage, type RenderedPage } from "../render-cache/page";
import { ok } from "../result";
import type { HeadlinesIndex } from "../schemas/article";
import { describeIssue } from "../schemas/issues";
import type { SearchResponse } from "../schemas/search";
import { cachedSearch, cacheSearch } from "../search/result-cache";
import { MARK_END, MARK_START, SearchHitRecord, type SearchPage, SearchPageRecord } from "../search/results";
import { SearchResultsPage } from "../views/search-page";
import type { ReaderRequest } from "./request";

/** The StoreWriter's search, as the route hands it in. */
export type SearchBackend = (text: string, limit: number, offset: number, nowMs: number) => Promise<SearchPage>;

export type SearchRequest = { text: string; limit: number; offset: number };

/** How long an isolate keeps a query's results: like a KV record's copy (src/kv/memory.ts). */
const MEMORY_TTL_MS = 5_000;
const MEMORY_CAPACITY = 64;
/** Results read in the last few seconds, the same object each time, so a rendered page stays valid. */
const memory = new Map<string, { page: SearchPage; at: number }>();

async function results(req: ReaderRequest, backend: SearchBackend, query: SearchRequest): Promise<SearchPage> {
	const nowMs = req.now.getTime();
	const memoryKey = `${req.namespaceId ?? ""}\u0000${query.limit}\u0000${query.offset}\u0000${query.text}`;
	const held = memory.get(memoryKey);
	if (held && nowMs >= held.at && nowMs - held.at < MEMORY_TTL_MS) return held.page;
	const key = { namespaceId: req.namespaceId, ...query };
	let page = await cachedSearch(key);
	if (!page) {
		page = await backend(query.text, query.limit, query.offset, nowMs);
		await cacheSearch(key, page);
	}
	page = checked(page);
	memory.delete(memoryKey);
	if (memory.size >= MEMORY_CAPACITY) memory.delete(memory.keys().next().value as string);
	memory.set(memoryKey, { page, at: nowMs });
	return page;
}

/** Results as they came back, validated like any record read back: a malformed page is none, a bad hit is left out. */
function checked(page: unknown): SearchPage {
	const shape = v.safeParse(SearchPageRecord, page);
	if (!shape.success) {
		console.error(JSON.stringify({ event: "search.corrupt", detail: describeIssue(shape.issues) }));
		return { hits: [], more: false };
	}
	return { hits: parseEntries("search", shape.output.hits, SearchHitRecord), more: shape.output.more };
}

/** Drops the results held in memory (tests that publish and search again at once). */
export function forgetSearches(): void {
	memory.clear();
}

/** Search hits are live and public: no scheduled headline can end a rendered copy early. */
const NO_INDEX: HeadlinesIndex = { updatedAt: new Date(0).toISOString(), headlines: [] };

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

/**
 * `GET /search`: the results page (or the empty search form when there is no query), rendered once
 * per set of results while their ages hold.
 */
export async function searchPage(
	req: ReaderRequest,
	backend: SearchBackend,
	query: SearchRequest | undefined,
): Promise<RenderedPage> {
	const page = query ? await results(req, backend, query) : undefined;
	const rendered = await cachedPage({ key: req.url, deps: { page, config: req.config } }, req.now, () =>
		ok({
			view: <SearchResultsPage config={req.config} now={req.now} query={query} page={page} />,
			index: NO_INDEX,
			shown: page ? page.hits.map((hit) => hit.headline) : [],
		}),
	);
	// The build above cannot fail.
	if (!rendered.ok) throw new Error("unreachable");
	return rendered.value;
}
