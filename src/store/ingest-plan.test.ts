import { describe, expect, it } from "vitest";
import type { SourceOutcome } from "../ingest/run";
import type { FeedItem } from "../schemas/feed-item";
import type { SourceConfig } from "../schemas/source";
import type { ArticleRow } from "./articles-table";
import { type IngestLookups, planIngest, sameJson } from "./ingest-plan";

const NOW_MS = Date.parse("2026-11-25T10:00:00Z");
const TTL = 30 * 86_400_000;
const A: SourceConfig = { id: "a", url: "https://a.example/feed", name: "A Times" };
const B: SourceConfig = { id: "b", url: "https://b.example/feed", name: "B Post", section: "world" };
const SOURCES = new Map([
	["a", A],
	["b", B],
]);

function item(key: string, overrides: Partial<FeedItem> = {}): FeedItem {
	return {
		key,
		title: `Story ${key}`,
		link: `https://a.example/${key}`,
		publishedAt: "2026-11-25T09:00:00.000Z",
		dated: true,
		contentHtml: `<p>${key}</p>`,
		...overrides,
	};
}

function fetched(source: SourceConfig, items: FeedItem[]): SourceOutcome {
	return {
		kind: "fetched",
		sourceId: source.id,
		url: source.url,
		status: 200,
		items,
		dropped: 0,
		validators: { etag: null, lastModified: null },
		maxAgeSeconds: null,
	};
}

/** The table's lookups over `rows`, with `issued` slugs no longer in a row and `tombstones` as `sourceId/itemKey`. */
function store(
	rows: ArticleRow[] = [],
	{ issued = [], tombstones = [] }: { issued?: string[]; tombstones?: string[] } = {},
): IngestLookups {
	return {
		byItem: (sourceId, key) => rows.find((r) => r.sourceId === sourceId && r.itemKey === key),
		slugTaken: (slug) => rows.some((r) => r.slug === slug) || issued.includes(slug),
		linkOwners: (link) =>
			rows.filter((r) => r.article.sourceUrl === link && r.sourceId !== null).map((r) => r.sourceId as string),
		tombstoned: (sourceId, key) => tombstones.includes(`${sourceId}/${key}`),
		stored: () => false,
	};
}

const options = { nowMs: NOW_MS, articleTtlMs: TTL, writesLeft: 900 };

