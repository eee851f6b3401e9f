// One source at a time through the real Worker, with the upstream mocked at the outbound fetch:
// POST /api/sources (add), DELETE /api/sources/:id (keep or remove its articles),
// GET /api/sources/:id/runs (the bounded history) and POST /api/refresh?source=:id (refresh now).
import * as v from "valibot";
import { describe, expect, it } from "vitest";
import { MAX_SOURCES, type SourceConfig } from "../src/schemas/source";
import { RUNS_PER_SOURCE, SourceRunList } from "../src/schemas/source-runs";
import { builders } from "../test/fixtures/feeds";
import { adminHeaders, putArticle, request, sampleArticle } from "../test/helpers";
import {
	articlesFrom,
	putSources,
	runRefresh,
	sourceState,
	storedHeadlines,
	storedSources,
} from "../test/refresh-helpers";
import { feed, useUpstream } from "../test/upstream";

const upstream = useUpstream();
const { rss, pubDate } = builders;

function items(host: string, count: number): string {
	const list = Array.from({ length: count }, (_, i) => ({
		guid: `${host}-${i}`,
		title: `Story ${i} from ${host}`,
		link: `https://${host}/${i}`,
		pubDate: pubDate(10 + i),
	}));
	return rss(host, `https://${host}/`, list);
}

function serve(host: string, count = 5): string {
	const url = `https://${host}/rss`;
	upstream.on(url, feed(items(host, count), "application/rss+xml"));
	return url;
}

function add(body: unknown, headers = adminHeaders()): Promise<Response> {
	return request("/api/sources", { method: "POST", headers, body: JSON.stringify(body) });
}

function remove(id: string, query = ""): Promise<Response> {
	return request(`/api/sources/${id}${query}`, { method: "DELETE", headers: adminHeaders() });
}

async function runs(id: string) {
	const response = await request(`/api/sources/${id}/runs`, { headers: adminHeaders() });
	expect(response.status).toBe(200);
	return v.parse(SourceRunList, await response.json());
}

describe("POST /api/sources", () => {
	it("Should add one source with an id made from its name, due at once, after the others", async () => {
		await putSources([{ id: "first", url: "https://first.example/rss", name: "First" }]);
		const response = await add({ url: "https://harbour.example/rss", name: "Harbour Gazette", section: "Local" });
		expect(response.status).toBe(201);
		expect(await response.json()).toMatchObject({
			id: "harbour-gazette",
			name: "Harbour Gazette",
			section: "Local",
			nextDueAt: null,
			lastFetchedAt: null,
		});
		expect((await storedSources()).sources.map((s) => s.id)).toEqual(["first", "harbour-gazette"]);
		// Another of the same name gets the next free id.
		const again = await add({ url: "https://harbour-two.example/rss", name: "Harbour Gazette" });
		expect(await again.json()).toMatchObject({ id: "harbour-gazette-2" });
		// A name that is one of the desk's own pages gets the next free id instead.
		const reserved = await add({ url: "https://new.example/rss", name: "New" });
		expect(await reserved.json()).toMatchObject({ id: "new-2" });
	});

	it("Should answer 409 naming the field for a taken id or URL, changing nothing", async () => {
		await putSources([{ id: "taken", url: "https://taken.example/rss", name: "Taken" }]);
		const before = await storedSources();
		const sameId = await add({ id: "taken", url: "https://other.example/rss", name: "Other" });
		expect(sameId.status).toBe(409);
		expect(((await sameId.json()) as { issues: { path: string }[] }).issues[0]?.path).toBe("id");
		// The same URL as a parser reads it: an upper-case host is the same feed.
		const sameUrl = await add({ url: "https://TAKEN.example/rss", name: "Again" });
		expect(sameUrl.status).toBe(409);
		expect(((await sameUrl.json()) as { issues: { path: string }[] }).issues[0]?.path).toBe("url");
		expect(await storedSources()).toEqual(before);
	});

	it("Should answer 400 for a bad body and 401 without the token", async () => {
		expect((await add({ url: "ftp://x.example/", name: "X" })).status).toBe(400);
		expect((await add({ url: "https://x.example/", name: "X", colour: "red" })).status).toBe(400);
		const anonymous = await add({ url: "https://x.example/", name: "X" }, { "content-type": "application/json" });
		expect(anonymous.status).toBe(401);
	});

	it(`Should answer 413 once the list holds ${MAX_SOURCES} sources`, async () => {
		const full: SourceConfig[] = Array.from({ length: MAX_SOURCES }, (_, i) => ({
			id: `s${i}`,
			url: `https://s${i}.example/rss`,
			name: `Source ${i}`,
		}));
		await putSources(full);
		const over = await add({ url: "https://one-more.example/rss", name: "One more" });
		expect(over.status).toBe(413);
		expect((await storedSources()).sources).toHaveLength(MAX_SOURCES);
	});
});

