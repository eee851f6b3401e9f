import { afterEach, describe, expect, it, vi } from "vitest";
import type { SourceReport } from "../schemas/refresh-summary";
import { logRun, summarize } from "./report";
import type { CommitResult, RunPlan } from "./run";

const NOW = new Date("2026-11-25T10:00:00Z");
const none = { new: 0, updated: 0, unchanged: 0, dropped: 0 };

function report(id: string, outcome: SourceReport["outcome"], extra: Partial<SourceReport> = {}): SourceReport {
	return { id, outcome, consecutiveFailures: 0, nextDueAt: null, items: none, ...extra };
}

const plan: RunPlan = {
	sources: [
		{ id: "a", url: "https://a.example/feed", name: "A", etag: null, lastModified: null },
		{ id: "b", url: "https://b.example/feed", name: "B", etag: null, lastModified: null },
		{ id: "c", url: "https://c.example/feed", name: "C", etag: null, lastModified: null },
	],
	total: 5,
	skipped: { notDue: ["d"], paused: [], overBudget: [], inFlight: ["e"], kvBudget: [] },
};

const error = { stage: "fetch", code: "fetch.http_503", detail: "upstream answered 503" };

const committed: CommitResult = {
	index: null,
	kvWrites: 3,
	items: { new: 2, updated: 0, unchanged: 1, dropped: 0 },
	sources: [
		report("a", "fetched", { items: { new: 2, updated: 0, unchanged: 1, dropped: 0 } }),
		report("b", "failed", { error, consecutiveFailures: 2, nextDueAt: "2026-11-25T10:40:00.000Z" }),
		report("c", "deferred", { reason: "parse_budget" }),
	],
};

afterEach(() => {
	vi.restoreAllMocks();
});

describe("summarize", () => {
	it("Should count each outcome, every kind of skip and the items the commit stored", () => {
		const facts = { runId: "run-1", options: { now: NOW, force: false }, plan, committed, subrequests: 5 };
		expect(summarize({ ...facts, parsedBytes: 4096 })).toEqual({
			runId: "run-1",
			at: "2026-11-25T10:00:00.000Z",
			force: false,
			sources: 5,
			fetched: 1,
			notModified: 0,
			failed: 1,
			skipped: 2,
			deferred: 1,
			itemsNew: 2,
			itemsUpdated: 0,
			itemsUnchanged: 1,
			itemsDropped: 0,
			kvWrites: 3,
			subrequests: 5,
			parsedBytes: 4096,
			skippedBy: plan.skipped,
			results: committed.sources,
		});
	});

	it("Should report zero items and writes for a run that committed nothing", () => {
		const idle: RunPlan = { sources: [], total: 1, skipped: { ...plan.skipped, notDue: ["a"], inFlight: [] } };
		const facts = { runId: "run-2", options: { now: NOW, force: true }, plan: idle, committed: null };
		expect(summarize({ ...facts, subrequests: 1, parsedBytes: 0 })).toMatchObject({
			sources: 1,
			skipped: 1,
			fetched: 0,
			itemsNew: 0,
			kvWrites: 0,
			subrequests: 1,
			results: [],
		});
	});
});

describe("logRun", () => {
	it("Should log one line per failing source, with its URL and code, and one line for the run", () => {
		const lines: unknown[] = [];
		vi.spyOn(console, "log").mockImplementation((line: string) => lines.push(JSON.parse(line)));
		const facts = { runId: "run-1", options: { now: NOW, force: false }, plan, committed, subrequests: 5 };
		logRun(summarize({ ...facts, parsedBytes: 4096 }), plan.sources);
		expect(lines).toEqual([
			{
				event: "refresh.source_failed",
				runId: "run-1",
				sourceId: "b",
				url: "https://b.example/feed",
				code: "fetch.http_503",
				detail: "upstream answered 503",
				consecutiveFailures: 2,
				nextDueAt: "2026-11-25T10:40:00.000Z",
			},
			expect.objectContaining({ event: "refresh.run", runId: "run-1", failed: 1, deferred: 1, kvWrites: 3 }),
		]);
		expect(lines[1]).not.toHaveProperty("results");
	});
});
