/**
 * @module The Durable Object's SQLite table of every article: the authoritative copy from which
 * the KV records and the headlines index are projected.
 */
import * as v from "valibot";
import { Article, type Headline, type HeadlinesIndex, headlineOf } from "../schemas/article";
import { describeIssue } from "../schemas/issues";
import { issuedToAnother, migrateIssuedSlugs, recordIssuedSlug } from "./issued-slugs";
import { lookupKeys, migrateItemIdentity, parseItemKey, rowCanonicalLink, storedItemKey } from "./item-identity";
import { type ArticleStatus, migrateArticleStatus, PUBLIC_ROW } from "./public-rows";
import { indexRow, migrateSearchIndex, unindexExpired, unindexSlug } from "./search-index";
import { migrateTombstones } from "./tombstones";

/** How many live headlines the KV index holds: enough for paging, small enough (~150 KB) that one read stays cheap. */
export const HEADLINES_CAP = 500;
/** How many scheduled headlines it holds beside them, the soonest: each goes live on its minute with no rewrite. */
export const UPCOMING_CAP = 50;

export type ArticleRow = {
	slug: string;
	article: Article;
	/** The source that brought the item; null for an editor's own article (and for a row from before per-source keys whose source is unknown). */
	sourceId: string | null;
	/** The item's key within its source (guid/id, else link); null for an editor's own article. */
	itemKey: string | null;
	expiresAt: number | null;
	/**
	 * Only `published` rows reach readers (public-rows.ts). Absent on a write means: keep the row's
	 * status (a new row is published), so the refresh's writes never publish an editor's draft.
	 */
	status?: ArticleStatus;
};

/**
 * The most a row's article and headline may take, as SQLite counts them (UTF-8, JSON-escaped): under
 * Durable Object SQLite's 2 MB per row with room for its other columns. The input caps (1 MiB body,
 * 1 MiB of HTML) do not bound it alone: JSON writes a control character or a lone surrogate as six bytes.
 */
export const MAX_ARTICLE_ROW_BYTES = 1_900_000;

const encoder = new TextEncoder();

/** What `article` would take in its row, or undefined when it fits under MAX_ARTICLE_ROW_BYTES. */
export function oversizeRow(article: Article): number | undefined {
	const json = JSON.stringify(article);
	const headline = JSON.stringify(headlineOf(article));
	// UTF-8 is at most 3 bytes per UTF-16 unit: most articles are known to fit without encoding.
	if ((json.length + headline.length) * 3 <= MAX_ARTICLE_ROW_BYTES) return undefined;
	const bytes = encoder.encode(json).byteLength + encoder.encode(headline).byteLength;
	return bytes > MAX_ARTICLE_ROW_BYTES ? bytes : undefined;
}

export function migrateArticlesTable(sql: SqlStorage): void {
	sql.exec(`CREATE TABLE IF NOT EXISTS articles (
		slug TEXT PRIMARY KEY,
		published_at INTEGER NOT NULL,
		item_key TEXT UNIQUE,
		expires_at INTEGER,
		headline TEXT NOT NULL,
		json TEXT NOT NULL
	)`);
	sql.exec("CREATE INDEX IF NOT EXISTS articles_by_time ON articles (published_at DESC)");
	sql.exec("CREATE TABLE IF NOT EXISTS meta (k TEXT PRIMARY KEY, v TEXT NOT NULL)");
	migrateArticleStatus(sql);
	migrateSavedAt(sql);
	migrateFeedIdentity(sql);
	migrateSearchIndex(sql);
}

/**
 * When each row last changed (ms), for the desk's list, newest first; rows from before it count from
 * their `published_at`. The indexes keep a page of that list a range walk, never a sort of the table.
 */
function migrateSavedAt(sql: SqlStorage): void {
	const columns = sql.exec<{ name: string }>("SELECT name FROM pragma_table_info('articles')").toArray();
	if (!columns.some((c) => c.name === "saved_at")) sql.exec("ALTER TABLE articles ADD COLUMN saved_at INTEGER");
	sql.exec(`CREATE INDEX IF NOT EXISTS articles_by_saved ON articles (${SAVED_ORDER} DESC, slug)`);
	sql.exec(`CREATE INDEX IF NOT EXISTS articles_by_status_saved ON articles (status, ${SAVED_ORDER} DESC, slug)`);
}

/** The desk list's order key; queries must spell it exactly so, to use the indexes above. */
export const SAVED_ORDER = "COALESCE(saved_at, published_at)";

/** The feed side of the table: per-source item keys and canonical links, the slug ledger, tombstones. */
function migrateFeedIdentity(sql: SqlStorage): void {
	migrateItemIdentity(sql);
	migrateIssuedSlugs(sql);
	migrateTombstones(sql);
}

type RawRow = { slug: string; item_key: string | null; expires_at: number | null; status: string; json: string };

/**
 * The row as the writer acts on it; undefined when its article fails today's schema (a row stored
 * before a rule tightened, say), which is logged. Lookups then treat it as absent, and `hasRow`
 * still finds it, so an editor can always replace or delete it.
 */
function toRow(raw: RawRow): ArticleRow | undefined {
	const article = v.safeParse(Article, parseJson(raw.json));
	if (!article.success) {
		const detail = describeIssue(article.issues);
		console.error(JSON.stringify({ event: "store.corrupt_row", slug: raw.slug, detail }));
		return undefined;
	}
	return {
		slug: raw.slug,
		article: article.output,
		...parseItemKey(raw.item_key),
		expiresAt: raw.expires_at,
		status: raw.status as ArticleStatus,
	};
}

