/**
 * @module The StoreWriter's side of one refresh run: `beginRun` picks and leases the due sources,
 * `commitRun` ingests every item and records every source's health, writing `v1:sources` at most
 * once and the headlines index at most once. Both run inside the writer's serialized queue.
 */
import type { CommitResult, RunCommit, RunPlan, RunRequest } from "../ingest/run";
import { pickSources } from "../ingest/schedule";
import { keys } from "../kv/keys";
import type { Result } from "../result";
import type { HeadlinesIndex } from "../schemas/article";
import type { ItemCounts, SourceReport } from "../schemas/refresh-summary";
import type { SourcesRecord } from "../schemas/source";
import type { StoreError } from "./errors";
import { type IngestLookups, planIngest, RUN_OVERHEAD_WRITES, sameJson } from "./ingest-plan";
import type { ChangeResult, ChangeSet } from "./projection";
import {
	activeLeases,
	addKvWrites,
	kvWritesToday,
	lease,
	loadSources,
	saveSources,
	setSourcesKvSignature,
	sourcesKvSignature,
} from "./refresh-tables";
import { recordOutcome } from "./sources-record";

/** What the run functions need from the StoreWriter. */
export type RunStore = {
	sql: SqlStorage;
	kv: KVNamespace;
	lookups: IngestLookups;
	apply: (changes: ChangeSet) => Promise<Result<ChangeResult, StoreError>>;
};

/** Leases use the real clock: they measure how long a run may take, not where the schedule stands. */
export function beginRun(store: RunStore, request: RunRequest): RunPlan {
	const clockMs = Date.now();
	const { sources } = loadSources(store.sql);
	const pick = pickSources(sources, {
		now: new Date(request.now),
		force: request.force,
		limit: request.limit,
		leased: activeLeases(store.sql, clockMs),
	});
	const skipped = {
		notDue: pick.notDue,
		overBudget: pick.overBudget,
		inFlight: pick.inFlight,
		kvBudget: [] as string[],
	};
	// With no writes left today a run could not even record health: fetch nothing until 00:00 UTC.
	if (request.dailyKvWrites - kvWritesToday(store.sql, clockMs) <= RUN_OVERHEAD_WRITES) {
		skipped.kvBudget = pick.picked.map((s) => s.id);
		return { sources: [], total: sources.length, skipped };
	}
	lease(
		store.sql,
		pick.picked.map((s) => s.id),
		request.runId,
		clockMs + request.leaseMs,
	);
	const planned = pick.picked.map(({ id, url, name, section, etag, lastModified }) =>
		section === undefined ? { id, url, name, etag, lastModified } : { id, url, name, section, etag, lastModified },
	);
	return { sources: planned, total: sources.length, skipped };
}

export async function commitRun(store: RunStore, commit: RunCommit): Promise<CommitResult> {
	const now = new Date(commit.now);
	const clockMs = Date.now();
	const record = loadSources(store.sql);
	const plan = planIngest(commit.outcomes, new Map(record.sources.map((s) => [s.id, s])), store.lookups, {
		nowMs: clockMs,
		articleTtlMs: commit.policy.articleTtlMs,
		writesLeft: commit.policy.dailyKvWrites - kvWritesToday(store.sql, clockMs),
	});

	let index: HeadlinesIndex | null = null;
	let kvWrites = 0;
	let planned = plan.sources;
	// A run where nothing changed skips `apply` entirely, so it writes no index (expired rows leave it at the next change).
	if (plan.put.length > 0) {
		const applied = await store.apply({ put: plan.put, remove: [] });
		if (applied.ok) {
			index = applied.value.index;
			kvWrites += applied.value.kvWrites;
		} else {
			// `apply` has rolled back; keep those sources' validators so the next run fetches the same items again.
			const { code, detail } = applied.error;
			console.error(JSON.stringify({ event: "refresh.store_failed", runId: commit.runId, code, error: detail }));
			planned = planned.map((p) =>
				p.rows.length === 0
					? p
					: {
							rows: [],
							counts: { new: 0, updated: 0, unchanged: 0, dropped: 0 },
							outcome: { kind: "deferred", reason: "store_failed", sourceId: p.outcome.sourceId, url: p.outcome.url },
						},
			);
		}
	}

	const byId = new Map(planned.map((p) => [p.outcome.sourceId, p]));
	const sources = record.sources.map((s) => {
		const p = byId.get(s.id);
		return p ? recordOutcome(s, p.outcome, now, commit.policy) : s;
	});
	const next = sameJson(sources, record.sources) ? record : { updatedAt: now.toISOString(), sources };
	kvWrites += await storeSources(store, next);
	addKvWrites(store.sql, clockMs, kvWrites);

	const items: ItemCounts = { new: 0, updated: 0, unchanged: 0, dropped: 0 };
	for (const p of planned) for (const k of Object.keys(items) as (keyof ItemCounts)[]) items[k] += p.counts[k];
	const states = new Map(sources.map((s) => [s.id, s]));
	const reports = planned.map((p): SourceReport => {
		const state = states.get(p.outcome.sourceId);
		const report: SourceReport = {
			id: p.outcome.sourceId,
			outcome: p.outcome.kind,
			consecutiveFailures: state?.consecutiveFailures ?? 0,
			nextDueAt: state?.nextDueAt ?? null,
			items: p.counts,
		};
		if (p.outcome.kind === "failed") report.error = p.outcome.error;
		if (p.outcome.kind === "deferred") report.reason = p.outcome.reason;
		return report;
	});
	return { index, kvWrites, items, sources: reports };
}

/**
 * Saves the record in SQLite (authoritative) and mirrors it to KV only when its JSON differs from
 * what KV last got: KV first, so a failed KV write leaves the next run to try again.
 */
export async function storeSources(store: Pick<RunStore, "sql" | "kv">, record: SourcesRecord): Promise<number> {
	const json = JSON.stringify(record);
	let writes = 0;
	if (json !== sourcesKvSignature(store.sql)) {
		await store.kv.put(keys.sources, json);
		setSourcesKvSignature(store.sql, json);
		writes = 1;
	}
	saveSources(store.sql, record);
	return writes;
}
