import { describe, expect, it, vi } from "vitest";
import type { SourceOutcome } from "../ingest/run";
import { err, ok } from "../result";
import type { Article } from "../schemas/article";
import type { ArticleRow } from "./articles-table";
import { storeError } from "./errors";
import { type Apply, applyPlan } from "./ingest-apply";
import type { IngestPlan, SourcePlan } from "./ingest-plan";

function row(slug: string): ArticleRow {
	const article: Article = { slug, title: slug, publishedAt: "2026-11-25T09:00:00.000Z", body: "", bodyHtml: "" };
	return { slug, article, sourceId: "a", itemKey: slug, expiresAt: null };
}

function source(id: string, rows: ArticleRow[]): SourcePlan {
	const outcome: SourceOutcome = {
		kind: "fetched",
		sourceId: id,
		url: `https://${id}.example/feed`,
		status: 200,
		items: [],
		dropped: 0,
		validators: { etag: null, lastModified: null },
		maxAgeSeconds: null,
	};
	return {
		outcome,
		rows,
		counts: { new: rows.length, updated: 0, unchanged: 0, dropped: 0 },
		created: new Set(rows.map((r) => r.slug)),
	};
}

function planOf(...sources: SourcePlan[]): IngestPlan {
	return { sources, put: sources.flatMap((s) => s.rows), stale: [] };
}

const index = { updatedAt: "2026-11-25T10:00:00.000Z", headlines: [] };

/** A store that refuses any change set holding one of `refused`, with `detail`. */
function refusing(refused: string[], detail = "KV PUT failed: 413"): { apply: Apply; calls: string[][] } {
	const calls: string[][] = [];
	const apply: Apply = async ({ put }) => {
		calls.push(put.map((r) => r.slug));
		return put.some((r) => refused.includes(r.slug))
			? err(storeError("store.write_failed", detail))
			: ok({ index, kvWrites: put.length + 1 });
	};
	return { apply, calls };
}

describe("applyPlan", () => {
	vi.spyOn(console, "error").mockImplementation(() => undefined);

	it("Should apply the whole commit at once when the store takes it", async () => {
		const { apply, calls } = refusing([]);
		const plan = planOf(source("a", [row("a1"), row("a2")]), source("b", [row("b1")]));
		expect(await applyPlan(apply, plan, "run")).toEqual({ sources: plan.sources, index, kvWrites: 4 });
		expect(calls).toEqual([["a1", "a2", "b1"]]);
	});

	it("Should drop only the item the store refuses, keeping the rest of its source and the other sources", async () => {
		const { apply, calls } = refusing(["a1"]);
		const applied = await applyPlan(
			apply,
			planOf(source("a", [row("a1"), row("a2")]), source("b", [row("b1")])),
			"run",
		);
		expect(calls).toEqual([["a1", "a2", "b1"], ["a1", "a2"], ["a1"], ["a2"], ["b1"]]);
		expect(applied.sources.map((s) => [s.outcome.kind, s.rows.map((r) => r.slug), s.counts])).toEqual([
			["fetched", ["a2"], { new: 1, updated: 0, unchanged: 0, dropped: 1 }],
			["fetched", ["b1"], { new: 1, updated: 0, unchanged: 0, dropped: 0 }],
		]);
		expect(applied.kvWrites).toBe(4);
	});

	it("Should defer every source, dropping nothing, when the store takes nothing at all", async () => {
		const { apply } = refusing(["a1", "a2", "b1"]);
		const applied = await applyPlan(
			apply,
			planOf(source("a", [row("a1"), row("a2")]), source("b", [row("b1")])),
			"run",
		);
		expect(applied.sources.map((s) => s.outcome)).toEqual([
			{ kind: "deferred", reason: "store_failed", sourceId: "a", url: "https://a.example/feed" },
			{ kind: "deferred", reason: "store_failed", sourceId: "b", url: "https://b.example/feed" },
		]);
		expect(applied).toMatchObject({ index: null, kvWrites: 0 });
	});

	it("Should not retry item by item when KV only says too many requests", async () => {
		const { apply, calls } = refusing(["a1"], "Error: KV PUT failed: 429 Too Many Requests");
		const applied = await applyPlan(
			apply,
			planOf(source("a", [row("a1"), row("a2")]), source("b", [row("b1")])),
			"run",
		);
		expect(calls).toEqual([["a1", "a2", "b1"]]);
		expect(applied.sources.map((s) => s.outcome.kind)).toEqual(["deferred", "deferred"]);
	});
});
