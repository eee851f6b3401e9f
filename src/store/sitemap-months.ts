/**
 * @module The sitemaps' records, derived from the articles table (derived-keys.ts): one per UTC
 * month listing every public article published in it, and an index of the months.
 *
 * A month's record is computed from that month's rows alone (an indexed range), and the index from a
 * small table of months (one row per month that has articles), so a publish costs the same at 200
 * articles as at 100,000. Scheduled articles are kept with their date; readers drop them until then.
 */
import { keys } from "../kv/keys";
import type { SitemapIndexRecord, SitemapMonthRecord } from "../schemas/sitemap";
import { type DerivedProducer, type DerivedRow, markDirty, registerProducer } from "./derived-keys";
import { PUBLIC_ROW } from "./public-rows";

/** `YYYY-MM` of a UTC instant. */
export function utcMonth(ms: number): string {
	return new Date(ms).toISOString().slice(0, 7);
}

function monthRange(month: string): [number, number] {
	const [year, m] = month.split("-").map(Number) as [number, number];
	const start = new Date(0);
	start.setUTCFullYear(year, m - 1, 1);
	const end = new Date(0);
	end.setUTCFullYear(m === 12 ? year + 1 : year, m % 12, 1);
	return [start.getTime(), end.getTime()];
}

const MIGRATION_KEY = "sitemap_months";

/** The months table, filled once from the rows already stored (and every month marked to be written). */
export function migrateSitemapMonths(sql: SqlStorage): void {
	sql.exec(
		"CREATE TABLE IF NOT EXISTS sitemap_months (month TEXT PRIMARY KEY, urls INTEGER NOT NULL, changed_at INTEGER NOT NULL)",
	);
	const done = sql.exec<{ v: string }>("SELECT v FROM meta WHERE k = ?", MIGRATION_KEY).toArray()[0]?.v;
	if (done === "2") return;
	const columns = sql.exec<{ name: string }>("SELECT name FROM pragma_table_info('articles')").toArray();
	if (!columns.some((c) => c.name === "lastmod_at")) sql.exec("ALTER TABLE articles ADD COLUMN lastmod_at INTEGER");
	// Once, for the rows already stored (each article's JSON read this one time); then every write keeps it.
	sql.exec(
		`UPDATE articles SET lastmod_at = COALESCE(
			CAST(ROUND((julianday(json_extract(json, '$.updatedAt')) - 2440587.5) * 86400000.0) AS INTEGER), published_at)`,
	);
	const now = Date.now();
	const months = sql.exec<{ month: string }>(
		"SELECT DISTINCT strftime('%Y-%m', published_at / 1000.0, 'unixepoch') AS month FROM articles",
	);
	for (const { month } of months) touchMonth(sql, month, now);
	markDirty(sql, keys.sitemapIndex);
	sql.exec("INSERT INTO meta (k, v) VALUES (?, '2') ON CONFLICT (k) DO UPDATE SET v = excluded.v", MIGRATION_KEY);
}

function touchMonth(sql: SqlStorage, month: string, nowMs: number): void {
	sql.exec("INSERT OR IGNORE INTO sitemap_months (month, urls, changed_at) VALUES (?, 0, ?)", month, nowMs);
	markDirty(sql, keys.sitemapMonth(month));
}

function touched(sql: SqlStorage, before: DerivedRow | undefined, after: DerivedRow | undefined): string[] {
	migrateSitemapMonths(sql);
	const months = new Set<string>();
	for (const row of [before, after]) if (row) months.add(utcMonth(Date.parse(row.publishedAt)));
	// The row's last change, beside it: a month's sitemap then reads columns, never each article's JSON.
	if (after) {
		const lastmod = Date.parse(after.updatedAt ?? after.publishedAt);
		sql.exec("UPDATE articles SET lastmod_at = ? WHERE slug = ?", lastmod, after.slug);
	}
	const now = Date.now();
	for (const month of months) touchMonth(sql, month, now);
	// The index follows when a month's sitemap actually changes (`changed` below).
	return [];
}

/** A month's record; also keeps its URL count in the months table (null, and the month dropped, when none is left). */
function computeMonth(sql: SqlStorage, month: string, nowMs: number): string | null {
	const [from, to] = monthRange(month);
	const rows = sql
		.exec<{ slug: string; published_at: number; lastmod_at: number | null }>(
			`SELECT slug, published_at, lastmod_at FROM articles
			 WHERE ${PUBLIC_ROW} AND published_at >= ? AND published_at < ? ORDER BY published_at DESC, slug ASC`,
			nowMs,
			from,
			to,
		)
		.toArray();
	if (rows.length === 0) {
		sql.exec("DELETE FROM sitemap_months WHERE month = ?", month);
		return null;
	}
	sql.exec(
		"INSERT INTO sitemap_months (month, urls, changed_at) VALUES (?, ?, ?) ON CONFLICT (month) DO UPDATE SET urls = excluded.urls",
		month,
		rows.length,
		nowMs,
	);
	const urls = rows.map((r): [string, string, string] => {
		const published = new Date(r.published_at).toISOString();
		return [r.slug, published, r.lastmod_at === null ? published : new Date(r.lastmod_at).toISOString()];
	});
	return JSON.stringify({ month, urls } satisfies SitemapMonthRecord);
}

function computeIndex(sql: SqlStorage): string {
	const months = sql
		.exec<{ month: string; urls: number; changed_at: number }>(
			"SELECT month, urls, changed_at FROM sitemap_months WHERE urls > 0 ORDER BY month DESC",
		)
		.toArray()
		.map((m) => ({ month: m.month, urls: m.urls, lastmod: new Date(m.changed_at).toISOString() }));
	return JSON.stringify({ months } satisfies SitemapIndexRecord);
}

/** A month's sitemap changed: the index dates it now (and lists its new count). */
function changed(sql: SqlStorage, key: string, nowMs: number): void {
	if (key === keys.sitemapIndex) return;
	sql.exec("UPDATE sitemap_months SET changed_at = ? WHERE month = ?", nowMs, key.slice(keys.sitemapPrefix.length));
	markDirty(sql, keys.sitemapIndex);
}

export const sitemapProducer: DerivedProducer = {
	prefix: keys.sitemapPrefix,
	touched,
	changed,
	compute: (sql, key, nowMs) => {
		migrateSitemapMonths(sql);
		if (key === keys.sitemapIndex) return computeIndex(sql);
		return computeMonth(sql, key.slice(keys.sitemapPrefix.length), nowMs);
	},
};

registerProducer(sitemapProducer);
