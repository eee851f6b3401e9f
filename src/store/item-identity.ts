/**
 * @module Which feed item an article row is: its source and its key within that source, stored
 * together in `articles.item_key`, and its canonical link in `articles.canonical_link` for matching
 * the same story across sources. Includes the migration of rows keyed by bare guid.
 */
import { canonicalLink } from "../ingest/canonical-link";

/**
 * Between the source id and the item's key. A source id is a slug and a key has its control
 * characters removed by the pipeline (normalize/build.ts), so the split is never ambiguous.
 */
const SEPARATOR = "\u001f";

export type ItemIdentity = { sourceId: string | null; itemKey: string | null };

/** The stored form: `<sourceId>\u001f<itemKey>`, or the bare key of a row from before (source unknown). */
export function storedItemKey(sourceId: string | null, itemKey: string | null): string | null {
	if (itemKey === null) return null;
	return sourceId === null ? itemKey : `${sourceId}${SEPARATOR}${itemKey}`;
}

export function parseItemKey(stored: string | null): ItemIdentity {
	if (stored === null) return { sourceId: null, itemKey: null };
	const at = stored.indexOf(SEPARATOR);
	return at === -1
		? { sourceId: null, itemKey: stored }
		: { sourceId: stored.slice(0, at), itemKey: stored.slice(at + SEPARATOR.length) };
}

/** The item the row at `slug` is, read without parsing its article (so a record that no longer parses keeps it too). */
export function itemIdentityAt(sql: SqlStorage, slug: string): ItemIdentity {
	const row = sql.exec<{ item_key: string | null }>("SELECT item_key FROM articles WHERE slug = ?", slug).toArray()[0];
	return parseItemKey(row?.item_key ?? null);
}

/** A feed article's canonical link, for cross-source matching; null for an editor's own article. */
export function rowCanonicalLink(sourceId: string | null, sourceUrl: string | undefined): string | null {
	return sourceId === null || sourceUrl === undefined ? null : (canonicalLink(sourceUrl) ?? null);
}

/** The stored keys to look an item up by: its own, then the bare key a row from before per-source keys may still carry. */
export function lookupKeys(sourceId: string, itemKey: string): [string, string] {
	return [`${sourceId}${SEPARATOR}${itemKey}`, itemKey];
}

/** Whether any row holds the item, readable or not (a row that fails today's schema reads as absent to `findByItem`). */
export function itemStored(sql: SqlStorage, sourceId: string, itemKey: string): boolean {
	const [own, bare] = lookupKeys(sourceId, itemKey);
	return sql.exec("SELECT 1 FROM articles WHERE item_key IN (?, ?)", own, bare).toArray().length > 0;
}

/**
 * The sources of live feed articles whose canonical link is `link`. Rows whose source is unknown
 * (kept bare keys) never carry a canonical link, so every answer is a source id.
 */
export function linkOwners(sql: SqlStorage, link: string, nowMs: number): string[] {
	return sql
		.exec<{ item_key: string | null }>(
			"SELECT item_key FROM articles WHERE canonical_link = ? AND (expires_at IS NULL OR expires_at > ?)",
			link,
			nowMs,
		)
		.toArray()
		.map((r) => parseItemKey(r.item_key).sourceId)
		.filter((id): id is string => id !== null);
}

const SCHEMA_KEY = "articles_item_identity";
const SCHEMA_VERSION = "1";

/**
 * Version 1 of the item identity, once per table (a marker in `meta`): the `canonical_link` column
 * and its index, bare guids rewritten to `<sourceId>\u001f<guid>` wherever the article records its
 * origin, and canonical links filled in for those rows. A row whose article lost its origin (an
 * editor replaced a feed article) keeps its bare key; lookups fall back to it (`lookupKeys`).
 * Synchronous, so the Durable Object commits it as one unit.
 */
export function migrateItemIdentity(sql: SqlStorage): void {
	const done = sql.exec<{ v: string }>("SELECT v FROM meta WHERE k = ?", SCHEMA_KEY).toArray()[0]?.v;
	if (done === SCHEMA_VERSION) return;
	addColumn(sql, "ALTER TABLE articles ADD COLUMN canonical_link TEXT");
	sql.exec("CREATE INDEX IF NOT EXISTS articles_by_link ON articles (canonical_link)");
	const rows = sql
		.exec<{ slug: string; item_key: string; source_id: string; link: string | null }>(
			`SELECT slug, item_key, json_extract(json, '$.origin.sourceId') AS source_id, json_extract(json, '$.sourceUrl') AS link
			 FROM articles WHERE item_key IS NOT NULL AND json_extract(json, '$.origin.sourceId') IS NOT NULL`,
		)
		.toArray();
	for (const row of rows) {
		if (row.item_key.includes(SEPARATOR)) continue;
		sql.exec(
			"UPDATE articles SET item_key = ?, canonical_link = ? WHERE slug = ?",
			storedItemKey(row.source_id, row.item_key),
			rowCanonicalLink(row.source_id, row.link ?? undefined),
			row.slug,
		);
	}
	sql.exec(
		"INSERT INTO meta (k, v) VALUES (?, ?) ON CONFLICT (k) DO UPDATE SET v = excluded.v",
		SCHEMA_KEY,
		SCHEMA_VERSION,
	);
}

/** ALTER TABLE … ADD COLUMN, a no-op when the column is already there. */
function addColumn(sql: SqlStorage, statement: string): void {
	try {
		sql.exec(statement);
	} catch (error) {
		if (!/duplicate column/i.test(String(error))) throw error;
	}
}
