// Per-source settings (paused, itemsPerRun, review) through the real Worker, with the upstream
// mocked at the outbound fetch; the 1,000-source cap on PUT; PATCH /api/sources/:id.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { DEFAULT_POLICY, itemsPerRun, pickSources } from "../src/ingest/schedule";
import { keys } from "../src/kv/keys";
import { freshHealth, MAX_SOURCES, type SourceConfig } from "../src/schemas/source";
import { builders } from "../test/fixtures/feeds";
import { adminHeaders, request } from "../test/helpers";
import {
	articlesFrom,
	putSources,
	runRefresh,
	runScheduled,
	sourceState,
	storedSources,
} from "../test/refresh-helpers";
import { feed, useUpstream } from "../test/upstream";

const upstream = useUpstream();
const { rss, pubDate } = builders;

function tenItems(host: string): string {
	const items = Array.from({ length: 10 }, (_, i) => ({
		guid: `${host}-${i}`,
		title: `Story ${i} from ${host}`,
		link: `https://${host}/${i}`,
		pubDate: pubDate(10 + i),
	}));
	return rss(host, `https://${host}/`, items);
}

function serve(host: string): string {
	const url = `https://${host}/rss`;
	upstream.on(url, feed(tenItems(host), "application/rss+xml"));
	return url;
}

function patch(id: string, body: unknown, headers = adminHeaders()): Promise<Response> {
	return request(`/api/sources/${id}`, { method: "PATCH", headers, body: JSON.stringify(body) });
}

function put(sources: unknown[]): Promise<Response> {
	return request("/api/sources", { method: "PUT", headers: adminHeaders(), body: JSON.stringify({ sources }) });
}

describe("per-source settings", () => {
	it("Should store paused, itemsPerRun and review as sent and return them with the health", async () => {
		const record = await putSources([
			{ id: "held", url: "https://held.example/rss", name: "Held", paused: true, itemsPerRun: 5, review: true },
			{ id: "plain", url: "https://plain.example/rss", name: "Plain" },
		]);
		expect(record.sources[0]).toMatchObject({ id: "held", paused: true, itemsPerRun: 5, review: true, itemCount: 0 });
		// Absent settings stay absent: today's behaviour, and today's JSON.
		expect(Object.keys(record.sources[1] ?? {})).not.toContain("paused");
		const listed = await (await request("/api/sources", { headers: adminHeaders() })).json();
		expect(listed).toEqual(record);
	});

	it.each([
		{ name: "itemsPerRun 0", setting: { itemsPerRun: 0 }, path: "sources.0.itemsPerRun" },
		{ name: "itemsPerRun 101", setting: { itemsPerRun: 101 }, path: "sources.0.itemsPerRun" },
		{ name: "a fractional itemsPerRun", setting: { itemsPerRun: 2.5 }, path: "sources.0.itemsPerRun" },
		{ name: "itemsPerRun as text", setting: { itemsPerRun: "5" }, path: "sources.0.itemsPerRun" },
		{ name: "paused as text", setting: { paused: "yes" }, path: "sources.0.paused" },
		{ name: "review as a number", setting: { review: 1 }, path: "sources.0.review" },
	])("Should answer 400 naming the path for $name", async ({ setting, path }) => {
		const response = await put([{ id: "g", url: "https://g.example/rss", name: "G", ...setting }]);
		expect(response.status).toBe(400);
		const body = (await response.json()) as { issues: { path: string }[] };
		expect(body.issues.map((i) => i.path)).toContain(path);
	});

	it("Should never fetch a paused source, not by the cron and not by ?force=true", async () => {
		const liveUrl = serve("live.example");
		const pausedUrl = serve("paused.example");
		await putSources([
			{ id: "paused-one", url: pausedUrl, name: "Paused", paused: true },
			{ id: "live-one", url: liveUrl, name: "Live" },
		]);

		const forced = await runRefresh("?force=true");
		expect(upstream.requestsTo(pausedUrl)).toEqual([]);
		expect(upstream.requestsTo(liveUrl)).toHaveLength(1);
		expect(forced.skippedBy.paused).toEqual(["paused-one"]);
		expect(forced).toMatchObject({ sources: 2, fetched: 1, skipped: 1 });
		expect(forced.results.map((r) => r.id)).toEqual(["live-one"]);

		await runScheduled(new Date(Date.now() + 24 * 3600_000));
		await runRefresh();
		expect(upstream.requestsTo(pausedUrl)).toEqual([]);
		expect(await articlesFrom("paused-one")).toEqual([]);
		expect((await sourceState("paused-one")).lastFetchedAt).toBeNull();
	});

	it("Should take at most itemsPerRun items from that feed, and REFRESH_ITEMS_PER_FEED from the rest", async () => {
		await putSources([
			{ id: "capped", url: serve("capped.example"), name: "Capped", itemsPerRun: 3 },
			{ id: "uncapped", url: serve("uncapped.example"), name: "Uncapped" },
		]);
		const summary = await runRefresh();
		const byId = new Map(summary.results.map((r) => [r.id, r.items.new]));
		expect(byId.get("capped")).toBe(3);
		expect(byId.get("uncapped")).toBe(10);
		// The feed's newest three, as the feed orders them.
		expect((await articlesFrom("capped")).map((a) => a.title)).toEqual([
			"Story 0 from capped.example",
			"Story 1 from capped.example",
			"Story 2 from capped.example",
		]);
		expect((await sourceState("capped")).itemCount).toBe(3);
	});

	it("Should hold a review source's new items in the review queue instead of publishing them", async () => {
		await putSources([{ id: "checked", url: serve("checked.example"), name: "Checked", review: true }]);
		expect(await runRefresh()).toMatchObject({ itemsNew: 0, itemsHeld: 10 });
		expect(await articlesFrom("checked")).toHaveLength(0);
		expect((await sourceState("checked")).review).toBe(true);
		// Approving and rejecting them: functions/review.test.ts.
	});
});

