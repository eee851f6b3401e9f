/** @module What a refresh run reports: the summary `POST /api/refresh` returns, and the run's log lines. */
import type { RefreshSummary, SourceReport } from "../schemas/refresh-summary";
import type { CommitResult, PlannedSource, RunPlan, SourceOutcome } from "./run";

type RunFacts = {
	runId: string;
	options: { now: Date; force: boolean };
	plan: RunPlan;
	committed: CommitResult | null;
	subrequests: number;
	parsedBytes: number;
};

export function summarize({ runId, options, plan, committed, subrequests, parsedBytes }: RunFacts): RefreshSummary {
	const results = (committed?.sources ?? []).map(withNote);
	const count = (kind: SourceOutcome["kind"]) => results.filter((r) => r.outcome === kind).length;
	const { skipped } = plan;
	return {
		runId,
		at: options.now.toISOString(),
		force: options.force,
		sources: plan.total,
		fetched: count("fetched"),
		notModified: count("not_modified"),
		failed: count("failed"),
		skipped:
			skipped.notDue.length +
			skipped.paused.length +
			skipped.overBudget.length +
			skipped.inFlight.length +
			skipped.kvBudget.length,
		deferred: count("deferred"),
		itemsNew: committed?.items.new ?? 0,
		itemsUpdated: committed?.items.updated ?? 0,
		itemsUnchanged: committed?.items.unchanged ?? 0,
		itemsDropped: committed?.items.dropped ?? 0,
		...(committed?.items.tombstoned ? { itemsTombstoned: committed.items.tombstoned } : {}),
		...(committed?.items.duplicate ? { itemsDuplicate: committed.items.duplicate } : {}),
		...(committed?.items.held ? { itemsHeld: committed.items.held } : {}),
		...(committed?.items.blocked ? { itemsBlocked: committed.items.blocked } : {}),
		kvWrites: committed?.kvWrites ?? 0,
		subrequests,
		parsedBytes,
		skippedBy: skipped,
		results,
	};
}

/** A moved feed in the words an editor reads: the report's `note`. */
export function movedNote(movedTo: NonNullable<SourceReport["movedTo"]>): string {
	const unchecked = movedTo.verified ? "" : " (not checked yet: the run had no budget left to fetch it)";
	return `this site now serves its feed at ${movedTo.url}${unchecked}; the source still points at its old URL`;
}

function withNote(report: SourceReport): SourceReport {
	return report.movedTo ? { ...report, note: movedNote(report.movedTo) } : report;
}

/** One line per run, one per failing source: JSON, so Workers Logs can filter on `event` and `code`. */
export function logRun(summary: RefreshSummary, planned: readonly PlannedSource[]): void {
	const urls = new Map(planned.map((s) => [s.id, s.url]));
	for (const r of summary.results) {
		if (r.outcome !== "failed") continue;
		console.log(
			JSON.stringify({
				event: "refresh.source_failed",
				runId: summary.runId,
				sourceId: r.id,
				url: urls.get(r.id),
				code: r.error?.code,
				detail: r.error?.detail,
				consecutiveFailures: r.consecutiveFailures,
				nextDueAt: r.nextDueAt,
				...(r.movedTo && { movedTo: r.movedTo.url, note: r.note }),
			}),
		);
	}
	const { results: _results, skippedBy: _skippedBy, ...counts } = summary;
	console.log(JSON.stringify({ event: "refresh.run", ...counts }));
}
