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

const SCHEMA_KEY = "search_index";
const SCHEMA_VERSION = "1";

/** The FTS5 table, filled from every existing row once (synchronous: the Durable Object commits it as one unit). */
export function migrateSearchIndex(sql: SqlStorage): void {
	sql.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(
		slug UNINDEXED, title, dek, body, author, tokenize = 'porter unicode61 remove_diacritics 2'
	)`);
	const done = sql.exec<{ v: string }>("SELECT v FROM meta WHERE k = ?", SCHEMA_KEY).toArray()[0]?.v;
	if (done === SCHEMA_VERSION) return;
	sql.exec("DELETE FROM articles_fts");
	for (const row of sql.exec<{ slug: string; json: string }>("SELECT slug, json FROM articles")) {
		try {
			insertDocument(sql, row.slug, JSON.parse(row.json));
		} catch {
			// A row that no longer parses is not searchable; replacing it indexes it again.
		}
	}
	sql.exec(
		"INSERT INTO meta (k, v) VALUES (?, ?) ON CONFLICT (k) DO UPDATE SET v = excluded.v",
		SCHEMA_KEY,
		SCHEMA_VERSION,
	);
}

/** After an upsert: the row's document replaces any earlier one. */
export function indexRow(sql: SqlStorage, row: { slug: string; article: Indexed }): void {
	unindexSlug(sql, row.slug);
	insertDocument(sql, row.slug, row.article);
}

export function unindexSlug(sql: SqlStorage, slug: string): void {
	sql.exec("DELETE FROM articles_fts WHERE slug = ?", slug);
}

/** Before expired rows are pruned: their documents go with them. */
export function unindexExpired(sql: SqlStorage, nowMs: number): void {
	sql.exec(
		"DELETE FROM articles_fts WHERE slug IN (SELECT slug FROM articles WHERE expires_at IS NOT NULL AND expires_at <= ?)",
		nowMs,
	);
}

type Indexed = { title?: unknown; dek?: unknown; bodyHtml?: unknown; author?: { name?: unknown } };

function insertDocument(sql: SqlStorage, slug: string, article: Indexed): void {
	sql.exec(
		"INSERT INTO articles_fts (slug, title, dek, body, author) VALUES (?, ?, ?, ?, ?)",
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
 * Public, live articles matching `text` at `nowMs`, best first: BM25 (title weighs most, then dek,
 * author, body) scaled up by recency, so at equal relevance the newer story wins.
 */
export function searchArticles(
	sql: SqlStorage,
	text: string,
	{ nowMs, limit, offset }: { nowMs: number; limit: number; offset: number },
): SearchPage {
	const match = matchExpression(text);
	if (match === undefined) return { hits: [], more: false };
	const rows = sql
		.exec<{ headline: string; snippet: string }>(
			`SELECT a.headline AS headline,
				snippet(articles_fts, -1, '${MARK_START}', '${MARK_END}', '…', 16) AS snippet
			 FROM articles_fts JOIN articles a ON a.slug = articles_fts.slug
			 WHERE articles_fts MATCH ? AND ${publicRow("a")}
				AND a.published_at <= ?
			 ORDER BY bm25(articles_fts, 0.0, 10.0, 4.0, 1.0, 2.0)
				* (1.0 + ${RECENCY_HALF_MS}.0 / (${RECENCY_HALF_MS}.0 + MAX(0, ? - a.published_at)))
			 LIMIT ? OFFSET ?`,
			match,
			nowMs,
			nowMs,
			nowMs,
			limit + 1,
			offset,
		)
		.toArray();
	const hits = rows.slice(0, limit).map((r) => ({ headline: JSON.parse(r.headline) as Headline, snippet: r.snippet }));
	return { hits, more: rows.length > limit };
}
