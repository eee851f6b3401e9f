// The schedule's side of WebSub push: a source with a live subscription is polled hourly, as a safety net.
import { describe, expect, it } from "vitest";
import { freshHealth, type SourceState } from "../schemas/source";
import { isDue, PUSHED_POLL_INTERVAL_MS, pickSources } from "./schedule";

const NOW = new Date("2026-11-25T10:00:00Z");
const ago = (ms: number) => new Date(NOW.getTime() - ms).toISOString();

function source(id: string, lastFetchedMsAgo: number): SourceState {
	return {
		id,
		url: `https://${id}.example/feed`,
		name: id,
		...freshHealth(),
		lastFetchedAt: ago(lastFetchedMsAgo),
		nextDueAt: ago(lastFetchedMsAgo - 10 * 60_000),
	};
}

describe("polling a pushed source", () => {
	it("Should wait an hour after the last fetch or push of a pushed source, and not for any other", () => {
		const recent = source("recent", 20 * 60_000);
		expect(isDue(recent, NOW, false)).toBe(true);
		expect(isDue(recent, NOW, false, true)).toBe(false);
		expect(isDue(source("old", PUSHED_POLL_INTERVAL_MS), NOW, false, true)).toBe(true);
		// Forced, everything is due: the editor asked for it.
		expect(isDue(recent, NOW, true, true)).toBe(true);
	});

	it("Should leave a pushed source out of the pick, reported not due", () => {
		const pick = pickSources([source("pushed", 20 * 60_000), source("polled", 20 * 60_000)], {
			now: NOW,
			force: false,
			limit: 10,
			leased: new Set(),
			pushed: new Set(["pushed"]),
		});
		expect(pick.picked.map((s) => s.id)).toEqual(["polled"]);
		expect(pick.notDue).toEqual(["pushed"]);
	});
});
