/**
 * @module The StoreWriter's SQLite tables for the refresh: the authoritative source list with
 * health, the leases that keep overlapping runs apart, and the day's KV write count.
 */
import * as v from "valibot";
import { type SourcesRecord, SourcesRecord as SourcesRecordSchema } from "../schemas/source";

export function migrateRefreshTables(sql: SqlStorage): void {
	sql.exec("CREATE TABLE IF NOT EXISTS refresh_state (k TEXT PRIMARY KEY, v TEXT NOT NULL)");
	sql.exec(
		"CREATE TABLE IF NOT EXISTS refresh_leases (source_id TEXT PRIMARY KEY, run_id TEXT NOT NULL, until INTEGER NOT NULL)",
	);
	sql.exec("CREATE TABLE IF NOT EXISTS refresh_kv_writes (day TEXT PRIMARY KEY, writes INTEGER NOT NULL)");
}

function getState(sql: SqlStorage, k: string): string | undefined {
	return sql.exec<{ v: string }>("SELECT v FROM refresh_state WHERE k = ?", k).toArray()[0]?.v;
}

function setState(sql: SqlStorage, k: string, value: string): void {
	sql.exec("INSERT INTO refresh_state (k, v) VALUES (?, ?) ON CONFLICT (k) DO UPDATE SET v = excluded.v", k, value);
}

/** The source list as this object last saved it; only this module writes it, so a failed parse is a bug. */
export function loadSources(sql: SqlStorage): SourcesRecord {
	const raw = getState(sql, "sources");
	return raw === undefined ? { updatedAt: null, sources: [] } : v.parse(SourcesRecordSchema, JSON.parse(raw));
}

export function saveSources(sql: SqlStorage, record: SourcesRecord): void {
	setState(sql, "sources", JSON.stringify(record));
}

/** The JSON last written to KV `v1:sources`, to skip a write that would change nothing. */
export function sourcesKvSignature(sql: SqlStorage): string | undefined {
	return getState(sql, "sources_kv");
}

/** Records what KV `v1:sources` now holds and when it was written (the real clock, for KV's one write per second). */
export function setSourcesKvSignature(sql: SqlStorage, json: string, atMs: number): void {
	setState(sql, "sources_kv", json);
	setState(sql, "sources_kv_at", String(atMs));
}

export function sourcesKvWrittenAt(sql: SqlStorage): number | undefined {
	const at = Number(getState(sql, "sources_kv_at"));
	return Number.isFinite(at) && at > 0 ? at : undefined;
}

/** Sources leased by runs still in flight at `nowMs`; expired leases (a crashed run) are dropped. */
export function activeLeases(sql: SqlStorage, nowMs: number): Set<string> {
	sql.exec("DELETE FROM refresh_leases WHERE until <= ?", nowMs);
	return new Set(
		sql
			.exec<{ source_id: string }>("SELECT source_id FROM refresh_leases")
			.toArray()
			.map((r) => r.source_id),
	);
}

export function lease(sql: SqlStorage, sourceIds: readonly string[], runId: string, untilMs: number): void {
	for (const id of sourceIds) {
		sql.exec(
			"INSERT INTO refresh_leases (source_id, run_id, until) VALUES (?, ?, ?) ON CONFLICT (source_id) DO UPDATE SET run_id = excluded.run_id, until = excluded.until",
			id,
			runId,
			untilMs,
		);
	}
}

export function releaseLeases(sql: SqlStorage, runId: string): void {
	sql.exec("DELETE FROM refresh_leases WHERE run_id = ?", runId);
}

/** After a commit: its sources' leases go (an overlapping run may take them), and after the final one every lease the run holds. */
export function releaseCommitted(
	sql: SqlStorage,
	commit: { runId: string; final: boolean; outcomes: readonly { sourceId: string }[] },
): void {
	if (commit.final) {
		releaseLeases(sql, commit.runId);
		return;
	}
	for (const { sourceId } of commit.outcomes) {
		sql.exec("DELETE FROM refresh_leases WHERE run_id = ? AND source_id = ?", commit.runId, sourceId);
	}
}

/** KV's free allowance resets at 00:00 UTC, so the count is per UTC day. */
function utcDay(nowMs: number): string {
	return new Date(nowMs).toISOString().slice(0, 10);
}

export function kvWritesToday(sql: SqlStorage, nowMs: number): number {
	return (
		sql.exec<{ writes: number }>("SELECT writes FROM refresh_kv_writes WHERE day = ?", utcDay(nowMs)).toArray()[0]
			?.writes ?? 0
	);
}

export function addKvWrites(sql: SqlStorage, nowMs: number, writes: number): void {
	if (writes === 0) return;
	const day = utcDay(nowMs);
	sql.exec("DELETE FROM refresh_kv_writes WHERE day <> ?", day);
	sql.exec(
		"INSERT INTO refresh_kv_writes (day, writes) VALUES (?, ?) ON CONFLICT (day) DO UPDATE SET writes = writes + excluded.writes",
		day,
		writes,
	);
}
