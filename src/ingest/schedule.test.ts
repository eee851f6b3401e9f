import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { freshHealth, type SourceState } from "../schemas/source";
import {
	DEFAULT_POLICY,
	isDue,
	nextDueAfterFailure,
	nextDueAfterSuccess,
	pickSources,
	policyFromVars,
	sourcesPerRun,
} from "./schedule";

const NOW = new Date("2026-11-25T10:00:00Z");
const MIN = 60_000;
const policy = DEFAULT_POLICY;

function source(id: string, health: Partial<SourceState> = {}): SourceState {
	return { id, url: `https://feeds.example/${id}.xml`, name: id, ...freshHealth(), ...health };
}

function at(offsetMinutes: number): string {
	return new Date(NOW.getTime() + offsetMinutes * MIN).toISOString();
}

describe("policyFromVars", () => {
	it("Should use the defaults when no var is set", () => {
		expect(policyFromVars({})).toEqual(DEFAULT_POLICY);
	});

	it("Should read from wrangler.toml exactly the defaults the code falls back to", () => {
		expect(policyFromVars(env)).toEqual(DEFAULT_POLICY);
	});

	it("Should read each REFRESH_* var as an integer in its unit", () => {
		const read = policyFromVars({
			REFRESH_INTERVAL_MINUTES: "15",
			REFRESH_MAX_BACKOFF_HOURS: "6",
			REFRESH_SUBREQUEST_BUDGET: "900",
			REFRESH_PARSE_BYTES_PER_RUN: "262144",
			REFRESH_ITEMS_PER_FEED: "10",
			REFRESH_DAILY_KV_WRITES: "500",
			REFRESH_ARTICLE_TTL_DAYS: "7",
			REFRESH_FETCH_TIMEOUT_MS: "5000",
			REFRESH_MAX_FEED_BYTES: "1048576",
			REFRESH_USER_AGENT: "edgewire/2 (+https://news.example/bot)",
		});
		expect(read).toEqual({
			intervalMs: 15 * MIN,
			maxBackoffMs: 6 * 60 * MIN,
			subrequestBudget: 900,
			parseBytesPerRun: 262144,
			itemsPerFeed: 10,
			dailyKvWrites: 500,
			articleTtlMs: 7 * 24 * 60 * MIN,
			fetchTimeoutMs: 5000,
			maxFeedBytes: 1048576,
			userAgent: "edgewire/2 (+https://news.example/bot)",
		});
	});

	it.each(["", "ten", "-5", "1.5", "0", "99999999999"])(
		"Should keep the default for REFRESH_SUBREQUEST_BUDGET=%j",
		(value) => {
			expect(policyFromVars({ REFRESH_SUBREQUEST_BUDGET: value }).subrequestBudget).toBe(
				DEFAULT_POLICY.subrequestBudget,
			);
		},
	);
});

describe("sourcesPerRun", () => {
	it("Should leave room for the pick, a commit per four sources and one redirect chain within the budget of 45", () => {
		// 1 pick + 31 fetches + ⌈31 / 4⌉ = 8 commits + 5 redirect hops = 45; a 32nd source would need a ninth commit.
		expect(sourcesPerRun(DEFAULT_POLICY)).toBe(31);
		expect(1 + 31 + 8 + 5).toBeLessThanOrEqual(DEFAULT_POLICY.subrequestBudget);
		expect(1 + 32 + 8 + 5).toBeGreaterThan(DEFAULT_POLICY.subrequestBudget);
	});

	it("Should always allow one source", () => {
		expect(sourcesPerRun({ ...policy, subrequestBudget: 3 })).toBe(1);
	});
});

describe("isDue", () => {
	it.each([
		{ name: "never fetched", nextDueAt: null, force: false, due: true },
		{ name: "due a minute ago", nextDueAt: at(-1), force: false, due: true },
		{ name: "due exactly now", nextDueAt: at(0), force: false, due: true },
		{ name: "due in a minute", nextDueAt: at(1), force: false, due: false },
		{ name: "due in a minute, forced", nextDueAt: at(1), force: true, due: true },
	])("Should say $due when $name", ({ nextDueAt, force, due }) => {
		expect(isDue(source("a", { nextDueAt }), NOW, force)).toBe(due);
	});
});

