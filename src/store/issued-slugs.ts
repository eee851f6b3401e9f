/**
 * @module Every slug ever issued, and to which item: so a slug is never handed to a different story,
 * even after its article expired and its row was pruned, and an old link never shows another story.
 * One small row per slug (the slug and the stored item key, no article): about 150 bytes, so even
 * 200,000 slugs a year stay a few tens of MB of the Durable Object's 10 GB.
 */

const LEDGER_KEY = "issued_slugs";

/** Creates the ledger; its first entries are the rows stored before it existed (once, marked in `meta`). */
export function migrateIssuedSlugs(sql: SqlStorage): void {
	// item_key is the stored form (item-identity.ts); null for an editor's article.
	sql.exec("CREATE TABLE IF NOT EXISTS issued_slugs (slug TEXT PRIMARY KEY, item_key TEXT)");
	if (sql.exec("SELECT 1 FROM meta WHERE k = ?", LEDGER_KEY).toArray().length > 0) return;
	sql.exec(
		"INSERT INTO issued_slugs (slug, item_key) SELECT slug, item_key FROM articles WHERE true ON CONFLICT (slug) DO NOTHING",
	);
	sql.exec("INSERT INTO meta (k, v) VALUES (?, '1')", LEDGER_KEY);
}

/** Records that `slug` went to the item stored as `itemKey`; the first item a slug went to keeps it. */
export function recordIssuedSlug(sql: SqlStorage, slug: string, itemKey: string | null): void {
	sql.exec("INSERT INTO issued_slugs (slug, item_key) VALUES (?, ?) ON CONFLICT (slug) DO NOTHING", slug, itemKey);
}

/** Whether `slug` was ever issued to anything but the item stored as `itemKey` (an editor's article counts as another). */
export function issuedToAnother(sql: SqlStorage, slug: string, itemKey: string): boolean {
	const issued = sql
		.exec<{ item_key: string | null }>("SELECT item_key FROM issued_slugs WHERE slug = ?", slug)
		.toArray();
	return issued.length > 0 && issued[0]?.item_key !== itemKey;
}
