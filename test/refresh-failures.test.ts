// Failure never loses data: whatever goes wrong upstream, the source's health records it, its next
// fetch backs off, and every article and headline it brought before stays. A success resets it.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { refresh } from "../src/refresh";
import { builders } from "./fixtures/feeds";
import {
	articlesFrom,
	changedKeys,
	kvSnapshot,
	putSources,
	runRefresh,
	runScheduled,
	sourceState,
	storedHeadlines,
} from "./refresh-helpers";
import { dnsFailure, endlessBody, feed, hang, redirect, type UpstreamHandler, useUpstream } from "./upstream";

const upstream = useUpstream();
const MINUTE = 60_000;

function goodFeed(id: string): string {
	return builders.rss(`Feed ${id}`, `https://${id}.example/`, [
		{
			guid: `${id}-1`,
			title: `First story from ${id}`,
			link: `https://${id}.example/1`,
			pubDate: builders.pubDate(30),
		},
		{
			guid: `${id}-2`,
			title: `Second story from ${id}`,
			link: `https://${id}.example/2`,
			pubDate: builders.pubDate(60),
		},
	]);
}

/** A source that has brought two articles, then starts failing with `failure`; returns its id and URL. */
async function brokenAfterTwoArticles(id: string, failure: UpstreamHandler): Promise<{ url: string }> {
	const url = `https://${id}.example/feed`;
	await putSources([{ id, url, name: `Feed ${id}` }]);
	let failing = false;
	const good = feed(goodFeed(id), "application/rss+xml");
	upstream.on(url, (request, init) => (failing ? failure(request, init) : good(request, init)));
	expect(await runRefresh()).toMatchObject({ fetched: 1, itemsNew: 2 });
	failing = true;
	return { url };
}

async function expectArticlesIntact(id: string): Promise<void> {
	const articles = await articlesFrom(id);
	expect(articles.map((a) => a.title).sort()).toEqual([`First story from ${id}`, `Second story from ${id}`]);
	const slugs = (await storedHeadlines()).headlines.map((h) => h.slug);
	for (const article of articles) expect(slugs).toContain(article.slug);
}

const HTML_PAGE = `<!doctype html><html><head><title>Welcome</title></head><body><h1>Our new website</h1></body></html>`;