describe("the settings in the schedule", () => {
	it("Should cap a feed's items at the lower of its itemsPerRun and REFRESH_ITEMS_PER_FEED", () => {
		const policy = { ...DEFAULT_POLICY, itemsPerFeed: 30 };
		expect(itemsPerRun({}, policy)).toBe(30);
		expect(itemsPerRun({ itemsPerRun: 5 }, policy)).toBe(5);
		expect(itemsPerRun({ itemsPerRun: 80 }, policy)).toBe(30);
		expect(itemsPerRun({ itemsPerRun: 80 }, { ...policy, itemsPerFeed: 100 })).toBe(80);
	});

	it("Should leave a paused source out of every pick, forced or not, and name it", () => {
		const sources = [
			{ id: "a", url: "https://a.example/", name: "A", paused: true, ...freshHealth() },
			{ id: "b", url: "https://b.example/", name: "B", paused: false, ...freshHealth() },
		];
		for (const force of [false, true]) {
			const pick = pickSources(sources, { now: new Date(), force, limit: 10, leased: new Set(["a"]) });
			expect(pick.picked.map((s) => s.id)).toEqual(["b"]);
			expect(pick.paused).toEqual(["a"]);
			expect(pick.inFlight).toEqual([]);
		}
	});
});

describe("the source cap", () => {
	const many = (n: number): SourceConfig[] =>
		Array.from({ length: n }, (_, i) => ({ id: `s${i}`, url: `https://s${i}.example/rss`, name: `Source ${i}` }));

	it(`Should take ${MAX_SOURCES} sources and refuse ${MAX_SOURCES + 1} with 413, changing nothing`, async () => {
		expect(MAX_SOURCES).toBe(1000);
		const full = await put(many(MAX_SOURCES));
		expect(full.status).toBe(200);
		const before = await env.NEWS.get(keys.sources, "text");

		const over = await put(many(MAX_SOURCES + 1));
		expect(over.status).toBe(413);
		expect(await over.json()).toEqual({
			error: `too many sources: at most ${MAX_SOURCES} sources; this list has ${MAX_SOURCES + 1}`,
			issues: [{ path: "sources", message: `at most ${MAX_SOURCES} sources; this list has ${MAX_SOURCES + 1}` }],
		});
		expect(await env.NEWS.get(keys.sources, "text")).toBe(before);
		expect((await storedSources()).sources).toHaveLength(MAX_SOURCES);
	});
});

