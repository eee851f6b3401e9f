/**
 * @module The StoreWriter's side of one refresh run: `beginRun` picks and leases the due sources,
 * and each `commitRun` ingests a few sources' items and records their health, the final one writing
 * `v1:sources`. All run inside the writer's serialized queue.
 */
import { addItems, noItems } from "../ingest/item-counts";
import type { CommitResult, RunCommit, RunPlan, RunRequest } from "../ingest/run";
import { pickSources } from "../ingest/schedule";
import { keys } from "../kv/keys";
import type { SourceReport } from "../schemas/refresh-summary";
import type { SourcesRecord } from "../schemas/source";
import { findByItem, slugTaken } from "./articles-table";
import { type Apply, applyPlan } from "./ingest-apply";
import { type IngestLookups, planIngest, RUN_OVERHEAD_WRITES, sameJson } from "./ingest-plan";
import { itemStored, linkOwners } from "./item-identity";
import { noteMovedFeed } from "./moved-feed";
import {
	activeLeases,
	addKvWrites,
	kvWritesToday,
	lease,
	loadSources,
	saveSources,
	setSourcesKvSignature,
	sourcesKvSignature,
	sourcesKvWrittenAt,
} from "./refresh-tables";
import { recordScreening, reviewLookups } from "./screening";
import { recordRuns } from "./source-runs";
import { configOf, recordOutcome } from "./sources-record";
import { isTombstoned } from "./tombstones";
import { liveSources } from "./websub-table";

/** What the run functions need from the StoreWriter. */
export type RunStore = { sql: SqlStorage; kv: KVNamespace; apply: Apply };

/** Leases use the real clock: they measure how long a run may take, not where the schedule stands. */
export function beginRun(store: RunStore, request: RunRequest): RunPlan {
	const clockMs = Date.now();
	const listed = loadSources(store.sql).sources;
	const sources = request.only === undefined ? listed : listed.filter((s) => s.id === request.only);
	const pick = pickSources(sources, {
		now: new Date(request.now),
		force: request.force || request.only !== undefined,
		limit: request.limit,
		leased: activeLeases(store.sql, clockMs),
		// On the schedule's clock, as the leases' renewals are (src/websub/subscriptions.ts).
		pushed: liveSources(store.sql, Date.parse(request.now)),
	});
	const skipped = {
		notDue: pick.notDue,
		paused: pick.paused,
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
	// The editor's config (settings included: the run needs itemsPerRun) and the validators for the conditional GET.
	const planned = pick.picked.map((s) => ({ ...configOf(s), etag: s.etag, lastModified: s.lastModified }));
	return { sources: planned, total: sources.length, skipped };
}

/**
 * One of the run's commits: plans and applies its sources' items (one bad item or source harms only
 * itself, see ingest-apply.ts) and records their health in SQLite. Only the final commit mirrors the
 * source list to KV, so a run writes `v1:sources` at most once however many commits it makes.
 */
export async function commitRun(store: RunStore, commit: RunCommit): Promise<CommitResult> {
	const now = new Date(commit.now);
	const clockMs = Date.now();
	const record = loadSources(store.sql);
	const plan = planIngest(
		commit.outcomes,
		new Map(record.sources.map((s) => [s.id, s])),
		ingestLookups(store.sql, clockMs),
		{
			nowMs: clockMs,
			articleTtlMs: commit.policy.articleTtlMs,
			writesLeft: commit.policy.dailyKvWrites - kvWritesToday(store.sql, clockMs),
		},
	);
	const applied = await applyPlan(store.apply, plan, commit.runId);
	const planned = applied.sources;
	recordScreening(store.sql, planned, now, { nowMs: clockMs, articleTtlMs: commit.policy.articleTtlMs });
	// Each attempt's mark for the sources desk, in the same commit as the health it sits beside.
	recordRuns(store.sql, planned, commit.now);

	const byId = new Map(planned.map((p) => [p.outcome.sourceId, p]));
	const sources = record.sources.map((s) => {
		const p = byId.get(s.id);
		return p ? noteMovedFeed(recordOutcome(s, p.outcome, now, commit.policy), p.outcome) : s;
	});
	const next = sameJson(sources, record.sources) ? record : { updatedAt: now.toISOString(), sources };
	let kvWrites = applied.kvWrites;
	if (commit.final) kvWrites += await storeSources(store, next);
	else saveSources(store.sql, next);
	addKvWrites(store.sql, clockMs, kvWrites);

	const items = noItems();
	for (const p of planned) addItems(items, p.counts);
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
		if (p.outcome.kind === "failed" && state?.movedTo) report.movedTo = state.movedTo;
		if (p.outcome.kind === "deferred") report.reason = p.outcome.reason;
		return report;
	});
	return { index: applied.index, kvWrites, items, sources: reports };
}

/** The planner's view of the table: items by source and key, the slug ledger, canonical links, tombstones. */
function ingestLookups(sql: SqlStorage, nowMs: number): IngestLookups {
	return {
		byItem: (sourceId, itemKey) => findByItem(sql, sourceId, itemKey),
		slugTaken: (slug, sourceId, itemKey) => slugTaken(sql, slug, sourceId, itemKey),
		linkOwners: (link) => linkOwners(sql, link, nowMs),
		tombstoned: (sourceId, itemKey) => isTombstoned(sql, sourceId, itemKey),
		stored: (sourceId, itemKey) => itemStored(sql, sourceId, itemKey),
		review: reviewLookups(sql),
	};
}

/** KV takes one write per key per second and answers 429 beyond; v1:sources is written only here, so the gap is known. */
const KV_WRITE_GAP_MS = 1000;

/**
 * Saves the record in SQLite (authoritative) and mirrors it to KV only when its JSON differs from
 * what KV last got: KV first, so a failed KV write leaves the next run to try again. A write KV
 * refuses for coming within a second of the last one (an editor's `PUT` just before a run, two
 * runs back to back) is tried once more when that second is over: the wait is the Durable
 * Object's wall time, not CPU.
 */
export async function storeSources(store: Pick<RunStore, "sql" | "kv">, record: SourcesRecord): Promise<number> {
	const json = JSON.stringify(record);
	let writes = 0;
	if (json !== sourcesKvSignature(store.sql)) {
		try {
			await store.kv.put(keys.sources, json);
		} catch (error) {
			if (!/\b429\b/.test(String(error))) throw error;
			const wait = (sourcesKvWrittenAt(store.sql) ?? 0) + KV_WRITE_GAP_MS - Date.now();
			// A few ms past the second: workerd's clock moves in steps between I/O.
			await new Promise((resolve) => setTimeout(resolve, (wait > 0 ? wait : KV_WRITE_GAP_MS) + 10));
			await store.kv.put(keys.sources, json);
		}
		setSourcesKvSignature(store.sql, json, Date.now());
		writes = 1;
	}
	saveSources(store.sql, record);
	return writes;
}
