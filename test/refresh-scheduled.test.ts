// The cron path runs the same refresh, and runs that overlap each other or an editor's change to
// the source list give the same result as running one after the other.
import { describe, expect, it } from "vitest";
import type { RefreshSummary } from "../src/schemas/refresh-summary";
import { builders } from "./fixtures/feeds";
import { adminHeaders, request } from "./helpers";
import { articlesFrom, putSources, runRefresh, runScheduled, sourceState, storedSources } from "./refresh-helpers";
import { feed, type UpstreamHandler, useUpstream } from "./upstream";

const upstream = useUpstream();

function oneStory(id: string): UpstreamHandler {
	return feed(
		builders.rss(id, `https://${id}.example/`, [
			{ guid: `${id}-1`, title: `Lead story of ${id}`, link: `https://${id}.example/1`, pubDate: builders.pubDate(25) },
		]),
		"application/rss+xml",
		{ etag: `"${id}-v1"` },
	);
}

/** Answers only after `ms`, so a run is still in flight when the test does something else. */
function slow(handler: UpstreamHandler, ms: number): UpstreamHandler {
	return async (request, init) => {
		await new Promise((resolve) => setTimeout(resolve, ms));
		return handler(request, init);
	};
}

describe("scheduled refresh", () => {
	it("Should refresh from the cron trigger, using the scheduled time as the schedule's clock", async () => {
		await putSources([{ id: "cron-daily", url: "https://cron-daily.example/rss", name: "Cron Daily" }]);
		upstream.on("https://cron-daily.example/rss", oneStory("cron-daily"));
		const at = new Date(Math.floor(Date.now() / 600_000) * 600_000);

		await runScheduled(at);

		expect((await articlesFrom("cron-daily")).map((a) => a.title)).toEqual(["Lead story of cron-daily"]);
		expect(await sourceState("cron-daily")).toMatchObject({
			lastFetchedAt: at.toISOString(),
			nextDueAt: new Date(at.getTime() + 600_000).toISOString(),
			lastStatus: 200,
			etag: '"cron-daily-v1"',
		});
	});

	it("Should fetch each source once when two runs overlap, as if they ran one after the other", async () => {
		const ids = ["overlap-a", "overlap-b", "overlap-c"];
		await putSources(ids.map((id) => ({ id, url: `https://${id}.example/rss`, name: id })));
		for (const id of ids) upstream.on(`https://${id}.example/rss`, slow(oneStory(id), 30));

		const [one, two] = await Promise.all([runRefresh(), runRefresh()]);
		const both = [one, two] as RefreshSummary[];
		expect(both.map((s) => s.fetched).sort()).toEqual([0, 3]);
		expect(both.reduce((n, s) => n + s.itemsNew, 0)).toBe(3);
		// The other run found them leased (in flight) or already fetched (not due), never fetched them again.
		const idle = both.find((s) => s.fetched === 0);
		expect([...(idle?.skippedBy.inFlight ?? []), ...(idle?.skippedBy.notDue ?? [])].sort()).toEqual(ids);
		for (const id of ids) {
			expect(upstream.requestsTo(`https://${id}.example/rss`)).toHaveLength(1);
			expect(await articlesFrom(id)).toHaveLength(1);
		}
	});

	it("Should keep both an editor's change to the list and a run's health update made at the same time", async () => {
		await putSources([{ id: "steady", url: "https://steady.example/rss", name: "Steady" }]);
		upstream.on("https://steady.example/rss", slow(oneStory("steady"), 50));

		const running = runRefresh();
		await new Promise((resolve) => setTimeout(resolve, 10));
		const edited = await request("/api/sources", {
			method: "PUT",
			headers: adminHeaders(),
			body: JSON.stringify({
				sources: [
					{ id: "steady", url: "https://steady.example/rss", name: "Steady (renamed)" },
					{ id: "newcomer", url: "https://newcomer.example/rss", name: "Newcomer" },
				],
			}),
		});
		expect(edited.status).toBe(200);
		expect(await running).toMatchObject({ fetched: 1 });

		const { sources } = await storedSources();
		expect(sources.map((s) => [s.id, s.name])).toEqual([
			["steady", "Steady (renamed)"],
			["newcomer", "Newcomer"],
		]);
		expect(sources[0]).toMatchObject({ lastStatus: 200, etag: '"steady-v1"', itemCount: 1 });
		expect(sources[1]).toMatchObject({ lastFetchedAt: null, nextDueAt: null });
	});
});
