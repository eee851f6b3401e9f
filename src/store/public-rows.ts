/**
 * @module Which rows readers may see: the one filter every projection shares (the headlines index,
 * section and archive pages, sitemaps, feeds, search). A row is public when its status is
 * `published` and its KV record has not expired; a scheduled one (published later) is public from
 * its minute on, which readers check against the request's clock.
 */

/** Article statuses (issue 12): drafts and articles in review are never public. */
export const ARTICLE_STATUSES = ["draft", "review", "published"] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

/**
 * SQL over `articles` (unaliased): published and unexpired at the bound `?` (ms). Scheduled rows
 * pass; add `published_at <= ?` where only live ones may appear.
 */
export const PUBLIC_ROW = publicRow();

/** `PUBLIC_ROW` for the articles table under `alias` (in a join). */
export function publicRow(alias?: string): string {
	const c = alias ? `${alias}.` : "";
	return `(${c}status = 'published' AND (${c}expires_at IS NULL OR ${c}expires_at > ?))`;
}

/** The `status` column (default `published`, so every row from before is public) and its index. */
export function migrateArticleStatus(sql: SqlStorage): void {
	const columns = sql.exec<{ name: string }>("SELECT name FROM pragma_table_info('articles')").toArray();
	if (!columns.some((c) => c.name === "status")) {
		sql.exec("ALTER TABLE articles ADD COLUMN status TEXT NOT NULL DEFAULT 'published'");
	}
	sql.exec("CREATE INDEX IF NOT EXISTS articles_by_status ON articles (status, published_at DESC)");
	// pruneExpired runs on every write: without this index it scans the whole table.
	sql.exec("CREATE INDEX IF NOT EXISTS articles_by_expiry ON articles (expires_at) WHERE expires_at IS NOT NULL");
}
