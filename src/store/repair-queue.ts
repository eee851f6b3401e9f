/**
 * @module The repair queue: slugs whose KV record may disagree with the articles table, because a
 * failed change set's rollback could not reach KV either. Each is retried with a growing backoff,
 * and never blocks a new write; `/healthz` reports what is still pending and since when.
 */

/** The first retry comes this soon; each failure doubles it, up to `MAX_RETRY_MS`. */
export const FIRST_RETRY_MS = 30_000;
const MAX_RETRY_MS = 15 * 60_000;

const SCHEMA_KEY = "kv_repair_schema";
const SCHEMA_VERSION = "2";

/**
 * Version 2 adds when each slug was queued, its failed attempts, when it is next due and the last
 * error to the bare slug list of version 1 (whose rows count as queued now). Needs the `meta` table.
 */
export function migrateRepairQueue(sql: SqlStorage): void {
	sql.exec("CREATE TABLE IF NOT EXISTS kv_repair (slug TEXT PRIMARY KEY)");
	const done = sql.exec<{ v: string }>("SELECT v FROM meta WHERE k = ?", SCHEMA_KEY).toArray()[0]?.v;
	if (done === SCHEMA_VERSION) return;
	const columns = new Set(
		sql
			.exec<{ name: string }>("PRAGMA table_info(kv_repair)")
			.toArray()
			.map((c) => c.name),
	);
	if (!columns.has("since")) sql.exec("ALTER TABLE kv_repair ADD COLUMN since INTEGER");
	if (!columns.has("attempts")) sql.exec("ALTER TABLE kv_repair ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0");
	if (!columns.has("due_at")) sql.exec("ALTER TABLE kv_repair ADD COLUMN due_at INTEGER NOT NULL DEFAULT 0");
	if (!columns.has("last_error")) sql.exec("ALTER TABLE kv_repair ADD COLUMN last_error TEXT");
	sql.exec("UPDATE kv_repair SET since = ? WHERE since IS NULL", Date.now());
	sql.exec(
		"INSERT INTO meta (k, v) VALUES (?, ?) ON CONFLICT (k) DO UPDATE SET v = excluded.v",
		SCHEMA_KEY,
		SCHEMA_VERSION,
	);
}

/** Queues `slug` (a rollback could not reach KV); one already queued keeps its `since` and attempts. */
export function markForRepair(sql: SqlStorage, slug: string, nowMs: number, error: string): void {
	sql.exec(
		`INSERT INTO kv_repair (slug, since, attempts, due_at, last_error) VALUES (?, ?, 0, ?, ?)
		 ON CONFLICT (slug) DO UPDATE SET last_error = excluded.last_error`,
		slug,
		nowMs,
		nowMs + FIRST_RETRY_MS,
		error,
	);
}

/** Every queued slug, or (with `dueAt`) those whose retry time has come. */
export function pendingRepairs(sql: SqlStorage, dueAt?: number): string[] {
	const rows =
		dueAt === undefined
			? sql.exec<{ slug: string }>("SELECT slug FROM kv_repair ORDER BY since")
			: sql.exec<{ slug: string }>("SELECT slug FROM kv_repair WHERE due_at <= ? ORDER BY since", dueAt);
	return rows.toArray().map((r) => r.slug);
}

/** Counts a failed attempt and pushes the next one back; returns the attempts so far. */
export function recordRepairFailure(sql: SqlStorage, slug: string, nowMs: number, error: string): number {
	const attempts =
		(sql.exec<{ attempts: number }>("SELECT attempts FROM kv_repair WHERE slug = ?", slug).toArray()[0]?.attempts ??
			0) + 1;
	sql.exec(
		"UPDATE kv_repair SET attempts = ?, due_at = ?, last_error = ? WHERE slug = ?",
		attempts,
		nowMs + retryDelayMs(attempts),
		error,
		slug,
	);
	return attempts;
}

export function retryDelayMs(attempts: number): number {
	return Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1), MAX_RETRY_MS);
}

export function clearRepair(sql: SqlStorage, slug: string): void {
	sql.exec("DELETE FROM kv_repair WHERE slug = ?", slug);
}

/** When the soonest queued repair is due, or undefined when none is queued. */
export function nextRepairDue(sql: SqlStorage): number | undefined {
	return sql.exec<{ due: number | null }>("SELECT min(due_at) AS due FROM kv_repair").one().due ?? undefined;
}

export type RepairStatus = { pending: number; oldestSince: number | null; attempts: number; lastError: string | null };

/** What `/healthz` reports: how many are queued, the oldest's queue time, the most attempts any has had, and the latest error. */
export function repairStatus(sql: SqlStorage): RepairStatus {
	const summary = sql
		.exec<{ pending: number; oldest: number | null; attempts: number | null }>(
			"SELECT count(*) AS pending, min(since) AS oldest, max(attempts) AS attempts FROM kv_repair",
		)
		.one();
	const lastError =
		sql.exec<{ last_error: string | null }>("SELECT last_error FROM kv_repair ORDER BY since DESC LIMIT 1").toArray()[0]
			?.last_error ?? null;
	return { pending: summary.pending, oldestSince: summary.oldest, attempts: summary.attempts ?? 0, lastError };
}
