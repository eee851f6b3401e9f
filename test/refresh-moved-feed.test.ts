// A moved feed: a source's URL that starts answering an HTML page gets that page's announced feed
// recorded in its health (never switched to), checked when the run's budget allows, and cleared
// once the old URL serves a feed again.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { refresh } from "../src/refresh";
import { builders } from "./fixtures/feeds";
import { articlesFrom, putSources, runRefresh, sourceState } from "./refresh-helpers";
import { feed, type UpstreamHandler, useUpstream } from "./upstream";

const upstream = useUpstream();

let sourceCount = 0;

/** Each test has its own source on its own host: records and items persist across the file's tests. */
function rss(host: string, title: string, prefix: string): string {
	return builders.rss(title, `https://${host}/`, [
		{ guid: `${prefix}-1`, title: `${title} one`, link: `https://${host}/${prefix}/1`, pubDate: builders.pubDate(5) },
	]);
}

function page(head: string): UpstreamHandler {
	return feed(
		`<!doctype html><html><head><title>We moved</title>${head}</head><body>New site</body></html>`,
		"text/html",
	);
}

const NEW_LINK = `<link rel="alternate" type="application/rss+xml" title="New feed" href="/new/feed.xml">`;

type Moving = {
	id: string;
	host: string;
	old: string;
	new: string;
	/** What the old URL answers from now on. */
	serve: (handler: UpstreamHandler) => void;
	/** The new URL as a working feed. */
	newFeed: () => void;
	oldFeed: () => UpstreamHandler;
};

/** A source that worked for one run; what its URL answers next is the test's. */
async function movingSource(): Promise<Moving> {
	const id = `moving-${++sourceCount}`;
	const host = `${id}.example`;
	const old = `https://${host}/rss`;
	await putSources([{ id, url: old, name: "Moving" }]);
	const oldFeed = () => feed(rss(host, "Old", "old"), "application/rss+xml");
	let current: UpstreamHandler = oldFeed();
	upstream.on(old, (request, init) => current(request, init));
	expect(await runRefresh("?force=true")).toMatchObject({ fetched: 1, itemsNew: 1 });
	upstream.clearRequests();
	const newUrl = `https://${host}/new/feed.xml`;
	return {
		id,
		host,
		old,
		new: newUrl,
		serve: (handler) => {
			current = handler;
		},
		newFeed: () => upstream.on(newUrl, feed(rss(host, "New", "new"), "application/rss+xml")),
		oldFeed,
	};
}

