/**
 * @module The date archive's records, derived from the articles table (derived-keys.ts): one per day
 * of the site's time zone with that day's articles, one per month with its days, and the list of
 * months, so `/archive/YYYY/MM/DD`, `/archive/YYYY/MM` and `/archive` each cost one KV read.
 *
 * Each row is filed under its local day once, in a `local_day` column, and `archive_days` keeps one
 * row per day that has public articles (with the instant its first one goes live). A publish then
 * recounts one day and rewrites that day's record; a month's record and its neighbours' change only
 * when a day appears, disappears or gains an earlier first article, which is rare. Unchanged values
 * are never written again (derived-keys.ts compares them), so marking a neighbour costs no KV write.
 * Scheduled articles are filed with their date; readers drop them, and links to days that only hold
 * them, until their minute.
 */
import { localDay, monthOf } from "../archive/local-day";
import { keys } from "../kv/keys";
import { type ArchiveDayRecord, type ArchiveMonthRecord, type ArchiveMonthsRecord, DAY_MAX } from "../schemas/archive";
import { type DerivedProducer, type DerivedRow, markDirty, migrateDerivedKeys, registerProducer } from "./derived-keys";
import { PUBLIC_ROW } from "./public-rows";

/** In `meta`: the time zone the rows are filed in. Another one re-files every row, once. */
const FILED_IN = "archive_time_zone";

/** The zone the StoreWriter last started with: files a store whose tables were dropped since (a test's reset). */
let siteZone = "UTC";

/** The zone the rows are filed in, filing them first if they never were. */
function filedTimeZone(sql: SqlStorage): string {
	const filed = sql.exec<{ v: string }>("SELECT v FROM meta WHERE k = ?", FILED_IN).toArray()[0]?.v;
	if (filed !== undefined) return filed;
	migrateArchiveDays(sql, siteZone);
	return siteZone;
}

/**
 * The archive's table and column, and every row filed in `timeZone` (the site's). Runs when the
 * StoreWriter starts: a first deployment, or a change of `SITE_TIME_ZONE`, files every stored row
 * and marks every archive key to be written (one pass over the table, then the alarm's writes);
 * true when it did.
 */
export function migrateArchiveDays(sql: SqlStorage, timeZone: string): boolean {
	siteZone = timeZone;
	migrateDerivedKeys(sql);
	sql.exec(
		"CREATE TABLE IF NOT EXISTS archive_days (day TEXT PRIMARY KEY, first_ms INTEGER NOT NULL, n INTEGER NOT NULL)",
	);
	const columns = sql.exec<{ name: string }>("SELECT name FROM pragma_table_info('articles')").toArray();
	if (!columns.some((c) => c.name === "local_day")) sql.exec("ALTER TABLE articles ADD COLUMN local_day TEXT");
	// A day's rows in its page's order: a day's record and its count are a range, never a scan.
	sql.exec("CREATE INDEX IF NOT EXISTS articles_by_day ON articles (local_day, published_at DESC, slug)");
	const filed = sql.exec<{ v: string }>("SELECT v FROM meta WHERE k = ?", FILED_IN).toArray()[0]?.v;
	if (filed === timeZone) return false;
	const before = new Set(
		sql
			.exec<{ day: string }>("SELECT day FROM archive_days")
			.toArray()
			.map((r) => r.day),
	);
	const rows = sql.exec<{ slug: string; ms: number }>("SELECT slug, published_at AS ms FROM articles").toArray();
	for (const { slug, ms } of rows) {
		sql.exec("UPDATE articles SET local_day = ? WHERE slug = ?", localDay(ms, timeZone), slug);
	}
	sql.exec("DELETE FROM archive_days");
	sql.exec(
		`INSERT INTO archive_days (day, first_ms, n)
		 SELECT local_day, MIN(published_at), COUNT(*) FROM articles WHERE ${PUBLIC_ROW} GROUP BY local_day`,
		Date.now(),
	);
	const after = sql.exec<{ day: string }>("SELECT day FROM archive_days").toArray();
	const days = new Set([...before, ...after.map((r) => r.day)]);
	for (const day of days) {
		markDirty(sql, keys.archiveDay(day));
		markDirty(sql, keys.archiveMonth(monthOf(day)));
	}
	markDirty(sql, keys.archiveMonths);
	sql.exec("INSERT INTO meta (k, v) VALUES (?, ?) ON CONFLICT (k) DO UPDATE SET v = excluded.v", FILED_IN, timeZone);
	return true;
}

/** Recounts `day` from its rows; true when it appeared, disappeared or its first article moved. */
function recount(sql: SqlStorage, day: string, nowMs: number): boolean {
	const old = sql.exec<{ first_ms: number }>("SELECT first_ms FROM archive_days WHERE day = ?", day).toArray()[0];
	const now = sql
		.exec<{ n: number; first_ms: number | null }>(
			// INDEXED BY: SQLite otherwise picks the status index and counts every public row.
			`SELECT COUNT(*) AS n, MIN(published_at) AS first_ms FROM articles INDEXED BY articles_by_day
			 WHERE ${PUBLIC_ROW} AND local_day = ?`,
			nowMs,
			day,
		)
		.toArray()[0];
	if (!now || now.n === 0 || now.first_ms === null) {
		sql.exec("DELETE FROM archive_days WHERE day = ?", day);
		return old !== undefined;
	}
	sql.exec(
		`INSERT INTO archive_days (day, first_ms, n) VALUES (?, ?, ?)
		 ON CONFLICT (day) DO UPDATE SET first_ms = excluded.first_ms, n = excluded.n`,
		day,
		now.first_ms,
		now.n,
	);
	return old?.first_ms !== now.first_ms;
}

