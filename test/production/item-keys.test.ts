// Dedup as feeds work: a guid is unique only within its own feed, so two feeds that both number
// their items (`<guid isPermaLink="false">1234</guid>`) must each publish theirs; the same story in
// two feeds is matched by its link once tracking parameters and the fragment are gone.
import { describe, expect, it } from "vitest";
import { builders } from "../fixtures/feeds";
import type { RssItem } from "../fixtures/feeds/builders";
import { articlesFrom, putSources, runRefresh, storedHeadlines } from "../refresh-helpers";
import { feed, useUpstream } from "../upstream";

const upstream = useUpstream();

function serve(url: string, title: string, items: RssItem[]): void {
	upstream.on(url, feed(builders.rss(title, new URL("/", url).href, items), "application/rss+xml"));
}

describe("production: two feeds that number their items", () => {
	it("Should publish both feeds' item 1234, and a third feed's copy of one of them only once", async () => {
		await putSources([
			{ id: "north-wire", url: "https://north.example/rss", name: "North Wire" },
			{ id: "south-wire", url: "https://south.example/rss", name: "South Wire" },
			{ id: "aggregator", url: "https://agg.example/rss", name: "Aggregator" },
		]);
		serve("https://north.example/rss", "North Wire", [
			{
				guid: "1234",
				title: "Bridge reopens in the north",
				link: "https://north.example/stories/1234",
				pubDate: builders.pubDate(30),
			},
		]);
		serve("https://south.example/rss", "South Wire", [
			{
				guid: "1234",
				title: "Market moves in the south",
				link: "https://south.example/news?id=1234",
				pubDate: builders.pubDate(20),
			},
		]);
		// The north's story again, with its own guid and the link as a newsletter tracks it.
		serve("https://agg.example/rss", "Aggregator", [
			{
				guid: "agg-77",
				title: "Bridge reopens in the north (via North Wire)",
				link: "HTTPS://North.Example/stories/1234?utm_source=rss&utm_medium=feed&fbclid=abc#comments",
				pubDate: builders.pubDate(10),
			},
		]);

		const summary = await runRefresh();
		expect(summary).toMatchObject({ fetched: 3, itemsNew: 2, itemsUnchanged: 0, itemsDuplicate: 1 });
		expect((await articlesFrom("north-wire")).map((a) => a.title)).toEqual(["Bridge reopens in the north"]);
		expect((await articlesFrom("south-wire")).map((a) => a.title)).toEqual(["Market moves in the south"]);
		expect(await articlesFrom("aggregator")).toEqual([]);
		expect((await storedHeadlines()).headlines.map((h) => h.title).sort()).toEqual([
			"Bridge reopens in the north",
			"Market moves in the south",
		]);

		// Later runs keep each item with its own source and update it in place.
		serve("https://south.example/rss", "South Wire", [
			{
				guid: "1234",
				title: "Market moves in the south, again",
				link: "https://south.example/news?id=1234",
				pubDate: builders.pubDate(20),
			},
		]);
		expect(await runRefresh("?force=true")).toMatchObject({ itemsNew: 0, itemsUpdated: 1, itemsDuplicate: 1 });
		expect((await articlesFrom("south-wire")).map((a) => a.title)).toEqual(["Market moves in the south, again"]);
		expect((await articlesFrom("north-wire")).map((a) => a.title)).toEqual(["Bridge reopens in the north"]);
	});
});
