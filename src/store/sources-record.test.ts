import { describe, expect, it } from "vitest";
import { DEFAULT_POLICY } from "../ingest/schedule";
import { freshHealth, type SourceState } from "../schemas/source";
import { configOf, patchSource, recordOutcome, replaceSources } from "./sources-record";

const NOW = new Date("2026-11-25T10:00:00Z");
const base = { sourceId: "a", url: "https://a.example/feed" };
const healthy: SourceState = {
	id: "a",
	url: "https://a.example/feed",
	name: "A",
	...freshHealth(),
	lastFetchedAt: "2026-11-25T09:50:00.000Z",
	lastSuccessAt: "2026-11-25T09:50:00.000Z",
	lastStatus: 200,
	itemCount: 12,
	etag: '"v1"',
	lastModified: "Wed, 25 Nov 2026 09:00:00 GMT",
	nextDueAt: "2026-11-25T10:00:00.000Z",
};

describe("replaceSources", () => {
	it("Should keep health for an unchanged URL and start fresh for a new or re-pointed one", () => {
		const record = replaceSources(
			{ updatedAt: null, sources: [healthy, { ...healthy, id: "b", url: "https://b.example/old" }] },
			[
				{ id: "a", url: "https://a.example/feed", name: "A renamed", section: "world" },
				{ id: "b", url: "https://b.example/new", name: "B" },
				{ id: "c", url: "https://c.example/feed", name: "C" },
			],
			NOW,
		);
		expect(record.updatedAt).toBe(NOW.toISOString());
		expect(record.sources[0]).toEqual({ ...healthy, name: "A renamed", section: "world" });
		expect(record.sources[1]).toEqual({ id: "b", url: "https://b.example/new", name: "B", ...freshHealth() });
		expect(record.sources[2]).toEqual({ id: "c", url: "https://c.example/feed", name: "C", ...freshHealth() });
	});
});

describe("recordOutcome", () => {
	it("Should back off and keep validators and item count on failure, then reset on success", () => {
		const error = { stage: "fetch", code: "fetch.http_503", detail: "upstream answered 503" };
		const failed = recordOutcome(
			healthy,
			{ ...base, kind: "failed", error, status: 503, retryAfterSeconds: null },
			NOW,
			DEFAULT_POLICY,
		);
		expect(failed).toEqual({
			...healthy,
			lastFetchedAt: NOW.toISOString(),
			lastStatus: 503,
			lastError: error,
			consecutiveFailures: 1,
			nextDueAt: "2026-11-25T10:20:00.000Z",
		});
		const twice = recordOutcome(
			failed,
			{ ...base, kind: "failed", error, status: 503, retryAfterSeconds: null },
			NOW,
			DEFAULT_POLICY,
		);
		expect(twice.consecutiveFailures).toBe(2);
		expect(twice.nextDueAt).toBe("2026-11-25T10:40:00.000Z");
		const back = recordOutcome(
			twice,
			{ ...base, kind: "not_modified", validators: { etag: null, lastModified: null }, maxAgeSeconds: null },
			NOW,
			DEFAULT_POLICY,
		);
		expect(back).toMatchObject({
			consecutiveFailures: 0,
			lastError: null,
			lastStatus: 304,
			etag: '"v1"',
			itemCount: 12,
		});
		expect(back.nextDueAt).toBe("2026-11-25T10:10:00.000Z");
	});

	it("Should take the validators a 304 carries (RFC 9111 §4.3.4)", () => {
		const next = recordOutcome(
			healthy,
			{ ...base, kind: "not_modified", validators: { etag: '"v2"', lastModified: null }, maxAgeSeconds: null },
			NOW,
			DEFAULT_POLICY,
		);
		expect([next.etag, next.lastModified]).toEqual(['"v2"', healthy.lastModified]);
	});

	it("Should replace validators and item count on a 200, dropping ones the response lacks", () => {
		const next = recordOutcome(
			healthy,
			{
				...base,
				kind: "fetched",
				status: 200,
				items: [],
				dropped: 0,
				validators: { etag: '"v3"', lastModified: null },
				maxAgeSeconds: 1800,
			},
			NOW,
			DEFAULT_POLICY,
		);
		expect(next).toMatchObject({
			etag: '"v3"',
			lastModified: null,
			itemCount: 0,
			nextDueAt: "2026-11-25T10:30:00.000Z",
		});
	});

	it("Should leave a deferred source exactly as it was", () => {
		expect(recordOutcome(healthy, { ...base, kind: "deferred", reason: "parse_budget" }, NOW, DEFAULT_POLICY)).toBe(
			healthy,
		);
	});
});

describe("patchSource", () => {
	const record = {
		updatedAt: null,
		sources: [
			{ ...healthy, section: "World", itemsPerRun: 5 },
			{ ...healthy, id: "b" },
		],
	};

	it("Should change only the fields given, clear those set to null, and keep the health", () => {
		const patched = patchSource(record, "a", { paused: true, section: null, name: "A2" }, NOW);
		expect(patched?.source).toEqual({ ...healthy, name: "A2", itemsPerRun: 5, paused: true });
		expect(patched?.record.updatedAt).toBe(NOW.toISOString());
		expect(patched?.record.sources[1]).toBe(record.sources[1]);
		// Settings sit with the editor's fields, before the health.
		expect(Object.keys(patched?.source ?? {}).slice(0, 5)).toEqual(["id", "url", "name", "paused", "itemsPerRun"]);
	});

	it("Should answer undefined for an unknown id", () => {
		expect(patchSource(record, "nope", { paused: true }, NOW)).toBeUndefined();
	});
});

describe("configOf", () => {
	it("Should keep the editor's fields and settings that are set, and no health", () => {
		expect(configOf({ ...healthy, paused: false, review: true })).toEqual({
			id: "a",
			url: "https://a.example/feed",
			name: "A",
			paused: false,
			review: true,
		});
	});
});
