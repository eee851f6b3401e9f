// What a refresh writes: a 304 writes nothing but the sources' health, an unchanged item writes
// nothing, a changed item updates its article in place, and an item two sources carry appears once.
import { describe, expect, it } from "vitest";
import { localDay } from "../src/archive/local-day";
import { keys } from "../src/kv/keys";
import { builders } from "./fixtures/feeds";
import {
	articleForItem,
	changedKeys,
	kvSnapshot,
	putSources,
	runRefresh,
	sourceState,
	storedHeadlines,
} from "./refresh-helpers";
import { type UpstreamHandler, useUpstream } from "./upstream";

const upstream = useUpstream();
const { rss, pubDate } = builders;

/** A server that honours If-None-Match (RFC 9110 §13.1.2) for one version of its feed. */
function versioned(body: () => string, etag: () => string): UpstreamHandler {
	return (request) =>
		request.headers.get("if-none-match") === etag()
			? new Response(null, { status: 304, headers: { etag: etag() } })
			: new Response(body(), {
					headers: {
						"content-type": "application/rss+xml",
						etag: etag(),
						"last-modified": "Tue, 24 Nov 2026 08:00:00 GMT",
					},
				});
}

describe("conditional GET and change detection", () => {
	it("Should answer a second run's 304 by writing only the sources' health", async () => {
		await putSources([{ id: "quay-news", url: "https://quay.example/rss", name: "Quay News" }]);
		const xml = rss("Quay News", "https://quay.example/", [
			{ guid: "q-1", title: "Quay lights replaced", link: "https://quay.example/1", pubDate: pubDate(30) },
			{ guid: "q-2", title: "Fish market moves indoors", link: "https://quay.example/2", pubDate: pubDate(90) },
		]);
		upstream.on(
			"https://quay.example/rss",
			versioned(
				() => xml,
				() => '"quay-v1"',
			),
		);

		const before = await kvSnapshot();
		const first = await runRefresh();
		const afterFirst = await kvSnapshot();
		// Two articles, one index, one sources record: a new item costs one write plus its share of one index write.
		// Counts include the derived values a new item changes: its list chunks, its month's sitemap, its
		// archive day (with that day's month and the months list, the first stories on that day), and so on.
		expect(first).toMatchObject({ fetched: 1, itemsNew: 2, kvWrites: 11 });
		expect(changedKeys(before, afterFirst).sort()).toHaveLength(11);

		upstream.clearRequests();
		const second = await runRefresh("?force=true");
		const afterSecond = await kvSnapshot();
		expect(second).toMatchObject({ fetched: 0, notModified: 1, itemsNew: 0, itemsUpdated: 0, kvWrites: 1 });
		expect(changedKeys(afterFirst, afterSecond)).toEqual([keys.sources]);

		const sent = upstream.requestsTo("https://quay.example/rss")[0]?.headers ?? {};
		expect(sent["if-none-match"]).toBe('"quay-v1"');
		expect(sent["if-modified-since"]).toBe("Tue, 24 Nov 2026 08:00:00 GMT");
		expect(sent["user-agent"]).toMatch(/^edgewire-refresh\//);
		expect(await sourceState("quay-news")).toMatchObject({ lastStatus: 304, etag: '"quay-v1"', itemCount: 2 });
	});

	it("Should write nothing at all when no source is due", async () => {
		await putSources([{ id: "calm-news", url: "https://calm.example/rss", name: "Calm News" }]);
		const xml = rss("Calm News", "https://calm.example/", [
			{ guid: "c-1", title: "Quiet day", link: "https://calm.example/1" },
		]);
		upstream.on(
			"https://calm.example/rss",
			versioned(
				() => xml,
				() => '"calm-v1"',
			),
		);
		await runRefresh();

		upstream.clearRequests();
		const before = await kvSnapshot();
		const summary = await runRefresh();
		expect(summary).toMatchObject({ fetched: 0, notModified: 0, skipped: 1, kvWrites: 0, subrequests: 1 });
		expect(summary.skippedBy.notDue).toEqual(["calm-news"]);
		expect(changedKeys(before, await kvSnapshot())).toEqual([]);
		expect(upstream.requests).toHaveLength(0);
	});

	it("Should write only the health when a server without validators sends the same items again", async () => {
		await putSources([{ id: "no-etag", url: "https://noetag.example/rss", name: "No ETag" }]);
		const xml = rss("No ETag", "https://noetag.example/", [
			{ guid: "ne-1", title: "Tide tables for December", link: "https://noetag.example/1", pubDate: pubDate(10) },
		]);
		upstream.on(
			"https://noetag.example/rss",
			() => new Response(xml, { headers: { "content-type": "application/rss+xml" } }),
		);
		await runRefresh();

		const before = await kvSnapshot();
		const again = await runRefresh("?force=true");
		expect(again).toMatchObject({ fetched: 1, itemsNew: 0, itemsUpdated: 0, itemsUnchanged: 1, kvWrites: 1 });
		expect(changedKeys(before, await kvSnapshot())).toEqual([keys.sources]);
	});

	it("Should update a changed item in place, keeping its slug, and write the index only if the headline changed", async () => {
		await putSources([{ id: "mill-weekly", url: "https://mill.example/rss", name: "Mill Weekly" }]);
		let title = "Mill wheel turns again";
		let content = "<p>The wheel turned for the first time since 1961.</p>";
		let version = 1;
		// Fixed once: a date computed per request would move with the clock and change the headline.
		const published = pubDate(45);
		upstream.on(
			"https://mill.example/rss",
			versioned(
				() =>
					rss("Mill Weekly", "https://mill.example/", [
						{ guid: "mw-7", title, content, link: "https://mill.example/7", pubDate: published },
					]),
				() => `"mill-v${version}"`,
			),
		);
		await runRefresh();
		const original = await articleForItem("mw-7");
		expect(original?.slug).toBe("mill-wheel-turns-again");

		// Body only: the article changes, the headline does not, so no index write.
		content = "<p>The wheel turned for the first time since 1961, watched by a crowd.</p>";
		version = 2;
		let before = await kvSnapshot();
		expect(await runRefresh("?force=true")).toMatchObject({ fetched: 1, itemsNew: 0, itemsUpdated: 1, kvWrites: 2 });
		expect(changedKeys(before, await kvSnapshot()).sort()).toEqual(
			[keys.article("mill-wheel-turns-again"), keys.sources].sort(),
		);

		// Title too: same slug, same key, new headline.
		title = "Mill wheel turns again after 65 years";
		version = 3;
		before = await kvSnapshot();
		expect(await runRefresh("?force=true")).toMatchObject({ itemsUpdated: 1, kvWrites: 5 });
		// The new headline is in the home list's chunk and its archive day too.
		expect(changedKeys(before, await kvSnapshot()).sort()).toEqual(
			[
				keys.article("mill-wheel-turns-again"),
				keys.headlines,
				keys.sources,
				keys.listChunk("home", "first"),
				keys.archiveDay(localDay(Date.parse(published), "UTC")),
			].sort(),
		);
		const updated = await articleForItem("mw-7");
		expect(updated).toMatchObject({ slug: "mill-wheel-turns-again", title: "Mill wheel turns again after 65 years" });
		expect(updated?.bodyHtml).toContain("watched by a crowd");
		const listed = (await storedHeadlines()).headlines.filter((h) => h.slug.startsWith("mill-wheel"));
		expect(listed.map((h) => [h.slug, h.title])).toEqual([
			["mill-wheel-turns-again", "Mill wheel turns again after 65 years"],
		]);
	});

	it("Should keep an undated item's first-seen time when it changes", async () => {
		await putSources([{ id: "undated", url: "https://undated.example/rss", name: "Undated" }]);
		let content = "<p>First version.</p>";
		upstream.on(
			"https://undated.example/rss",
			() =>
				new Response(
					rss("Undated", "https://undated.example/", [
						{ guid: "u-1", title: "Notice board", content, link: "https://undated.example/1" },
					]),
					{
						headers: { "content-type": "application/rss+xml" },
					},
				),
		);
		await runRefresh();
		const firstSeen = (await articleForItem("u-1"))?.publishedAt;

		await new Promise((resolve) => setTimeout(resolve, 20));
		content = "<p>Second version.</p>";
		expect(await runRefresh("?force=true")).toMatchObject({ itemsUpdated: 1 });
		const updated = await articleForItem("u-1");
		expect(updated?.bodyHtml).toContain("Second version.");
		expect(updated?.publishedAt).toBe(firstSeen);
	});

	it("Should show an item two sources carry once, attributed to the source that brought it first", async () => {
		await putSources([
			{ id: "wire-east", url: "https://east.example/rss", name: "Wire East" },
			{ id: "wire-west", url: "https://west.example/rss", name: "Wire West" },
		]);
		const shared = {
			guid: "urn:wire:5521",
			title: "Storm warning for the coast",
			link: "https://wire.example/5521",
			pubDate: pubDate(20),
		};
		upstream.on(
			"https://east.example/rss",
			() =>
				new Response(rss("Wire East", "https://east.example/", [shared]), {
					headers: { "content-type": "application/rss+xml" },
				}),
		);
		const harbourClosedAt = pubDate(5);
		upstream.on(
			"https://west.example/rss",
			() =>
				new Response(
					rss("Wire West", "https://west.example/", [
						{ ...shared, title: "Storm warning for the coast (updated)" },
						// No guid: the link is the identity, and it matches nothing else.
						{ title: "Harbour closed", link: "https://west.example/harbour", pubDate: harbourClosedAt },
					]),
					{ headers: { "content-type": "application/rss+xml" } },
				),
		);

		// West's copy is a duplicate of East's story (same link), counted as such: "unchanged" before per-source keys.
		expect(await runRefresh()).toMatchObject({ fetched: 2, itemsNew: 2, itemsUnchanged: 0, itemsDuplicate: 1 });
		const storm = (await storedHeadlines()).headlines.filter((h) => h.title.startsWith("Storm warning"));
		expect(storm).toHaveLength(1);
		expect(await articleForItem("urn:wire:5521")).toMatchObject({
			source: "Wire East",
			title: "Storm warning for the coast",
		});

		// Later runs must not flip it to the other source or duplicate it.
		expect(await runRefresh("?force=true")).toMatchObject({ itemsNew: 0, itemsUpdated: 0, kvWrites: 1 });
		expect((await storedHeadlines()).headlines.filter((h) => h.title.startsWith("Storm warning"))).toHaveLength(1);
	});
});