describe("DELETE /api/sources/:id", () => {
	it("Should keep the source's articles by default, and take its history with it", async () => {
		await putSources([
			{ id: "going", url: serve("going.example"), name: "Going" },
			{ id: "staying", url: serve("staying.example"), name: "Staying" },
		]);
		await runRefresh();
		expect(await articlesFrom("going")).toHaveLength(5);

		const response = await remove("going");
		expect(response.status).toBe(200);
		expect(await response.json()).toEqual({ id: "going", articles: "keep", removed: 0, remaining: 0 });
		expect((await storedSources()).sources.map((s) => s.id)).toEqual(["staying"]);
		expect(await articlesFrom("going")).toHaveLength(5);
		expect((await request("/api/sources/going/runs", { headers: adminHeaders() })).status).toBe(404);
		expect((await remove("going")).status).toBe(404);
	});

	it("Should delete the source's articles with ?articles=remove, and no one else's", async () => {
		await putSources([
			{ id: "gone", url: serve("gone.example"), name: "Gone" },
			{ id: "kept", url: serve("kept.example"), name: "Kept" },
		]);
		await runRefresh();
		expect((await putArticle("own-story", sampleArticle())).status).toBe(201);

		const response = await remove("gone", "?articles=remove");
		expect(response.status).toBe(200);
		expect(await response.json()).toEqual({ id: "gone", articles: "remove", removed: 5, remaining: 0 });
		expect(await articlesFrom("gone")).toEqual([]);
		expect(await articlesFrom("kept")).toHaveLength(5);
		const slugs = (await storedHeadlines()).headlines.map((h) => h.slug);
		expect(slugs).toContain("own-story");
		expect(slugs.filter((s) => s.includes("gone"))).toEqual([]);
		// The page of a removed article is gone too.
		const page = await request(`/articles/${"story-0-from-gone-example"}`);
		expect(page.status).toBe(404);
		// Nothing left: the source and its articles are both gone.
		expect((await remove("gone", "?articles=remove")).status).toBe(404);
		// No tombstones for them: a removed source cannot bring them back.
		const tombstones = await (await request("/api/tombstones", { headers: adminHeaders() })).json();
		expect(tombstones).toEqual({ tombstones: [] });
	});

	// Many refreshes and deletes: more than the default 5 s on a busy machine.
	it("Should remove a large source's articles 100 a call, answering how many remain, until none do", {
		timeout: 30_000,
	}, async () => {
		// Each fetch serves the next 30 items, so five refreshes leave 150 articles from one source.
		let batch = 0;
		const url = "https://big.example/rss";
		upstream.on(url, () => {
			const list = Array.from({ length: 30 }, (_, i) => {
				const n = batch * 30 + i;
				return { guid: `big-${n}`, title: `Big story ${n}`, link: `https://big.example/${n}`, pubDate: pubDate(n) };
			});
			batch++;
			return new Response(rss("big.example", "https://big.example/", list), {
				headers: { "content-type": "application/rss+xml" },
			});
		});
		await putSources([{ id: "big", url, name: "Big" }]);
		for (let run = 0; run < 5; run++) await runRefresh("?source=big");
		expect(await articlesFrom("big")).toHaveLength(150);

		const first = await remove("big", "?articles=remove");
		expect(await first.json()).toEqual({ id: "big", articles: "remove", removed: 100, remaining: 50 });
		expect((await storedSources()).sources).toEqual([]);
		// The source is gone, and the call goes on with what it left.
		const second = await remove("big", "?articles=remove");
		expect(await second.json()).toEqual({ id: "big", articles: "remove", removed: 50, remaining: 0 });
		expect(await articlesFrom("big")).toEqual([]);
		expect((await remove("big", "?articles=remove")).status).toBe(404);
	});

	it("Should answer 400 for an articles value other than keep or remove", async () => {
		await putSources([{ id: "x", url: "https://x.example/rss", name: "X" }]);
		expect((await remove("x", "?articles=all")).status).toBe(400);
		expect((await storedSources()).sources).toHaveLength(1);
	});
});