function dayBefore(sql: SqlStorage, day: string): string | undefined {
	return sql
		.exec<{ day: string }>("SELECT day FROM archive_days WHERE day < ? ORDER BY day DESC LIMIT 1", day)
		.toArray()[0]?.day;
}

function dayAfter(sql: SqlStorage, day: string): { day: string; first_ms: number } | undefined {
	return sql
		.exec<{ day: string; first_ms: number }>(
			"SELECT day, first_ms FROM archive_days WHERE day > ? ORDER BY day ASC LIMIT 1",
			day,
		)
		.toArray()[0];
}

function touched(sql: SqlStorage, before: DerivedRow | undefined, after: DerivedRow | undefined): string[] {
	const timeZone = filedTimeZone(sql);
	const nowMs = Date.now();
	const days = new Set<string>();
	for (const row of [before, after]) if (row) days.add(localDay(Date.parse(row.publishedAt), timeZone));
	if (after) {
		const day = localDay(Date.parse(after.publishedAt), timeZone);
		sql.exec("UPDATE articles SET local_day = ? WHERE slug = ?", day, after.slug);
	}
	const dirty = new Set<string>();
	for (const day of days) {
		dirty.add(keys.archiveDay(day));
		if (!recount(sql, day, nowMs)) continue;
		// The day's neighbours link to it (the next one by its first article), its month lists it, and
		// the months around that one may have gained or lost it as a neighbour.
		const prev = dayBefore(sql, day);
		const next = dayAfter(sql, day)?.day;
		for (const d of [prev, next]) if (d) dirty.add(keys.archiveDay(d));
		for (const d of [prev, day, next]) if (d) dirty.add(keys.archiveMonth(monthOf(d)));
		const month = monthOf(day);
		const prevMonth = dayBefore(sql, `${month}-00`);
		const nextMonth = dayAfter(sql, `${month}-99`)?.day;
		for (const d of [prevMonth, nextMonth]) if (d) dirty.add(keys.archiveMonth(monthOf(d)));
		dirty.add(keys.archiveMonths);
	}
	return [...dirty];
}

function computeDay(sql: SqlStorage, day: string, nowMs: number): string | null {
	const headlines = sql
		.exec<{ headline: string }>(
			// INDEXED BY: SQLite otherwise walks the whole list's index to save this one day's sort.
			`SELECT headline FROM articles INDEXED BY articles_by_day WHERE ${PUBLIC_ROW} AND local_day = ?
			 ORDER BY published_at DESC, slug ASC LIMIT ?`,
			nowMs,
			day,
			DAY_MAX,
		)
		.toArray()
		.map((r) => JSON.parse(r.headline) as unknown);
	if (headlines.length === 0) return null;
	const prev = dayBefore(sql, day);
	const next = dayAfter(sql, day);
	const record: ArchiveDayRecord = {
		day,
		headlines,
		...(prev ? { prev } : {}),
		...(next ? { next: { at: next.day, from: next.first_ms } } : {}),
	};
	return JSON.stringify(record);
}

function computeMonth(sql: SqlStorage, month: string): string | null {
	const days = sql
		.exec<{ day: string; from: number }>(
			'SELECT day, first_ms AS "from" FROM archive_days WHERE day > ? AND day < ? ORDER BY day ASC',
			`${month}-00`,
			`${month}-99`,
		)
		.toArray()
		.map((r) => ({ day: r.day, from: r.from }));
	if (days.length === 0) return null;
	const prev = dayBefore(sql, `${month}-00`);
	const next = dayAfter(sql, `${month}-99`);
	const record: ArchiveMonthRecord = {
		month,
		days,
		...(prev ? { prev: monthOf(prev) } : {}),
		...(next ? { next: { at: monthOf(next.day), from: next.first_ms } } : {}),
	};
	return JSON.stringify(record);
}

function computeMonths(sql: SqlStorage): string | null {
	const months = sql
		.exec<{ month: string; from: number }>(
			`SELECT substr(day, 1, 7) AS month, MIN(first_ms) AS "from" FROM archive_days
			 GROUP BY substr(day, 1, 7) ORDER BY month DESC`,
		)
		.toArray()
		.map((r) => ({ month: r.month, from: r.from }));
	return months.length === 0 ? null : JSON.stringify({ months } satisfies ArchiveMonthsRecord);
}

export const archiveProducer: DerivedProducer = {
	prefix: keys.archivePrefix,
	touched,
	compute: (sql, key, nowMs) => {
		filedTimeZone(sql);
		const name = key.slice(keys.archivePrefix.length);
		if (key === keys.archiveMonths) return computeMonths(sql);
		return name.length === 7 ? computeMonth(sql, name) : computeDay(sql, name, nowMs);
	},
};

registerProducer(archiveProducer);
