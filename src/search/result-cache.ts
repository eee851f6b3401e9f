/**
 * @module Search results kept per query in the data center's cache (Cache API), so a popular
 * query costs the StoreWriter one search per data center per minute, whatever the traffic. Ages are
 * not kept: they are computed for each request from the stored timestamps.
 */

import { searchTerms } from "./match-query";
import type { SearchPage } from "./results";

/** A minute: a new story appears in results at most this late, like KV's own staleness. */
export const SEARCH_CACHE_SECONDS = 60;

export type SearchKey = { namespaceId: string | undefined; text: string; limit: number; offset: number };

function cacheUrl({ namespaceId, text, limit, offset }: SearchKey & { namespaceId: string }): string {
	// Queries that reduce to the same terms share a copy (`Flood!` and `flood`).
	const terms = encodeURIComponent(searchTerms(text).join(" "));
	return `https://search-cache.edgewire.invalid/${encodeURIComponent(namespaceId)}/${limit}/${offset}/${terms}`;
}

/** The cached page for `key`, or undefined (no copy, no cache here, or no namespace id to key it by). */
export async function cachedSearch(key: SearchKey): Promise<SearchPage | undefined> {
	if (!key.namespaceId) return undefined;
	try {
		const hit = await caches.default.match(cacheUrl({ ...key, namespaceId: key.namespaceId }));
		return hit ? ((await hit.json()) as SearchPage) : undefined;
	} catch {
		return undefined;
	}
}

/** Keeps `page` for `SEARCH_CACHE_SECONDS`. Best effort. */
export async function cacheSearch(key: SearchKey, page: SearchPage): Promise<void> {
	if (!key.namespaceId) return;
	try {
		await caches.default.put(
			cacheUrl({ ...key, namespaceId: key.namespaceId }),
			new Response(JSON.stringify(page), { headers: { "cache-control": `max-age=${SEARCH_CACHE_SECONDS}` } }),
		);
	} catch {
		// No cache here: the next search goes to the StoreWriter.
	}
}