describe("GET /api/sources/:id/runs", () => {
	it(`Should keep the last ${RUNS_PER_SOURCE} attempts per source, the newest first, failures with their code`, async () => {
		let fail = false;
		const url = "https://flaky.example/rss";
		upstream.on(url, (request) =>
			fail
				? new Response("gone", { status: 404, statusText: "Not Found" })
				: feed(items("flaky.example", 3), "application/rss+xml")(request, { signal: null }),
		);
		await putSources([{ id: "flaky", url, name: "Flaky" }]);
		expect((await runs("flaky")).runs).toEqual([]);

		await runRefresh("?force=true");
		const first = (await runs("flaky")).runs;
		expect(first).toHaveLength(1);
		expect(first[0]).toMatchObject({ outcome: "fetched", status: 200, items: 3, newItems: 3, error: null });

		fail = true;
		for (let i = 0; i < RUNS_PER_SOURCE + 2; i++) await runRefresh("?force=true");
		const list = (await runs("flaky")).runs;
		expect(list).toHaveLength(RUNS_PER_SOURCE);
		expect(list.every((r) => r.outcome === "failed" && r.status === 404)).toBe(true);
		expect(list[0]?.error?.code).toBe("fetch.http_404");
		const times = list.map((r) => Date.parse(r.at));
		expect([...times].sort((a, b) => b - a)).toEqual(times);
	});

	it("Should answer 404 for an unknown source", async () => {
		await putSources([]);
		expect((await request("/api/sources/nobody/runs", { headers: adminHeaders() })).status).toBe(404);
	});
});

describe("POST /api/refresh?source=:id", () => {
	it("Should fetch only that source, due or not, and answer the run's summary", async () => {
		const oneUrl = serve("one.example");
		const twoUrl = serve("two.example");
		await putSources([
			{ id: "one", url: oneUrl, name: "One" },
			{ id: "two", url: twoUrl, name: "Two" },
		]);
		await runRefresh();
		upstream.clearRequests();
		// Neither is due now; the one asked for is fetched all the same.
		const summary = await runRefresh("?source=one");
		expect(upstream.requestsTo(oneUrl)).toHaveLength(1);
		expect(upstream.requestsTo(twoUrl)).toEqual([]);
		expect(summary.results.map((r) => r.id)).toEqual(["one"]);
		expect(summary).toMatchObject({ fetched: 1, failed: 0 });
		expect((await sourceState("two")).lastFetchedAt).not.toBeNull();
	});

	it("Should still never fetch a paused source, and answer 404 for an unknown one", async () => {
		const url = serve("resting.example");
		await putSources([{ id: "resting", url, name: "Resting", paused: true }]);
		const summary = await runRefresh("?source=resting");
		expect(upstream.requestsTo(url)).toEqual([]);
		expect(summary.skippedBy.paused).toEqual(["resting"]);
		const unknown = await request("/api/refresh?source=nobody", { method: "POST", headers: adminHeaders() });
		expect(unknown.status).toBe(404);
	});
});
