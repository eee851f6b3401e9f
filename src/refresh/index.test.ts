// The orchestrator on its own: refresh() called directly with the real StoreWriter and KV, only
// the upstream feeds mocked. The end-to-end runs through the admin API live in test/refresh-*.test.ts.
import { reset } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { builders } from "../../test/fixtures/feeds";
import { changedKeys, kvSnapshot, sourceState, storedHeadlines } from "../../test/refresh-helpers";
import { feed, redirect, type UpstreamHandler, useUpstream } from "../../test/upstream";
import { keys } from "../kv/keys";
import type { SourceConfig } from "../schemas/source";
import { storeWriter } from "../store/stub";
import { refresh } from "./index";

const upstream = useUpstream();
const NOW = new Date();

beforeEach(async () => {
	await reset();
});

function source(id: string): SourceConfig {
	return { id, url: `https://${id}.example/feed`, name: `Source ${id}` };
}

function twoItems(id: string): string {
	return builders.rss(`Source ${id}`, `https://${id}.example/`, [
		{ guid: `${id}-1`, title: `First from ${id}`, link: `https://${id}.example/1`, pubDate: builders.pubDate(20) },
		{ guid: `${id}-2`, title: `Second from ${id}`, link: `https://${id}.example/2`, pubDate: builders.pubDate(40) },
	]);
}

async function configure(...sources: SourceConfig[]): Promise<void> {
	await storeWriter(env).putSources(sources, NOW.toISOString());
}

/** A server that answers 304 to the etag it gave (RFC 9110 §13.1.2). */
function withEtag(body: string, etag: string): UpstreamHandler {
	return (request) =>
		request.headers.get("if-none-match") === etag
			? new Response(null, { status: 304, headers: { etag } })
			: new Response(body, { headers: { "content-type": "application/rss+xml", etag } });
}

