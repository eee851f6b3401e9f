import { describe, expect, it } from "vitest";
import type { RefreshSummary, SourceReport } from "../schemas/refresh-summary";
import { refreshWords, sourceReportWords } from "./refresh-words";

const noItems = { new: 0, updated: 0, unchanged: 0, dropped: 0 };

function report(overrides: Partial<SourceReport>): SourceReport {
	return { id: "pier", outcome: "fetched", consecutiveFailures: 0, nextDueAt: null, items: noItems, ...overrides };
}

function summary(results: SourceReport[], overrides: Partial<RefreshSummary> = {}): RefreshSummary {
	return {
		runId: "r",
		at: "2026-12-06T10:00:00.000Z",
		force: false,
		sources: results.length,
		fetched: results.filter((r) => r.outcome === "fetched").length,
		notModified: 0,
		failed: results.filter((r) => r.outcome === "failed").length,
		skipped: 0,
		deferred: 0,
		itemsNew: results.reduce((n, r) => n + r.items.new, 0),
		itemsUpdated: 0,
		itemsUnchanged: 0,
		itemsDropped: 0,
		kvWrites: 0,
		subrequests: 0,
		parsedBytes: 0,
		skippedBy: { notDue: [], paused: [], overBudget: [], inFlight: [], kvBudget: [] },
		results,
		...overrides,
	};
}

describe("a refresh in words", () => {
	it("Should say what each source brought or what went wrong, by the names editors know", () => {
		const words = refreshWords(
			summary([
				report({ items: { ...noItems, new: 3, updated: 1, held: 2 } }),
				report({
					id: "dock",
					outcome: "failed",
					error: { stage: "fetch", code: "fetch.http_503", detail: "upstream answered 503" },
				}),
				report({ id: "quay", outcome: "not_modified" }),
				report({ id: "bay", outcome: "deferred", reason: "parse_budget" }),
			]),
			new Map([["pier", "Pier Post"]]),
		);
		expect(words).toEqual([
			"Refreshed 4 sources: 3 new stories, 1 failed.",
			"Pier Post: 3 new stories, 1 updated, 2 held for review.",
			"dock: the server answered 503 Service Unavailable (the site is down or overloaded for now).",
			"quay: unchanged since the last fetch.",
			"bay: left for the next run (the run ran out of room to read feeds).",
		]);
	});

	it("Should say why nothing was fetched", () => {
		const paused = summary([], {
			sources: 1,
			skippedBy: { notDue: [], paused: ["pier"], overBudget: [], inFlight: [], kvBudget: [] },
		});
		expect(refreshWords(paused)).toEqual(["Nothing was fetched: the source is paused."]);
		const idle = summary([], {
			sources: 2,
			skippedBy: { notDue: ["a", "b"], paused: [], overBudget: [], inFlight: [], kvBudget: [] },
		});
		expect(refreshWords(idle)).toEqual(["Nothing was fetched: no source was due."]);
		expect(sourceReportWords(report({}))).toBe("pier: fetched, nothing new");
	});
});
