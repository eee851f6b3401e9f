// The ingest plan with rules and review lookups: what is queued instead of published, in which
// order the checks run (tombstone, then queue, then rules), and that deferral takes the queue too.
import { describe, expect, it } from "vitest";
import type { SourceOutcome } from "../ingest/run";
import type { Verdict } from "../rules/screen";
import type { FeedItem } from "../schemas/feed-item";
import type { SourceConfig } from "../schemas/source";
import { type IngestLookups, planIngest } from "./ingest-plan";

const NOW_MS = Date.parse("2026-11-25T10:00:00Z");
const A: SourceConfig = { id: "a", url: "https://a.example/feed", name: "A Times" };
const SOURCES = new Map([["a", A]]);
const options = { nowMs: NOW_MS, articleTtlMs: 86_400_000, writesLeft: 900 };

const item = (key: string): FeedItem => ({
	key,
	title: `Story ${key}`,
	link: `https://a.example/${key}`,
	publishedAt: "2026-11-25T09:00:00.000Z",
	dated: true,
	contentHtml: `<p>${key}</p>`,
});

const fetched = (items: FeedItem[]): SourceOutcome => ({
	kind: "fetched",
	sourceId: "a",
	url: A.url,
	status: 200,
	items,
	dropped: 0,
	validators: { etag: null, lastModified: null },
	maxAgeSeconds: null,
});

const RULE = { scope: "source", id: 4, action: "block", field: "title", kind: "phrase", value: "2" } as const;

/** An empty table, `verdicts` by item key (kept otherwise), `queued` and `tombstoned` item keys. */
function lookups(verdicts: Record<string, Verdict>, queued: string[] = [], tombstoned: string[] = []): IngestLookups {
	return {
		byItem: () => undefined,
		slugTaken: () => false,
		linkOwners: () => [],
		tombstoned: (_s, key) => tombstoned.includes(key),
		stored: () => false,
		review: {
			queued: (_s, key) => queued.includes(key),
			screen: (_source, { key }) => verdicts[key] ?? { outcome: "kept" },
		},
	};
}

describe("planIngest with rules and review", () => {
	it("Should queue blocked and held items as the articles they would be, and count them", () => {
		const plan = planIngest(
			[fetched([item("1"), item("2"), item("3")])],
			SOURCES,
			lookups({ "2": { outcome: "blocked", rule: RULE }, "3": { outcome: "held", note: "review" } }),
			options,
		);
		expect(plan.put.map((r) => r.itemKey)).toEqual(["1"]);
		const [source] = plan.sources;
		expect(source?.counts).toEqual({ new: 1, updated: 0, unchanged: 0, dropped: 0, blocked: 1, held: 1 });
		expect(source?.queued?.map((q) => [q.row.itemKey, q.row.slug, q.reason, q.rule, q.note])).toEqual([
			["2", "story-2", "blocked", RULE, undefined],
			["3", "story-3", "held", undefined, "review"],
		]);
		expect(source?.queued?.[0]?.row.article).toMatchObject({
			title: "Story 2",
			origin: { sourceId: "a", itemKey: "2" },
		});
	});

	it("Should leave a tombstoned item out before the queue, and an already queued one as it is", () => {
		let screened = 0;
		const base = lookups({}, ["2"], ["1"]);
		const counting: IngestLookups = {
			...base,
			review: {
				queued: base.review?.queued ?? (() => false),
				screen: () => {
					screened++;
					return { outcome: "held" };
				},
			},
		};
		const plan = planIngest([fetched([item("1"), item("2")])], SOURCES, counting, options);
		expect(plan.sources[0]?.counts).toEqual({ new: 0, updated: 0, unchanged: 1, dropped: 0, tombstoned: 1 });
		expect(plan.sources[0]?.queued).toBeUndefined();
		expect(screened).toBe(0);
	});

	it("Should drop the queue with a source deferred for the day's KV writes", () => {
		const plan = planIngest([fetched([item("1"), item("2")])], SOURCES, lookups({ "2": { outcome: "held" } }), {
			...options,
			writesLeft: 2,
		});
		expect(plan.sources[0]?.outcome.kind).toBe("deferred");
		expect(plan.sources[0]?.queued).toBeUndefined();
	});
});
