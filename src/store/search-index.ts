/**
 * @module Full-text search over public articles: an SQLite FTS5 table in the StoreWriter beside the
 * articles it indexes, kept in step by the table's own writes (articles-table.ts), ranked by BM25
 * with a recency boost.
 *
 * Why here and not in KV: a search needs an inverted index, and this Durable Object already holds
 * every article; FTS5 runs in its SQLite. Searches are reads that never enter the write queue.
 */
import { htmlToText } from "../sanitize/text";
import type { Headline } from "../schemas/article";
import { matchExpression } from "../search/match-query";
import { MARK_END, MARK_START, type SearchPage } from "../search/results";
import { publicRow } from "./public-rows";

/** Body text indexed per article: a long read is found by its first 100 KB; a row stays far under 2 MB. */
const MAX_INDEXED_BODY = 100_000;
/** One week: an article this old gets half the boost of one published now. */
const RECENCY_HALF_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * A query is ranked among its newest this many matches: the cost of a common word stays flat as the
 * archive grows (BM25 and the join cost about 10 µs a match, so about 2 ms for these).
 */
export const SEARCH_CANDIDATES = 200;

const SCHEMA_KEY = "search_index";
/** 2: each document's FTS rowid is kept in `search_rows`, so a write finds its document without a scan. */
const SCHEMA_VERSION = "2";

/**
 * The FTS5 table and `search_rows` (slug → the document's rowid, in order of indexing), filled from
 * every existing row once, oldest first (synchronous: the Durable Object commits it as one unit).
 */
