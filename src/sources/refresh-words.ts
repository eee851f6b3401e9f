/**
 * @module A refresh run's summary in words, for the flash message after "Refresh now" on the sources
 * desk: what was fetched, what it brought, and what went wrong, in sentences rather than counters.
 */
import type { RefreshSummary, SourceReport } from "../schemas/refresh-summary";
import { errorWords } from "./health-words";

function count(n: number, one: string, many = `${one}s`): string {
	return `${n} ${n === 1 ? one : many}`;
}

const DEFERRALS: Record<NonNullable<SourceReport["reason"]>, string> = {
	subrequest_budget: "the run ran out of requests it may make",
	parse_budget: "the run ran out of room to read feeds",
	kv_budget: "today's storage writes are used up",
	store_failed: "saving its stories failed",
};

/** One source's part: "Harbour: 3 new stories, 1 updated" or "Harbour: the server answered 404 Not Found". */
export function sourceReportWords(report: SourceReport, name = report.id): string {
	switch (report.outcome) {
		case "failed":
			return `${name}: ${report.error ? errorWords(report.error) : "the fetch failed"}${report.note ? `; ${report.note}` : ""}`;
		case "not_modified":
			return `${name}: unchanged since the last fetch`;
		case "deferred":
			return `${name}: left for the next run (${report.reason ? DEFERRALS[report.reason] : "no room in this run"})`;
		case "fetched": {
			const { items } = report;
			const parts = [count(items.new, "new story", "new stories")];
			if (items.updated > 0) parts.push(`${items.updated} updated`);
			if (items.held) parts.push(`${items.held} held for review`);
			if (items.blocked) parts.push(`${items.blocked} blocked by a rule`);
			if (items.new + items.updated === 0 && !items.held && !items.blocked) return `${name}: fetched, nothing new`;
			return `${name}: ${parts.join(", ")}`;
		}
	}
}

/**
 * The whole run: a headline sentence, then one per source it attempted; `names` maps ids to the
 * names editors know. A run that fetched nothing says why (paused, not due, already in flight).
 */
export function refreshWords(summary: RefreshSummary, names: ReadonlyMap<string, string> = new Map()): string[] {
	const attempted = summary.results.length;
	const lines: string[] = [];
	if (attempted === 0) {
		const { paused, notDue, inFlight, kvBudget } = summary.skippedBy;
		if (paused.length > 0 && paused.length === summary.sources)
			lines.push("Nothing was fetched: the source is paused.");
		else if (inFlight.length > 0) lines.push("Nothing was fetched: another refresh is fetching it right now.");
		else if (kvBudget.length > 0) lines.push("Nothing was fetched: today's storage writes are used up.");
		else if (notDue.length > 0) lines.push("Nothing was fetched: no source was due.");
		else lines.push("Nothing was fetched.");
		return lines;
	}
	const tally = [count(summary.itemsNew, "new story", "new stories")];
	if (summary.itemsUpdated > 0) tally.push(`${summary.itemsUpdated} updated`);
	if (summary.failed > 0) tally.push(`${summary.failed} failed`);
	lines.push(`Refreshed ${count(attempted, "source")}: ${tally.join(", ")}.`);
	for (const report of summary.results) lines.push(`${sourceReportWords(report, names.get(report.id))}.`);
	return lines;
}