describe("PATCH /api/sources/:id", () => {
	it("Should pause and resume a source without resending the list, keeping its health", async () => {
		const url = serve("toggle.example");
		await putSources([
			{ id: "toggle", url, name: "Toggle", section: "Local" },
			{ id: "other", url: serve("other.example"), name: "Other" },
		]);
		await runRefresh();
		const fetched = await sourceState("toggle");
		expect(fetched.itemCount).toBe(10);

		const paused = await patch("toggle", { paused: true });
		expect(paused.status).toBe(200);
		expect(await paused.json()).toEqual({ ...fetched, paused: true });
		expect((await storedSources()).sources.map((s) => s.id)).toEqual(["toggle", "other"]);

		upstream.clearRequests();
		expect((await runRefresh("?force=true")).skippedBy.paused).toEqual(["toggle"]);
		expect(upstream.requestsTo(url)).toEqual([]);

		const resumed = await patch("toggle", { paused: false });
		expect(resumed.status).toBe(200);
		expect(await resumed.json()).toMatchObject({ id: "toggle", paused: false, itemCount: 10, section: "Local" });
		await runRefresh("?force=true");
		expect(upstream.requestsTo(url)).toHaveLength(1);
	});

	it("Should change only the fields sent, and clear section and itemsPerRun with null", async () => {
		await putSources([
			{ id: "edit-me", url: "https://edit.example/rss", name: "Edit", section: "World", itemsPerRun: 4 },
		]);
		const renamed = await (await patch("edit-me", { name: "Edited", review: true })).json();
		expect(renamed).toMatchObject({ name: "Edited", section: "World", itemsPerRun: 4, review: true });
		const cleared = (await (await patch("edit-me", { section: null, itemsPerRun: null })).json()) as object;
		expect(cleared).toMatchObject({ id: "edit-me", url: "https://edit.example/rss", name: "Edited", review: true });
		expect(Object.keys(cleared)).not.toContain("section");
		expect(Object.keys(cleared)).not.toContain("itemsPerRun");
		expect(await sourceState("edit-me")).toEqual(cleared);
	});

	it("Should answer 404 JSON for an unknown id and change nothing", async () => {
		await putSources([{ id: "known", url: "https://known.example/rss", name: "Known" }]);
		const before = await env.NEWS.get(keys.sources, "text");
		const response = await patch("unknown", { paused: true });
		expect(response.status).toBe(404);
		expect(await response.json()).toEqual({ error: "no source unknown" });
		expect(await env.NEWS.get(keys.sources, "text")).toBe(before);
	});

	it.each([
		{ name: "paused as text", body: { paused: "yes" }, path: "paused" },
		{ name: "itemsPerRun 500", body: { itemsPerRun: 500 }, path: "itemsPerRun" },
		{ name: "a URL (PUT re-points a source)", body: { url: "https://elsewhere.example/rss" }, path: "url" },
		{ name: "an empty name", body: { name: " " }, path: "name" },
	])("Should answer 400 for $name", async ({ body, path }) => {
		await putSources([{ id: "known", url: "https://known.example/rss", name: "Known" }]);
		const response = await patch("known", body);
		expect(response.status).toBe(400);
		expect(((await response.json()) as { issues: { path: string }[] }).issues.map((i) => i.path)).toContain(path);
	});

	it("Should answer 400 for a bad id, 415 for a body that is not JSON and 401 without the token", async () => {
		expect((await patch("Not A Slug", { paused: true })).status).toBe(400);
		const text = await request("/api/sources/known", {
			method: "PATCH",
			headers: adminHeaders({ "content-type": "text/plain" }),
			body: "paused",
		});
		expect(text.status).toBe(415);
		const anonymous = await patch("known", { paused: true }, { "content-type": "application/json" });
		expect(anonymous.status).toBe(401);
	});
});
