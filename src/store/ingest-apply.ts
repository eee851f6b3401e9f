/**
 * @module Applies one commit's planned rows so that one bad item harms only itself: the whole set
 * first, then, if the store refuses it, source by source and item by item. What the store still
 * refuses is dropped when the store is plainly working (something else in the commit went in), and
 * deferred (`store_failed`, validators kept, so the next run brings it again) when nothing did.
 */
import { noItems } from "../ingest/item-counts";
import type { SourceOutcome } from "../ingest/run";
import type { Result } from "../result";
import type { HeadlinesIndex } from "../schemas/article";
import type { ArticleRow } from "./articles-table";
import type { StoreError } from "./errors";
import type { IngestPlan, SourcePlan } from "./ingest-plan";
import type { ChangeResult, ChangeSet } from "./projection";

export type Apply = (changes: ChangeSet) => Promise<Result<ChangeResult, StoreError>>;

export type Applied = { sources: SourcePlan[]; index: HeadlinesIndex | null; kvWrites: number };

type Tally = { index: HeadlinesIndex | null; kvWrites: number; anyStored: boolean };

export async function applyPlan(apply: Apply, plan: IngestPlan, runId: string): Promise<Applied> {
	const tally: Tally = { index: null, kvWrites: 0, anyStored: false };
	// A commit where nothing changed skips `apply` entirely, so it writes no index.
	if (plan.put.length === 0) return { sources: plan.sources, index: null, kvWrites: 0 };
	const whole = await attempt(apply, plan.put, tally);
	if (whole === null) return { sources: plan.sources, index: tally.index, kvWrites: tally.kvWrites };
	log(runId, whole, plan.put.length);
	if (storeBusy(whole)) return { sources: plan.sources.map(deferIfRows), index: null, kvWrites: 0 };

	const refused = new Map<SourcePlan, Set<ArticleRow>>();
	let storeDown = false;
	for (const source of plan.sources) {
		if (source.rows.length === 0) continue;
		if (storeDown) {
			refused.set(source, new Set(source.rows));
			continue;
		}
		const failed = await isolate(apply, source.rows, tally, runId);
		storeDown = failed.down;
		if (failed.rows.size > 0) refused.set(source, failed.rows);
	}
	const sources = plan.sources.map((source) => {
		const rows = refused.get(source);
		if (!rows) return source;
		if (storeDown || !tally.anyStored) return deferIfRows(source);
		return withoutRows(source, rows);
	});
	return { sources, index: tally.index, kvWrites: tally.kvWrites };
}

/** One source's rows together, then (if refused) one at a time; `down` once the store says it is waiting on repairs. */
async function isolate(
	apply: Apply,
	rows: ArticleRow[],
	tally: Tally,
	runId: string,
): Promise<{ rows: Set<ArticleRow>; down: boolean }> {
	const together = await attempt(apply, rows, tally);
	if (together === null) return { rows: new Set(), down: false };
	if (storeBusy(together) || rows.length === 1) return { rows: new Set(rows), down: storeBusy(together) };
	const failed = new Set<ArticleRow>();
	for (const [i, row] of rows.entries()) {
		const alone = await attempt(apply, [row], tally);
		if (alone === null) continue;
		if (storeBusy(alone)) {
			for (const rest of rows.slice(i)) failed.add(rest);
			return { rows: failed, down: true };
		}
		log(runId, alone, 1, row.slug);
		failed.add(row);
	}
	return { rows: failed, down: false };
}

/**
 * A refusal that says nothing about the items: records from a failed rollback still wait for repair,
 * or KV's one write per key per second (429, on the index most likely). Retrying item by item would
 * only drop good items, so the rest is deferred for the next run.
 */
function storeBusy(error: StoreError): boolean {
	return error.code === "store.repair_pending" || /\b429\b/.test(error.detail);
}

async function attempt(apply: Apply, put: ArticleRow[], tally: Tally): Promise<StoreError | null> {
	const applied = await apply({ put, remove: [] });
	if (!applied.ok) return applied.error;
	tally.index = applied.value.index;
	tally.kvWrites += applied.value.kvWrites;
	tally.anyStored = true;
	return null;
}

/** `apply` has rolled back: the source's validators are kept so the next run fetches the same items again. */
function deferIfRows(source: SourcePlan): SourcePlan {
	if (source.rows.length === 0) return source;
	const { sourceId, url } = source.outcome;
	const outcome: SourceOutcome = { kind: "deferred", reason: "store_failed", sourceId, url };
	return { outcome, rows: [], counts: noItems() };
}

/** The source as committed without the rows the store refused; each is counted as dropped instead. */
function withoutRows(source: SourcePlan, refused: ReadonlySet<ArticleRow>): SourcePlan {
	const counts = { ...source.counts };
	for (const row of refused) {
		if (source.created?.has(row.slug)) counts.new--;
		else counts.updated--;
		counts.dropped++;
	}
	return { ...source, rows: source.rows.filter((row) => !refused.has(row)), counts };
}

function log(runId: string, error: StoreError, rows: number, slug?: string): void {
	const { code, detail } = error;
	const event = slug === undefined ? "refresh.store_failed" : "refresh.item_store_failed";
	console.error(JSON.stringify({ event, runId, code, rows, ...(slug && { slug }), error: detail }));
}
