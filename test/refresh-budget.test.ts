// The Workers budget: a run never makes more subrequests than its budget (free plan: 50 per
// invocation), rotation gives every source its turn over successive runs, and the parse and
// daily KV write budgets defer work to a later run without losing it.
import { reset } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { DEFAULT_POLICY, sourcesPerRun } from "../src/ingest/schedule";
import { refresh } from "../src/refresh";
import type { SourceConfig } from "../src/schemas/source";
import { builders } from "./fixtures/feeds";
import { putSources, runRefresh, runScheduled, storedSources } from "./refresh-helpers";
import { feed, redirect, useUpstream } from "./upstream";

const upstream = useUpstream();
const FEED_URL = /^https:\/\/s(\d+)\.example\/feed$/;
const PUBLISHED = builders.pubDate(5);

beforeEach(async () => {
	await reset();
});

function manySources(count: number): SourceConfig[] {
	return Array.from({ length: count }, (_, i) => ({
		id: `s${i}`,
		url: `https://s${i}.example/feed`,
		name: `Source ${i}`,
	}));
}

/** Every `sN.example` answers with one item of its own. */
function serveEveryFeed(): void {
	upstream.on(FEED_URL, (request, init) => {
		const n = FEED_URL.exec(request.url)?.[1];
		const xml = builders.rss(`Source ${n}`, `https://s${n}.example/`, [
			{ guid: `s${n}-1`, title: `Story number ${n}`, link: `https://s${n}.example/1`, pubDate: PUBLISHED },
		]);
		return feed(xml, "application/rss+xml")(request, init);
	});
}

