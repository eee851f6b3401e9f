/**
 * @module Finding the articles a source brought, for `DELETE /api/sources/:id?articles=remove`: its
 * rows are those whose stored item key begins `<sourceId>\u001f` (item-identity.ts), a range of the
 * key's unique index, so each step reads only the rows it removes.
 */
import { storedItemKey } from "./item-identity";

/**
 * How many articles one call removes: each costs a KV delete and its list, archive and sitemap
 * updates inside one StoreWriter call, so a source with thousands of stories goes in several calls.
 */
export const REMOVAL_STEP = 100;

/** The half-open key range `[low, high)` of every item of `sourceId`: the separator, and the code point after it. */
function keyRange(sourceId: string): [string, string] {
	const low = storedItemKey(sourceId, "") ?? sourceId;
	return [low, `${low.slice(0, -1)}${String.fromCharCode(low.charCodeAt(low.length - 1) + 1)}`];
}

/** Up to `limit` slugs of the articles that came from `sourceId`. */
export function sourceArticleSlugs(sql: SqlStorage, sourceId: string, limit: number): string[] {
	const [low, high] = keyRange(sourceId);
	return sql
		.exec<{ slug: string }>(
			"SELECT slug FROM articles WHERE item_key >= ? AND item_key < ? ORDER BY item_key LIMIT ?",
			low,
			high,
			limit,
		)
		.toArray()
		.map((r) => r.slug);
}

/** How many articles from `sourceId` the table still holds. */
export function countSourceArticles(sql: SqlStorage, sourceId: string): number {
	const [low, high] = keyRange(sourceId);
	return (
		sql
			.exec<{ n: number }>("SELECT count(*) AS n FROM articles WHERE item_key >= ? AND item_key < ?", low, high)
			.toArray()[0]?.n ?? 0
	);
}
