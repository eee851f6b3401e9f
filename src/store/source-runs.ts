/**
 * @module Each source's last refresh attempts, for the sources desk's row of outcomes: a small table
 * written in the same commit that records the source's health, capped at RUNS_PER_SOURCE rows per
 * source, so a run costs O(its sources) statements and the table at most RUNS_PER_SOURCE × MAX_SOURCES rows.
 */

import type { SourceOutcome } from "../ingest/run";
import type { ItemCounts } from "../schemas/refresh-summary";
import { RUNS_PER_SOURCE, type SourceRun } from "../schemas/source-runs";

export function migrateSourceRuns(sql: SqlStorage): void {
	// AUTOINCREMENT so ids only grow: the newest attempt of a source is its highest id.
	sql.exec(`CREATE TABLE IF NOT EXISTS source_runs (
		id INTEGER PRIMARY KEY AUTOINCREMENT,
		source_id TEXT NOT NULL,
		at TEXT NOT NULL,
		outcome TEXT NOT NULL,
		status INTEGER,
		error TEXT,
		items INTEGER NOT NULL,
		new_items INTEGER NOT NULL
	)`);
	sql.exec("CREATE INDEX IF NOT EXISTS source_runs_by_source ON source_runs (source_id, id)");
}

/**
 * Records one commit's attempts and drops each source's oldest past the cap. A deferred source was
 * not attempted (the run's budget said "not now"), so it leaves no mark.
 */
export function recordRuns(
	sql: SqlStorage,
	attempts: readonly { outcome: SourceOutcome; counts: ItemCounts }[],
	at: string,
): void {
	migrateSourceRuns(sql);
	for (const { outcome, counts } of attempts) {
		if (outcome.kind === "deferred") continue;
		const status = outcome.kind === "fetched" ? outcome.status : outcome.kind === "not_modified" ? 304 : outcome.status;
		sql.exec(
			"INSERT INTO source_runs (source_id, at, outcome, status, error, items, new_items) VALUES (?, ?, ?, ?, ?, ?, ?)",
			outcome.sourceId,
			at,
			outcome.kind,
			status,
			outcome.kind === "failed" ? JSON.stringify(outcome.error) : null,
			outcome.kind === "fetched" ? outcome.items.length : 0,
			counts.new,
		);
		sql.exec(
			`DELETE FROM source_runs WHERE source_id = ? AND id NOT IN
			 (SELECT id FROM source_runs WHERE source_id = ? ORDER BY id DESC LIMIT ?)`,
			outcome.sourceId,
			outcome.sourceId,
			RUNS_PER_SOURCE,
		);
	}
}

type RunRow = {
	source_id: string;
	at: string;
	outcome: SourceRun["outcome"];
	status: number | null;
	error: string | null;
	items: number;
	new_items: number;
};

function toRun(row: RunRow): SourceRun {
	return {
		at: row.at,
		outcome: row.outcome,
		status: row.status,
		error: row.error === null ? null : JSON.parse(row.error),
		items: row.items,
		newItems: row.new_items,
	};
}

/** One source's attempts, the newest first. */
export function runsOf(sql: SqlStorage, sourceId: string): SourceRun[] {
	migrateSourceRuns(sql);
	return sql
		.exec<RunRow>(
			"SELECT source_id, at, outcome, status, error, items, new_items FROM source_runs WHERE source_id = ? ORDER BY id DESC LIMIT ?",
			sourceId,
			RUNS_PER_SOURCE,
		)
		.toArray()
		.map(toRun);
}

/** The attempts of each of `sourceIds` (a page of the desk), the newest first within each. */
export function runsFor(sql: SqlStorage, sourceIds: readonly string[]): Map<string, SourceRun[]> {
	migrateSourceRuns(sql);
	const bySource = new Map<string, SourceRun[]>();
	const rows = sql
		.exec<RunRow>(
			`SELECT source_id, at, outcome, status, error, items, new_items FROM source_runs
			 WHERE source_id IN (SELECT value FROM json_each(?)) ORDER BY id DESC`,
			JSON.stringify(sourceIds),
		)
		.toArray();
	for (const row of rows) {
		const list = bySource.get(row.source_id) ?? [];
		list.push(toRun(row));
		bySource.set(row.source_id, list);
	}
	return bySource;
}

/** A source that left the list takes its history with it, so one added later under its id starts clean. */
export function forgetRuns(sql: SqlStorage, remaining: readonly string[]): void {
	migrateSourceRuns(sql);
	sql.exec(
		"DELETE FROM source_runs WHERE source_id NOT IN (SELECT value FROM json_each(?))",
		JSON.stringify(remaining),
	);
}