describe("refresh budget", () => {
	it("Should stay within 45 subrequests with 50 sources due, and serve the rest first in the next run", async () => {
		await putSources(manySources(50));
		serveEveryFeed();

		// A commit per four sources (so a killed run keeps what it committed) leaves room for 31.
		const first = await runRefresh();
		expect(sourcesPerRun(DEFAULT_POLICY)).toBe(31);
		expect(first).toMatchObject({ fetched: 31, skipped: 19, itemsNew: 31 });
		expect(first.skippedBy.overBudget).toEqual(
			manySources(50)
				.slice(31)
				.map((s) => s.id),
		);
		// 31 fetches, the pick, and at most ⌈31 / 4⌉ = 8 commits.
		expect(first.subrequests).toBeLessThanOrEqual(40);
		expect(first.subrequests).toBeGreaterThanOrEqual(33);
		expect(upstream.requests).toHaveLength(31);

		// Ten minutes later every source is due again; the nineteen left out go first.
		upstream.clearRequests();
		await runScheduled(new Date(Date.now() + 10 * 60_000));
		const fetchedSecond = upstream.requests.map((r) => `s${FEED_URL.exec(r.url)?.[1]}`);
		expect(fetchedSecond).toHaveLength(31);
		expect(fetchedSecond).toEqual(expect.arrayContaining(first.skippedBy.overBudget));

		const { sources } = await storedSources();
		expect(sources.filter((s) => s.lastFetchedAt === null)).toEqual([]);
	});

	it("Should count every redirect hop and defer, untouched, the sources the budget cannot reach", async () => {
		await putSources(manySources(40));
		// Each feed sits behind two redirects: three subrequests per source.
		upstream.on(/^https:\/\/s\d+\.example\/feed$/, (r) => redirect(`${r.url}/moved`)(r, { signal: null }));
		upstream.on(/^https:\/\/s\d+\.example\/feed\/moved$/, (r) => redirect(`${r.url}/final`)(r, { signal: null }));
		upstream.on(/^https:\/\/s\d+\.example\/feed\/moved\/final$/, (request, init) => {
			const host = new URL(request.url).hostname;
			return feed(builders.rss(host, `https://${host}/`, []), "application/rss+xml")(request, init);
		});

		const summary = await runRefresh();
		expect(summary.subrequests).toBeLessThanOrEqual(DEFAULT_POLICY.subrequestBudget);
		expect(upstream.requests.length).toBeLessThanOrEqual(DEFAULT_POLICY.subrequestBudget - 2);
		// 45 less the pick and the 8 commits held back for 31 sources leaves 36 hops: 12 sources' worth.
		expect(summary.fetched).toBe(12);
		expect(summary.deferred).toBe(31 - 12);

		// Deferred sources keep their state exactly, so they sort first next time.
		const deferred = summary.results.filter((r) => r.outcome === "deferred").map((r) => r.id);
		const { sources } = await storedSources();
		for (const s of sources.filter((s) => deferred.includes(s.id))) {
			expect(s).toMatchObject({ lastFetchedAt: null, consecutiveFailures: 0, nextDueAt: null });
		}
	});

	it("Should parse no more bytes than the run's parse budget, leaving the rest for the next run", async () => {
		await putSources(manySources(3));
		serveEveryFeed();
		const body = await (await fetch("https://s0.example/feed")).arrayBuffer();
		upstream.clearRequests();

		// Room for two of the three equal-sized feeds.
		const policy = { parseBytesPerRun: body.byteLength * 2 + 10 };
		const first = await refresh(env, { now: new Date(), force: false, policy });
		expect(first).toMatchObject({ fetched: 2, deferred: 1, itemsNew: 2, parsedBytes: body.byteLength * 2 });
		const left = first.results.find((r) => r.outcome === "deferred");
		expect(left?.reason).toBe("parse_budget");

		const second = await refresh(env, { now: new Date(), force: false, policy });
		expect(second).toMatchObject({ fetched: 1, deferred: 0, itemsNew: 1 });
		expect(second.results.map((r) => r.id)).toEqual([left?.id]);
	});

	it("Should leave unread the bodies a spent parse budget could not take, so they cost no download", async () => {
		await putSources(manySources(3));
		const pulled: string[] = [];
		const xmlOf = (n: string | undefined) =>
			new TextEncoder().encode(
				builders.rss(`Source ${n}`, `https://s${n}.example/`, [
					{ guid: `s${n}-1`, title: `Story number ${n}`, link: `https://s${n}.example/1`, pubDate: PUBLISHED },
				]),
			);
		upstream.on(FEED_URL, (request) => {
			const xml = xmlOf(FEED_URL.exec(request.url)?.[1]);
			// highWaterMark 0: nothing is pulled until someone reads the body.
			const body = new ReadableStream<Uint8Array>(
				{
					pull(controller) {
						pulled.push(request.url);
						controller.enqueue(xml);
						controller.close();
					},
				},
				{ highWaterMark: 0 },
			);
			return new Response(body, {
				headers: { "content-type": "application/rss+xml", "content-length": String(xml.byteLength) },
			});
		});

		// Room for one body: the other two are deferred on their headers, their bodies never read.
		const policy = { parseBytesPerRun: xmlOf("0").byteLength + 10 };
		const summary = await refresh(env, { now: new Date(), force: false, policy });
		expect(summary).toMatchObject({ fetched: 1, deferred: 2, itemsNew: 1 });
		expect(summary.results.filter((r) => r.outcome === "deferred").map((r) => r.reason)).toEqual([
			"parse_budget",
			"parse_budget",
		]);
		expect(pulled).toHaveLength(1);
	});

	it("Should stop at the day's KV write allowance, then catch up without losing items", async () => {
		await putSources(manySources(2));
		serveEveryFeed();

		// Both new articles + index + sources would be 4 writes; with 3 allowed, s0 goes in and s1 waits whole.
		const tight = await refresh(env, { now: new Date(), force: false, policy: { dailyKvWrites: 3 } });
		// Counts include the derived values a new item changes: its list chunks, its month's sitemap, its
		// archive day, that day's month and the months list (the first article on that day), and so on.
		expect(tight).toMatchObject({ fetched: 1, deferred: 1, itemsNew: 1, kvWrites: 10 });
		expect(tight.results.find((r) => r.outcome === "deferred")).toMatchObject({ id: "s1", reason: "kv_budget" });

		// The day's allowance is now spent: the next run fetches nothing at all.
		upstream.clearRequests();
		const spent = await refresh(env, { now: new Date(), force: true, policy: { dailyKvWrites: 5 } });
		expect(spent).toMatchObject({ fetched: 0, kvWrites: 0, subrequests: 1 });
		expect(spent.skippedBy.kvBudget).toEqual(["s1", "s0"]);
		expect(upstream.requests).toHaveLength(0);

		// With room again (a new day, or a larger allowance), s1's item arrives.
		const later = await refresh(env, { now: new Date(), force: false, policy: { dailyKvWrites: 900 } });
		expect(later).toMatchObject({ fetched: 1, itemsNew: 1 });
	});
});