describe("planIngest", () => {
	it("Should create one row per new item with a unique slug and an expiry", () => {
		const plan = planIngest(
			[fetched(A, [item("1", { title: "Same" }), item("2", { title: "Same" })])],
			SOURCES,
			store(),
			options,
		);
		expect(plan.put.map((r) => [r.slug, r.itemKey, r.expiresAt])).toEqual([
			["same", "1", NOW_MS + TTL],
			["same-2", "2", NOW_MS + TTL],
		]);
		expect(plan.sources[0]?.counts).toEqual({ new: 2, updated: 0, unchanged: 0, dropped: 0 });
	});

	it("Should write nothing for an item that has not changed", () => {
		const first = planIngest([fetched(A, [item("1")])], SOURCES, store(), options);
		const again = planIngest([fetched(A, [item("1")])], SOURCES, store(first.put), options);
		expect(again.put).toEqual([]);
		expect(again.sources[0]?.counts).toEqual({ new: 0, updated: 0, unchanged: 1, dropped: 0 });
	});

	it("Should update a changed item in place, keeping its slug", () => {
		const first = planIngest([fetched(A, [item("1")])], SOURCES, store(), options);
		const edited = planIngest(
			[fetched(A, [item("1", { title: "Story 1, corrected" })])],
			SOURCES,
			store(first.put),
			options,
		);
		expect(edited.put.map((r) => [r.slug, r.article.title])).toEqual([["story-1", "Story 1, corrected"]]);
		expect(edited.sources[0]?.counts.updated).toBe(1);
	});

	it("Should keep the first-seen time of an undated item", () => {
		const first = planIngest([fetched(A, [item("1", { dated: false })])], SOURCES, store(), options);
		const later = item("1", { dated: false, publishedAt: "2026-11-25T11:00:00.000Z", contentHtml: "<p>more</p>" });
		const edited = planIngest([fetched(A, [later])], SOURCES, store(first.put), options);
		expect(edited.put[0]?.article.publishedAt).toBe("2026-11-25T09:00:00.000Z");
	});

	it("Should not let a second source duplicate or take over an item, in the same run or later", () => {
		const same = planIngest([fetched(A, [item("1")]), fetched(B, [item("1")])], SOURCES, store(), options);
		expect(same.put).toHaveLength(1);
		expect(same.put[0]?.article.origin?.sourceId).toBe("a");
		const later = planIngest([fetched(B, [item("1", { title: "B's version" })])], SOURCES, store(same.put), options);
		expect(later.put).toEqual([]);
		// Counted as what it is, a duplicate of A's story (it was counted as "unchanged" before per-source keys).
		expect(later.sources[0]?.counts).toEqual({ new: 0, updated: 0, unchanged: 0, dropped: 0, duplicate: 1 });
	});

	it("Should key guids per source: two feeds' item 1234 are two stories", () => {
		const b1234 = item("1234", { title: "B's own 1234", link: "https://b.example/1234" });
		const plan = planIngest([fetched(A, [item("1234")]), fetched(B, [b1234])], SOURCES, store(), options);
		expect(plan.put.map((r) => [r.sourceId, r.itemKey, r.slug])).toEqual([
			["a", "1234", "story-1234"],
			["b", "1234", "bs-own-1234"],
		]);
	});

	it("Should leave out an item whose canonical link another source's article has, counted as a duplicate", () => {
		const first = planIngest(
			[fetched(A, [item("1", { link: "https://a.example/1?ref=x" })])],
			SOURCES,
			store(),
			options,
		);
		const copy = item("b-9", { link: "HTTPS://A.example/1?utm_source=feed&ref=x#top" });
		const later = planIngest([fetched(B, [copy])], SOURCES, store(first.put), options);
		expect(later.put).toEqual([]);
		expect(later.sources[0]?.counts).toEqual({ new: 0, updated: 0, unchanged: 0, dropped: 0, duplicate: 1 });
	});

	it("Should leave out a tombstoned item, counted as such, and recreate nothing", () => {
		const plan = planIngest([fetched(A, [item("1"), item("2")])], SOURCES, store([], { tombstones: ["a/1"] }), options);
		expect(plan.put.map((r) => r.itemKey)).toEqual(["2"]);
		expect(plan.sources[0]?.counts).toEqual({ new: 1, updated: 0, unchanged: 0, dropped: 0, tombstoned: 1 });
	});

	it("Should never give a new item a slug issued before, even with no row holding it now", () => {
		const plan = planIngest(
			[fetched(A, [item("1", { title: "Same" })])],
			SOURCES,
			store([], { issued: ["same"] }),
			options,
		);
		expect(plan.put.map((r) => r.slug)).toEqual(["same-2"]);
	});

	it("Should leave alone an item whose row no longer reads", () => {
		const lookups = { ...store(), stored: (sourceId: string, key: string) => sourceId === "a" && key === "1" };
		const plan = planIngest([fetched(A, [item("1"), item("2")])], SOURCES, lookups, options);
		expect(plan.put.map((r) => r.itemKey)).toEqual(["2"]);
		expect(plan.sources[0]?.counts).toEqual({ new: 1, updated: 0, unchanged: 1, dropped: 0 });
	});

	it("Should count a guid repeated within one feed once", () => {
		const plan = planIngest([fetched(A, [item("1"), item("1", { title: "dupe" })])], SOURCES, store(), options);
		expect(plan.put).toHaveLength(1);
		expect(plan.sources[0]?.counts).toEqual({ new: 1, updated: 0, unchanged: 0, dropped: 1 });
	});

	it("Should defer a whole source whose writes would overrun the day's allowance", () => {
		const plan = planIngest(
			[fetched(A, [item("1"), item("2")]), fetched(B, [item("3"), item("4")])],
			SOURCES,
			store(),
			{ ...options, writesLeft: 5 },
		);
		expect(plan.put.map((r) => r.itemKey)).toEqual(["1", "2"]);
		expect(plan.sources[1]?.outcome).toEqual({ kind: "deferred", reason: "kv_budget", sourceId: "b", url: B.url });
	});

	it("Should ignore outcomes for a source removed or re-pointed since the run began", () => {
		const moved = { ...fetched(A, [item("1")]), url: "https://old.example/feed" };
		const gone = { ...fetched(A, [item("2")]), sourceId: "gone" };
		const plan = planIngest([moved, gone], SOURCES, store(), options);
		expect(plan).toEqual({ sources: [], put: [], stale: ["a", "gone"] });
	});
});

describe("sameJson", () => {
	it("Should ignore key order and undefined members", () => {
		expect(sameJson({ a: 1, b: { c: 2, d: undefined } }, { b: { c: 2 }, a: 1 })).toBe(true);
		expect(sameJson({ a: [1, 2] }, { a: [2, 1] })).toBe(false);
	});
});