describe("refresh failures", () => {
	it.each([
		{ name: "a DNS failure", id: "dns", failure: dnsFailure(), code: "fetch.dns", status: null },
		{
			name: "a 404",
			id: "gone",
			failure: () => new Response("Not Found", { status: 404 }),
			code: "fetch.http_404",
			status: 404,
		},
		{
			name: "a 500",
			id: "broken",
			failure: () => new Response("oops", { status: 500 }),
			code: "fetch.http_500",
			status: 500,
		},
		{
			name: "a redirect loop",
			id: "loop",
			failure: redirect("/feed?again=1"),
			code: "fetch.redirect_loop",
			status: 301,
		},
		{ name: "an oversize body", id: "huge", failure: endlessBody(), code: "fetch.too_large", status: 200 },
		{
			name: "an empty body",
			id: "blank",
			failure: feed("", "application/rss+xml"),
			code: "fetch.empty_body",
			status: 200,
		},
		{
			name: "malformed XML",
			id: "garbled",
			failure: feed('<?xml version="1.0"?><rss version="2.0"><channel><title>Half', "application/rss+xml"),
			code: /^parse\./,
			status: 200,
		},
		{
			name: "an HTML page instead of a feed",
			id: "homepage",
			failure: feed(HTML_PAGE, "text/html"),
			code: /^parse\./,
			status: 200,
		},
	])("Should record $name, back off, and keep the source's articles", async ({ id, failure, code, status }) => {
		await brokenAfterTwoArticles(id, failure);
		// The loop's second hop must be answered too: it redirects back to where it started.
		upstream.on(`https://${id}.example/feed?again=1`, redirect("/feed"));

		const before = await kvSnapshot();
		const summary = await runRefresh("?force=true");
		expect(summary).toMatchObject({ fetched: 0, failed: 1, itemsNew: 0, kvWrites: 1 });
		expect(changedKeys(before, await kvSnapshot())).toEqual(["v1:sources"]);

		const state = await sourceState(id);
		expect(state.consecutiveFailures).toBe(1);
		expect(state.lastStatus).toBe(status);
		expect(state.lastError?.code).toMatch(code);
		expect(state.itemCount).toBe(2);
		// First failure: twice the 10-minute interval.
		expect(Date.parse(state.nextDueAt ?? "") - Date.parse(state.lastFetchedAt ?? "")).toBe(20 * MINUTE);
		await expectArticlesIntact(id);
	});

	it("Should record a timeout the same way", async () => {
		await brokenAfterTwoArticles("slow", hang());
		// Driven through the orchestrator itself with a 50 ms timeout, so the test does not wait the default 10 s.
		const summary = await refresh(env, { now: new Date(), force: true, policy: { fetchTimeoutMs: 50 } });
		expect(summary).toMatchObject({ failed: 1, kvWrites: 1 });
		expect(await sourceState("slow")).toMatchObject({
			consecutiveFailures: 1,
			lastStatus: null,
			lastError: { code: "fetch.timeout" },
		});
		await expectArticlesIntact("slow");
	});

	it("Should keep earlier articles when a feed comes back with no items", async () => {
		const { url } = await brokenAfterTwoArticles(
			"emptied",
			feed(builders.rss("Emptied", "https://emptied.example/", []), "application/rss+xml"),
		);
		expect(url).toBe("https://emptied.example/feed");
		expect(await runRefresh("?force=true")).toMatchObject({ fetched: 1, failed: 0, itemsNew: 0 });
		expect(await sourceState("emptied")).toMatchObject({ itemCount: 0, consecutiveFailures: 0 });
		await expectArticlesIntact("emptied");
	});

	it("Should back off exponentially, skip the source until it is due, honour Retry-After, and reset on success", async () => {
		let answer: "fail" | "busy" | "ok" = "fail";
		const good = feed(goodFeed("flaky"), "application/rss+xml");
		await brokenAfterTwoArticles("flaky", (request, init) => {
			if (answer === "fail") return new Response("Bad Gateway", { status: 502 });
			if (answer === "busy") return new Response("slow down", { status: 429, headers: { "retry-after": "36000" } });
			return good(request, init);
		});

		const gaps: number[] = [];
		let at = new Date((await sourceState("flaky")).nextDueAt ?? "");
		for (let failure = 1; failure <= 4; failure++) {
			await runScheduled(at);
			const state = await sourceState("flaky");
			expect(state.consecutiveFailures).toBe(failure);
			gaps.push((Date.parse(state.nextDueAt ?? "") - at.getTime()) / MINUTE);
			// A run before it is due leaves it alone: no request, no change.
			upstream.clearRequests();
			await runScheduled(new Date(Date.parse(state.nextDueAt ?? "") - MINUTE));
			expect(upstream.requests).toHaveLength(0);
			at = new Date(state.nextDueAt ?? "");
		}
		expect(gaps).toEqual([20, 40, 80, 160]);

		// A 429 asking for 600 minutes outweighs the fifth backoff step (320 minutes); the 12-hour cap still holds.
		answer = "busy";
		await runScheduled(at);
		let state = await sourceState("flaky");
		expect(state).toMatchObject({ consecutiveFailures: 5, lastError: { code: "fetch.http_429" } });
		expect((Date.parse(state.nextDueAt ?? "") - at.getTime()) / MINUTE).toBe(600);

		answer = "ok";
		at = new Date(state.nextDueAt ?? "");
		await runScheduled(at);
		state = await sourceState("flaky");
		expect(state).toMatchObject({ consecutiveFailures: 0, lastError: null, lastStatus: 200, itemCount: 2 });
		expect((Date.parse(state.nextDueAt ?? "") - at.getTime()) / MINUTE).toBe(10);
		await expectArticlesIntact("flaky");
	});

	it("Should log one JSON line per failing source and one per run", async () => {
		await brokenAfterTwoArticles("logged", () => new Response("nope", { status: 403 }));
		const lines: unknown[] = [];
		const original = console.log;
		console.log = (line: unknown) => lines.push(JSON.parse(String(line)));
		try {
			await runRefresh("?force=true");
		} finally {
			console.log = original;
		}
		expect(lines).toEqual([
			expect.objectContaining({
				event: "refresh.source_failed",
				sourceId: "logged",
				url: "https://logged.example/feed",
				code: "fetch.http_403",
				consecutiveFailures: 1,
			}),
			expect.objectContaining({ event: "refresh.run", failed: 1, fetched: 0, kvWrites: 1 }),
		]);
	});
});