describe("a moved feed", () => {
	it("Should record the feed an HTML answer announces, checked, and keep the URL and the parse error", async () => {
		const source = await movingSource();
		source.serve(page(NEW_LINK));
		source.newFeed();

		const summary = await runRefresh("?force=true");
		expect(upstream.requests.map((r) => r.url)).toEqual([source.old, source.new]);
		const state = await sourceState(source.id);
		expect(state.url).toBe(source.old);
		expect(state.lastError).toMatchObject({ stage: "parse", code: "parse.not_a_feed" });
		expect(state.consecutiveFailures).toBe(1);
		expect(state.movedTo).toEqual({ url: source.new, foundAt: summary.at, verified: true });

		expect(summary.results).toEqual([
			expect.objectContaining({
				id: source.id,
				outcome: "failed",
				movedTo: { url: source.new, foundAt: summary.at, verified: true },
				note: `this site now serves its feed at ${source.new}; the source still points at its old URL`,
			}),
		]);
		// Nothing from the new feed is ingested: the editor decides.
		expect((await articlesFrom(source.id)).map((a) => a.title)).toEqual(["Old one"]);
	});

	it("Should keep the first foundAt while the same feed is found again, and clear it after a good fetch", async () => {
		const source = await movingSource();
		source.serve(page(NEW_LINK));
		source.newFeed();
		const first = await runRefresh("?force=true");
		await runRefresh("?force=true");
		expect((await sourceState(source.id)).movedTo).toEqual({ url: source.new, foundAt: first.at, verified: true });

		source.serve(source.oldFeed());
		const back = await runRefresh("?force=true");
		expect(back).toMatchObject({ fetched: 1, failed: 0 });
		expect(back.results[0]?.movedTo).toBeUndefined();
		const state = await sourceState(source.id);
		expect(state).toMatchObject({ lastError: null, consecutiveFailures: 0 });
		expect(state).not.toHaveProperty("movedTo");
	});

	it("Should also clear it after a 304 from the old URL", async () => {
		const source = await movingSource();
		source.serve(page(NEW_LINK));
		source.newFeed();
		await runRefresh("?force=true");
		source.serve(() => new Response(null, { status: 304 }));
		expect(await runRefresh("?force=true")).toMatchObject({ notModified: 1 });
		expect(await sourceState(source.id)).not.toHaveProperty("movedTo");
	});

	it("Should record the candidate unverified when the run's subrequests are spent", async () => {
		const source = await movingSource();
		source.serve(page(NEW_LINK));
		// The pick, the page and the one commit: nothing left for the candidate.
		const summary = await refresh(env, { now: new Date(), force: true, policy: { subrequestBudget: 3 } });
		expect(upstream.requests.map((r) => r.url)).toEqual([source.old]);
		expect((await sourceState(source.id)).movedTo).toEqual({ url: source.new, foundAt: summary.at, verified: false });
		expect(summary.results[0]?.note).toMatch(/^this site now serves its feed at .* \(not checked yet/);
	});

	it("Should skip a broken announced feed and take the next one that works", async () => {
		const source = await movingSource();
		source.serve(
			page(
				`<link rel="alternate" type="application/rss+xml" href="/gone.xml">${NEW_LINK}<link rel="alternate" type="application/atom+xml" href="/never-fetched.xml">`,
			),
		);
		upstream.on(`https://${source.host}/gone.xml`, () => new Response("Not Found", { status: 404 }));
		source.newFeed();
		await runRefresh("?force=true");
		expect((await sourceState(source.id)).movedTo).toMatchObject({ url: source.new, verified: true });
		expect(upstream.requests.map((r) => r.url)).toEqual([source.old, `https://${source.host}/gone.xml`, source.new]);
	});

	it.each([
		{ name: "a page that announces no feed", head: `<link rel="stylesheet" href="/a.css">`, extra: [] },
		{
			name: "a page whose feed links are all broken",
			head: `<link rel="alternate" type="application/rss+xml" href="/a.xml"><link rel="alternate" type="application/rss+xml" href="/b.xml">`,
			extra: ["/a.xml", "/b.xml"],
		},
		{
			name: "a page that links only to itself",
			head: `<link rel="alternate" type="application/rss+xml" href="/rss">`,
			extra: [],
		},
	])("Should record no candidate for $name", async ({ head, extra }) => {
		const source = await movingSource();
		source.serve(page(head));
		const others = extra.map((path) => `https://${source.host}${path}`);
		for (const url of others) upstream.on(url, page(""));
		await runRefresh("?force=true");
		const state = await sourceState(source.id);
		expect(state.lastError?.code).toBe("parse.not_a_feed");
		expect(state).not.toHaveProperty("movedTo");
		expect(upstream.requests.map((r) => r.url)).toEqual([source.old, ...others]);
	});

	it("Should not look for links when the failure is not an HTML answer", async () => {
		const source = await movingSource();
		source.serve(feed(`<?xml version="1.0"?><rss version="2.0"><channel><title>Half`, "application/rss+xml"));
		await runRefresh("?force=true");
		const state = await sourceState(source.id);
		expect(state.lastError?.code).toBe("parse.malformed");
		expect(state).not.toHaveProperty("movedTo");
		expect(upstream.requests).toHaveLength(1);
	});

	it("Should keep a recorded candidate through a failure that is not an HTML answer", async () => {
		const source = await movingSource();
		source.serve(page(NEW_LINK));
		source.newFeed();
		await runRefresh("?force=true");
		source.serve(() => new Response("oops", { status: 500 }));
		const summary = await runRefresh("?force=true");
		expect((await sourceState(source.id)).movedTo).toMatchObject({ url: source.new });
		expect(summary.results[0]).toMatchObject({ error: { code: "fetch.http_500" }, movedTo: { url: source.new } });
	});
});