describe("refresh", () => {
	it("Should pick the due sources, fetch each and store its items, then leave them until they are due again", async () => {
		await configure(source("a"), source("b"));
		upstream.on("https://a.example/feed", feed(twoItems("a"), "application/rss+xml"));
		upstream.on("https://b.example/feed", feed(twoItems("b"), "application/rss+xml"));

		const first = await refresh(env, { now: NOW, force: false });
		expect(first).toMatchObject({ sources: 2, fetched: 2, failed: 0, deferred: 0, itemsNew: 4, subrequests: 4 });
		expect((await storedHeadlines()).headlines.map((h) => h.title).sort()).toEqual([
			"First from a",
			"First from b",
			"Second from a",
			"Second from b",
		]);

		upstream.clearRequests();
		const soon = await refresh(env, { now: new Date(NOW.getTime() + 60_000), force: false });
		expect(soon).toMatchObject({ fetched: 0, skipped: 2, subrequests: 1, kvWrites: 0 });
		expect(soon.skippedBy.notDue).toEqual(["a", "b"]);
		expect(upstream.requests).toEqual([]);
	});

	it("Should stop at a 304: nothing parsed, and only the sources' health written", async () => {
		await configure(source("a"));
		upstream.on("https://a.example/feed", withEtag(twoItems("a"), '"a-v1"'));
		await refresh(env, { now: NOW, force: false });

		const before = await kvSnapshot();
		const again = await refresh(env, { now: NOW, force: true });
		expect(again).toMatchObject({ fetched: 0, notModified: 1, parsedBytes: 0, itemsNew: 0, kvWrites: 1 });
		expect(changedKeys(before, await kvSnapshot())).toEqual([keys.sources]);
		expect(upstream.requestsTo("https://a.example/feed")[1]?.headers["if-none-match"]).toBe('"a-v1"');
		expect(await sourceState("a")).toMatchObject({ lastStatus: 304, etag: '"a-v1"', consecutiveFailures: 0 });
	});

	it("Should record a failing source's error and keep every article it brought before", async () => {
		await configure(source("a"));
		let failing = false;
		const good = feed(twoItems("a"), "application/rss+xml");
		upstream.on("https://a.example/feed", (request, init) =>
			failing ? new Response("oops", { status: 500 }) : good(request, init),
		);
		await refresh(env, { now: NOW, force: false });
		const stored = (await storedHeadlines()).headlines.map((h) => h.slug);

		failing = true;
		const failed = await refresh(env, { now: NOW, force: true });
		expect(failed).toMatchObject({ fetched: 0, failed: 1, itemsNew: 0 });
		expect(failed.results).toEqual([
			{
				id: "a",
				outcome: "failed",
				error: { stage: "fetch", code: "fetch.http_500", detail: "upstream answered 500" },
				consecutiveFailures: 1,
				nextDueAt: new Date(NOW.getTime() + 20 * 60_000).toISOString(),
				items: { new: 0, updated: 0, unchanged: 0, dropped: 0 },
			},
		]);
		expect((await storedHeadlines()).headlines.map((h) => h.slug)).toEqual(stored);
		for (const slug of stored) expect(await env.NEWS.get(keys.article(slug))).not.toBeNull();
	});

	it("Should defer a source the parse budget cannot take, as an outcome that leaves its health untouched", async () => {
		await configure(source("a"), source("b"));
		upstream.on("https://a.example/feed", feed(twoItems("a"), "application/rss+xml"));
		upstream.on("https://b.example/feed", feed(twoItems("b"), "application/rss+xml"));

		// Room for one of the two equal bodies: the second would overrun the budget.
		const oneBody = new TextEncoder().encode(twoItems("a")).byteLength;
		const run = await refresh(env, { now: NOW, force: false, policy: { parseBytesPerRun: oneBody + 10 } });
		expect(run).toMatchObject({ fetched: 1, deferred: 1, failed: 0, itemsNew: 2 });
		const deferred = run.results.find((r) => r.outcome === "deferred");
		expect(deferred).toEqual({
			id: deferred?.id,
			outcome: "deferred",
			reason: "parse_budget",
			consecutiveFailures: 0,
			nextDueAt: null,
			items: { new: 0, updated: 0, unchanged: 0, dropped: 0 },
		});
		expect(await sourceState(deferred?.id ?? "")).toMatchObject({
			lastFetchedAt: null,
			lastError: null,
			consecutiveFailures: 0,
			nextDueAt: null,
		});
	});

	it("Should defer a source whose redirect the subrequest budget cannot take, keeping the commit's slot", async () => {
		await configure(source("a"));
		upstream.on("https://a.example/feed", redirect("https://cdn.example/a"));

		// 3 subrequests: the pick, one fetch hop, the commit. The redirect's second hop does not fit.
		const run = await refresh(env, { now: NOW, force: false, policy: { subrequestBudget: 3 } });
		expect(run).toMatchObject({ fetched: 0, failed: 0, deferred: 1, subrequests: 3 });
		expect(run.results[0]).toMatchObject({ id: "a", outcome: "deferred", reason: "subrequest_budget" });
		expect(run.results[0]?.error).toBeUndefined();
		expect(upstream.requests.map((r) => r.url)).toEqual(["https://a.example/feed"]);
	});

	it("Should write no article and no index on a second run that brings the same items", async () => {
		await configure(source("a"));
		upstream.on("https://a.example/feed", feed(twoItems("a"), "application/rss+xml"));
		const first = await refresh(env, { now: NOW, force: false });
		// Counts include the derived values a new item changes: its list chunks, its month's sitemap, and so on.
		// 8, plus the archive's new day, its month and the months list (the first articles on that day).
		expect(first).toMatchObject({ itemsNew: 2, kvWrites: 11 });

		// Ten minutes on, the source is due again: only its health (fetched at, next due) changes.
		const before = await kvSnapshot();
		const second = await refresh(env, { now: new Date(NOW.getTime() + 10 * 60_000), force: false });
		expect(second).toMatchObject({ fetched: 1, itemsNew: 0, itemsUpdated: 0, itemsUnchanged: 2, kvWrites: 1 });
		expect(changedKeys(before, await kvSnapshot())).toEqual([keys.sources]);
	});
});