describe("pickSources", () => {
	it("Should serve the never-fetched first, then the longest-waiting, keeping list order on ties", () => {
		const sources = [
			source("recent", { lastFetchedAt: at(-10), nextDueAt: at(0) }),
			source("new-1"),
			source("oldest", { lastFetchedAt: at(-60), nextDueAt: at(-50) }),
			source("new-2"),
			source("later", { lastFetchedAt: at(-5), nextDueAt: at(5) }),
		];
		const pick = pickSources(sources, { now: NOW, force: false, limit: 3, leased: new Set() });
		expect(pick.picked.map((s) => s.id)).toEqual(["new-1", "new-2", "oldest"]);
		expect(pick.overBudget).toEqual(["recent"]);
		expect(pick.notDue).toEqual(["later"]);
	});

	it("Should skip sources leased by a run in flight, even when forced", () => {
		const pick = pickSources([source("a"), source("b")], { now: NOW, force: true, limit: 5, leased: new Set(["a"]) });
		expect(pick.picked.map((s) => s.id)).toEqual(["b"]);
		expect(pick.inFlight).toEqual(["a"]);
	});

	it("Should give every one of 50 sources its turn within ceil(50 / 31) = 2 runs", () => {
		let sources = Array.from({ length: 50 }, (_, i) => source(`s${i}`));
		const served = new Set<string>();
		for (let run = 0; run < 2; run++) {
			const now = new Date(NOW.getTime() + run * 10 * MIN);
			const { picked } = pickSources(sources, { now, force: false, limit: sourcesPerRun(policy), leased: new Set() });
			for (const s of picked) served.add(s.id);
			const fetched = new Set(picked.map((s) => s.id));
			sources = sources.map((s) =>
				fetched.has(s.id)
					? { ...s, lastFetchedAt: now.toISOString(), nextDueAt: nextDueAfterSuccess(now, policy, null).toISOString() }
					: s,
			);
		}
		expect(served.size).toBe(50);
	});
});

describe("nextDueAfterSuccess", () => {
	it.each([
		{ name: "no hint", maxAge: null, minutes: 10 },
		{ name: "a max-age shorter than the interval", maxAge: 60, minutes: 10 },
		{ name: "a max-age of 30 minutes", maxAge: 1800, minutes: 30 },
		{ name: "a max-age of a day, capped at 2 hours", maxAge: 86400, minutes: 120 },
	])("Should wait $minutes minutes with $name", ({ maxAge, minutes }) => {
		expect(nextDueAfterSuccess(NOW, policy, maxAge).toISOString()).toBe(at(minutes));
	});
});

describe("nextDueAfterFailure", () => {
	it.each([
		{ failures: 1, minutes: 20 },
		{ failures: 2, minutes: 40 },
		{ failures: 3, minutes: 80 },
		{ failures: 4, minutes: 160 },
		{ failures: 5, minutes: 320 },
		{ failures: 6, minutes: 640 },
		{ failures: 7, minutes: 720 },
		{ failures: 60, minutes: 720 },
	])(
		"Should back off $minutes minutes after $failures failures in a row (doubling, capped at 12 h)",
		({ failures, minutes }) => {
			expect(nextDueAfterFailure(NOW, policy, failures, null).toISOString()).toBe(at(minutes));
		},
	);

	it("Should honour a longer Retry-After, capped", () => {
		expect(nextDueAfterFailure(NOW, policy, 1, 3600).toISOString()).toBe(at(60));
		expect(nextDueAfterFailure(NOW, policy, 1, 60).toISOString()).toBe(at(20));
		expect(nextDueAfterFailure(NOW, policy, 1, 10 * 86400).toISOString()).toBe(at(720));
	});
});
