import { describe, expect, it } from "vitest";
import type { SourceOutcome } from "../ingest/run";
import { freshHealth, type SourceState } from "../schemas/source";
import { noteMovedFeed } from "./moved-feed";

const base = { sourceId: "a", url: "https://a.example/rss" };
const state: SourceState = { id: "a", url: base.url, name: "A", ...freshHealth() };
const moved = { url: "https://a.example/new.xml", foundAt: "2026-11-25T10:00:00.000Z", verified: true };
const validators = { etag: null, lastModified: null };
const htmlError = { stage: "parse", code: "parse.not_a_feed", detail: "an HTML page, not a feed" };

const failed = (extra: Partial<Extract<SourceOutcome, { kind: "failed" }>> = {}): SourceOutcome => ({
	...base,
	kind: "failed",
	error: htmlError,
	status: 200,
	retryAfterSeconds: null,
	...extra,
});

describe("noteMovedFeed", () => {
	it("Should record the feed a failure found", () => {
		expect(noteMovedFeed(state, failed({ movedTo: moved })).movedTo).toEqual(moved);
	});

	it("Should keep the first foundAt for the same URL, and take the new one for another URL", () => {
		const before = { ...state, movedTo: { ...moved, verified: false } };
		const later = { ...moved, foundAt: "2026-11-26T10:00:00.000Z" };
		expect(noteMovedFeed(before, failed({ movedTo: later })).movedTo).toEqual(moved);
		const elsewhere = { ...later, url: "https://b.example/feed" };
		expect(noteMovedFeed(before, failed({ movedTo: elsewhere })).movedTo).toEqual(elsewhere);
	});

	it("Should leave a suggestion standing through a failure that found none, and through a deferral", () => {
		const before = { ...state, movedTo: moved };
		expect(noteMovedFeed(before, failed({ error: { ...htmlError, code: "fetch.timeout" } }))).toBe(before);
		expect(noteMovedFeed(before, { ...base, kind: "deferred", reason: "parse_budget" })).toBe(before);
	});

	it("Should drop the field after a 200 or a 304, and add nothing to a source that never had it", () => {
		const before = { ...state, movedTo: moved };
		const fetched: SourceOutcome = {
			...base,
			kind: "fetched",
			status: 200,
			items: [],
			dropped: 0,
			validators,
			maxAgeSeconds: null,
		};
		const notModified: SourceOutcome = { ...base, kind: "not_modified", validators, maxAgeSeconds: null };
		expect(noteMovedFeed(before, fetched)).not.toHaveProperty("movedTo");
		expect(noteMovedFeed(before, notModified)).not.toHaveProperty("movedTo");
		expect(noteMovedFeed(state, fetched)).toBe(state);
	});
});
