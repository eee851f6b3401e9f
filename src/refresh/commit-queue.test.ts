import { describe, expect, it } from "vitest";
import type { CommitResult, SourceOutcome } from "../ingest/run";
import { CommitQueue, mergeCommits } from "./commit-queue";

function outcome(id: string): SourceOutcome {
	return {
		kind: "not_modified",
		sourceId: id,
		url: `https://${id}.example/feed`,
		validators: { etag: null, lastModified: null },
		maxAgeSeconds: null,
	};
}

function result(ids: string[], kvWrites = 1): CommitResult {
	return {
		index: null,
		kvWrites,
		items: { new: ids.length, updated: 0, unchanged: 0, dropped: 0 },
		sources: ids.map((id) => ({
			id,
			outcome: "not_modified",
			consecutiveFailures: 0,
			nextDueAt: null,
			items: { new: 1, updated: 0, unchanged: 0, dropped: 0 },
		})),
	};
}

/** A send that records each commit and lands when `release` is called, so a test can hold one in flight. */
function recorder() {
	const sent: { ids: string[]; final: boolean }[] = [];
	const pending: (() => void)[] = [];
	const send = (outcomes: SourceOutcome[], final: boolean) => {
		const ids = outcomes.map((o) => o.sourceId);
		sent.push({ ids, final });
		return new Promise<CommitResult>((resolve) => pending.push(() => resolve(result(ids))));
	};
	const release = async () => {
		pending.shift()?.();
		await new Promise((r) => setTimeout(r, 0));
	};
	return { sent, send, release };
}

describe("CommitQueue", () => {
	it("Should commit every four outcomes, and the rest with the last one as the final commit", async () => {
		const { sent, send, release } = recorder();
		const queue = new CommitQueue(6, send);
		for (const id of ["a", "b", "c"]) queue.add(outcome(id));
		expect(sent).toEqual([]);
		queue.add(outcome("d"));
		expect(sent).toEqual([{ ids: ["a", "b", "c", "d"], final: false }]);
		queue.add(outcome("e"));
		queue.add(outcome("f"));
		await release();
		expect(sent[1]).toEqual({ ids: ["e", "f"], final: true });
		await release();
		expect((await queue.done()).flatMap((r) => r.sources.map((s) => s.id))).toEqual(["a", "b", "c", "d", "e", "f"]);
	});

	it("Should send everything pending after a slow commit, so it never makes more commits than one per four", async () => {
		const { sent, send, release } = recorder();
		const queue = new CommitQueue(10, send);
		for (const id of ["a", "b", "c", "d", "e", "f", "g", "h", "i"]) queue.add(outcome(id));
		await release();
		queue.add(outcome("j"));
		await release();
		await release();
		expect(sent).toEqual([
			{ ids: ["a", "b", "c", "d"], final: false },
			{ ids: ["e", "f", "g", "h", "i"], final: false },
			{ ids: ["j"], final: true },
		]);
		await queue.done();
	});

	it("Should stop at a commit that throws, or an afterCommit that does, and rethrow it from done()", async () => {
		const sent: string[][] = [];
		const queue = new CommitQueue(
			8,
			async (outcomes) => {
				sent.push(outcomes.map((o) => o.sourceId));
				return result([]);
			},
			(commits) => {
				if (commits === 1) throw new Error("killed");
			},
		);
		for (const id of ["a", "b", "c", "d", "e", "f", "g", "h"]) queue.add(outcome(id));
		await expect(queue.done()).rejects.toThrow("killed");
		expect(sent).toEqual([["a", "b", "c", "d"]]);
	});
});

describe("mergeCommits", () => {
	it("Should sum writes and items, keep the last index written, and list reports in the run's order", () => {
		const index = { updatedAt: "2026-11-25T10:00:00.000Z", headlines: [] };
		const merged = mergeCommits(
			[
				{ ...result(["c", "a"], 2), index },
				{ ...result(["b"], 1), items: { new: 0, updated: 0, unchanged: 0, dropped: 0, tombstoned: 2 } },
			],
			["a", "b", "c"],
		);
		expect(merged).toEqual({
			index,
			kvWrites: 3,
			items: { new: 2, updated: 0, unchanged: 0, dropped: 0, tombstoned: 2 },
			sources: ["a", "b", "c"].map((id) => expect.objectContaining({ id })),
		});
		expect(mergeCommits([], ["a"])).toBeNull();
	});
});