function parseJson(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return undefined;
	}
}

/** Whether a row holds `slug`, readable or not. */
export function hasRow(sql: SqlStorage, slug: string): boolean {
	return sql.exec("SELECT 1 FROM articles WHERE slug = ?", slug).toArray().length > 0;
}

export function findBySlug(sql: SqlStorage, slug: string): ArticleRow | undefined {
	const raw = sql
		.exec<RawRow>("SELECT slug, item_key, expires_at, status, json FROM articles WHERE slug = ?", slug)
		.toArray()[0];
	return raw && toRow(raw);
}

/** The row of item `itemKey` from `sourceId`: under its own key, else the bare key of a row from before per-source keys. */
export function findByItem(sql: SqlStorage, sourceId: string, itemKey: string): ArticleRow | undefined {
	for (const key of lookupKeys(sourceId, itemKey)) {
		const raw = sql
			.exec<RawRow>("SELECT slug, item_key, expires_at, status, json FROM articles WHERE item_key = ?", key)
			.toArray()[0];
		if (raw) return toRow(raw);
	}
	return undefined;
}

export function upsertRow(sql: SqlStorage, row: ArticleRow): void {
	const itemKey = storedItemKey(row.sourceId, row.itemKey);
	sql.exec(
		`INSERT INTO articles (slug, published_at, item_key, expires_at, headline, json, status, saved_at)
		 VALUES (?, ?, ?, ?, ?, ?, COALESCE(?, 'published'), ?)
		 ON CONFLICT (slug) DO UPDATE SET published_at = excluded.published_at, item_key = excluded.item_key,
		 expires_at = excluded.expires_at, headline = excluded.headline, json = excluded.json,
		 status = COALESCE(?, articles.status), saved_at = excluded.saved_at`,
		row.slug,
		Date.parse(row.article.publishedAt),
		itemKey,
		row.expiresAt,
		JSON.stringify(headlineOf(row.article)),
		JSON.stringify(row.article),
		row.status ?? null,
		Date.now(),
		row.status ?? null,
	);
	recordFeedIdentity(sql, row, itemKey);
	indexRow(sql, row);
}

/** The row's canonical link (cross-source dedup), and its slug in the ledger of slugs ever issued. */
function recordFeedIdentity(sql: SqlStorage, row: ArticleRow, itemKey: string | null): void {
	sql.exec(
		"UPDATE articles SET canonical_link = ? WHERE slug = ?",
		rowCanonicalLink(row.sourceId, row.article.sourceUrl),
		row.slug,
	);
	recordIssuedSlug(sql, row.slug, itemKey);
}

export function deleteRow(sql: SqlStorage, slug: string): void {
	sql.exec("DELETE FROM articles WHERE slug = ?", slug);
	unindexSlug(sql, slug);
}

/**
 * Drops rows whose KV record has expired, so the index never links to a vanished article. Answers
 * where each one sat (slug, date, section), so the lists and sitemaps that held it are rewritten.
 */
export function pruneExpired(
	sql: SqlStorage,
	nowMs: number,
): { slug: string; publishedAt: string; section?: string }[] {
	unindexExpired(sql, nowMs);
	return sql
		.exec<{ slug: string; published_at: number; section: string | null }>(
			`DELETE FROM articles WHERE expires_at IS NOT NULL AND expires_at <= ?
			 RETURNING slug, published_at, json_extract(json, '$.section') AS section`,
			nowMs,
		)
		.toArray()
		.map((r) => ({
			slug: r.slug,
			publishedAt: new Date(r.published_at).toISOString(),
			...(r.section === null ? {} : { section: r.section }),
		}));
}

/**
 * The headlines index as it should stand at `now`, newest first: the soonest `UPCOMING_CAP`
 * scheduled headlines, then the newest `HEADLINES_CAP` live ones. Scheduled ones are counted apart,
 * so none (a far-future placeholder, say) ever takes a live one's place; readers hide them until their time.
 */
export function projectIndex(sql: SqlStorage, now: Date): HeadlinesIndex {
	const nowMs = now.getTime();
	const upcoming = indexHeadlines(sql, "published_at > ? ORDER BY published_at ASC, slug DESC", nowMs, UPCOMING_CAP);
	const live = indexHeadlines(sql, "published_at <= ? ORDER BY published_at DESC, slug ASC", nowMs, HEADLINES_CAP);
	return { updatedAt: now.toISOString(), headlines: [...upcoming.reverse(), ...live] };
}

/** The headlines of public rows that `where` (a `published_at` bound and an order) picks, `limit` at most. */
function indexHeadlines(sql: SqlStorage, where: string, nowMs: number, limit: number): Headline[] {
	return sql
		.exec<{ headline: string }>(
			`SELECT headline FROM articles WHERE ${PUBLIC_ROW} AND ${where} LIMIT ?`,
			nowMs,
			nowMs,
			limit,
		)
		.toArray()
		.map((r) => JSON.parse(r.headline) as Headline);
}

/**
 * Whether `slug` is unavailable to the new item `itemKey` of `sourceId`: an article holds it, or
 * it was ever issued to another story (so an old link never shows a different one).
 */
export function slugTaken(sql: SqlStorage, slug: string, sourceId: string, itemKey: string): boolean {
	if (sql.exec("SELECT 1 FROM articles WHERE slug = ?", slug).toArray().length > 0) return true;
	return issuedToAnother(sql, slug, storedItemKey(sourceId, itemKey) ?? itemKey);
}