export function migrateSearchIndex(sql: SqlStorage): void {
	sql.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(
		slug UNINDEXED, title, dek, body, author, tokenize = 'porter unicode61 remove_diacritics 2'
	)`);
	sql.exec("CREATE TABLE IF NOT EXISTS search_rows (slug TEXT PRIMARY KEY, rid INTEGER NOT NULL UNIQUE)");
	const done = sql.exec<{ v: string }>("SELECT v FROM meta WHERE k = ?", SCHEMA_KEY).toArray()[0]?.v;
	if (done === SCHEMA_VERSION) return;
	if (done === "1") {
		// Version 1's documents are right already: note each one's rowid, in SQLite alone (no document rebuilt,
		// so a large store's first invocation after the upgrade stays far inside its CPU limit).
		sql.exec("INSERT OR REPLACE INTO search_rows (slug, rid) SELECT slug, rowid FROM articles_fts");
		setSchemaVersion(sql);
		return;
	}
	sql.exec("DELETE FROM articles_fts");
	sql.exec("DELETE FROM search_rows");
	const rows = sql.exec<{ slug: string; json: string }>("SELECT slug, json FROM articles ORDER BY published_at ASC");
	for (const row of rows) {
		try {
			insertDocument(sql, row.slug, JSON.parse(row.json));
		} catch {
			// A row that no longer parses is not searchable; replacing it indexes it again.
		}
	}
	setSchemaVersion(sql);
}

function setSchemaVersion(sql: SqlStorage): void {
	sql.exec(
		"INSERT INTO meta (k, v) VALUES (?, ?) ON CONFLICT (k) DO UPDATE SET v = excluded.v",
		SCHEMA_KEY,
		SCHEMA_VERSION,
	);
}

/** After an upsert: the row's document replaces any earlier one, as the newest document. */
export function indexRow(sql: SqlStorage, row: { slug: string; article: Indexed }): void {
	unindexSlug(sql, row.slug);
	insertDocument(sql, row.slug, row.article);
}

export function unindexSlug(sql: SqlStorage, slug: string): void {
	const rid = sql.exec<{ rid: number }>("SELECT rid FROM search_rows WHERE slug = ?", slug).toArray()[0]?.rid;
	if (rid === undefined) return;
	sql.exec("DELETE FROM articles_fts WHERE rowid = ?", rid);
	sql.exec("DELETE FROM search_rows WHERE slug = ?", slug);
}

/** Before expired rows are pruned: their documents go with them (found through the expiry index, never a scan). */
export function unindexExpired(sql: SqlStorage, nowMs: number): void {
	const expired = `SELECT s.rid FROM articles a JOIN search_rows s ON s.slug = a.slug
		WHERE a.expires_at IS NOT NULL AND a.expires_at <= ?`;
	sql.exec(`DELETE FROM articles_fts WHERE rowid IN (${expired})`, nowMs);
	sql.exec(`DELETE FROM search_rows WHERE rid IN (${expired})`, nowMs);
}

type Indexed = { title?: unknown; dek?: unknown; bodyHtml?: unknown; author?: { name?: unknown } };

function insertDocument(sql: SqlStorage, slug: string, article: Indexed): void {
	const rid = (sql.exec<{ top: number | null }>("SELECT MAX(rid) AS top FROM search_rows").toArray()[0]?.top ?? 0) + 1;
	sql.exec("INSERT INTO search_rows (slug, rid) VALUES (?, ?)", slug, rid);
	sql.exec(
		"INSERT INTO articles_fts (rowid, slug, title, dek, body, author) VALUES (?, ?, ?, ?, ?, ?)",
		rid,
		slug,
		clean(article.title),
		clean(article.dek),
		clean(typeof article.bodyHtml === "string" ? htmlToText(article.bodyHtml).slice(0, MAX_INDEXED_BODY) : ""),
		clean(article.author?.name),
	);
}

/** Strings only, with control characters (the snippet marks among them) turned into spaces. */
function clean(value: unknown): string {
	// biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
	return typeof value === "string" ? value.replace(/[\u0000-\u001f\u007f]/g, " ") : "";
}

/**
 * The words as whole (stemmed) words when they alone fill the candidates, else by prefix. A prefix
 * makes FTS5 merge every term it begins (about 15 ms for a common one at 100,000 stories), a whole
 * word reads one term's documents from the newest (a fraction of a millisecond), and a word in more
 * than `SEARCH_CANDIDATES` stories is ranked among those anyway. Decided per query, not per page, so
 * every page of a search ranks the same set.
 */
function chooseMatch(sql: SqlStorage, text: string): string | undefined {
	const exact = matchExpression(text, { exact: true });
	if (exact === undefined) return undefined;
	const found = sql
		.exec<{ n: number }>(
			"SELECT COUNT(*) AS n FROM (SELECT 1 FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid DESC LIMIT ?)",
			exact,
			SEARCH_CANDIDATES,
		)
		.one().n;
	return found >= SEARCH_CANDIDATES ? exact : matchExpression(text);
}

/**
 * Public, live articles matching `text` at `nowMs`, best first: BM25 (title weighs most, then dek,
 * author, body) scaled up by recency, so at equal relevance the newer story wins. The ranking runs
 * over the query's newest `SEARCH_CANDIDATES` matching documents (FTS5 walks a term's documents in
 * rowid order and stops there), so a word in nearly every story costs what a rare one does; a query
 * with fewer matches than that is ranked over all of them. Snippets are made for the page's rows only.
 */
export function searchArticles(
	sql: SqlStorage,
	text: string,
	{ nowMs, limit, offset }: { nowMs: number; limit: number; offset: number },
): SearchPage {
	const match = chooseMatch(sql, text);
	if (match === undefined) return { hits: [], more: false };
	const ranked = sql
		.exec<{ rid: number; headline: string }>(
			`SELECT c.rid AS rid, a.headline AS headline
			 FROM (SELECT rowid AS rid, slug, bm25(articles_fts, 0.0, 10.0, 4.0, 1.0, 2.0) AS relevance
				FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid DESC LIMIT ?) AS c
			 JOIN articles a ON a.slug = c.slug
			 WHERE ${publicRow("a")} AND a.published_at <= ?
			 ORDER BY c.relevance * (1.0 + ${RECENCY_HALF_MS}.0 / (${RECENCY_HALF_MS}.0 + MAX(0, ? - a.published_at)))
			 LIMIT ? OFFSET ?`,
			match,
			SEARCH_CANDIDATES,
			nowMs,
			nowMs,
			nowMs,
			limit + 1,
			offset,
		)
		.toArray();
	const page = ranked.slice(0, limit);
	if (page.length === 0) return { hits: [], more: false };
	const snippets = new Map(
		sql
			.exec<{ rid: number; snippet: string }>(
				`SELECT rowid AS rid, snippet(articles_fts, -1, '${MARK_START}', '${MARK_END}', '…', 16) AS snippet
				 FROM articles_fts WHERE articles_fts MATCH ? AND rowid IN (${page.map(() => "?").join(",")})`,
				match,
				...page.map((r) => r.rid),
			)
			.toArray()
			.map((r) => [r.rid, r.snippet]),
	);
	const hits = page.map((r) => ({ headline: JSON.parse(r.headline) as Headline, snippet: snippets.get(r.rid) ?? "" }));
	return { hits, more: ranked.length > limit };
}
