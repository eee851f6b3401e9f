// Each of the four formats, written the way real publishers write them, goes through the whole
// refresh (POST /api/refresh → fetch → parse → StoreWriter → KV) and comes out as articles.
import { describe, expect, it } from "vitest";
import { builders, formats } from "./fixtures/feeds";
import { articleForItem, articlesFrom, putSources, runRefresh, sourceState, storedHeadlines } from "./refresh-helpers";
import { feed, useUpstream } from "./upstream";

const upstream = useUpstream();

describe("refresh of each feed format", () => {
	it("Should turn an RSS 2.0 feed into articles, with CDATA, entities, HTML titles, namespaces and relative links handled", async () => {
		await putSources([
			{ id: "harbour-gazette", url: "https://gazette.example/feed.xml", name: "Harbour Gazette", section: "Local" },
		]);
		upstream.on(
			"https://gazette.example/feed.xml",
			feed(formats.HARBOUR_GAZETTE_RSS, "application/rss+xml; charset=utf-8"),
		);

		const summary = await runRefresh();
		expect(summary).toMatchObject({ fetched: 1, failed: 0, itemsNew: 3, itemsDropped: 0 });

		const cranes = await articleForItem("gazette-2026-1101");
		expect(cranes).toMatchObject({
			title: "Cranes return to the east quay",
			dek: "The port\u2019s last two cranes are back in service after a winter of repairs.",
			section: "Local",
			source: "Harbour Gazette",
			author: { name: "Ines Marlow" },
			publishedAt: "2026-11-24T08:15:00.000Z",
			body: "",
			sourceUrl: "https://gazette.example/news/2026/11/cranes-return",
			image: { url: "https://gazette.example/img/cranes.jpg", width: 1200, height: 800 },
			origin: { sourceId: "harbour-gazette", itemKey: "gazette-2026-1101" },
		});
		expect(cranes?.slug).toBe("cranes-return-to-the-east-quay");
		expect(cranes?.bodyHtml).toContain("<strong>Tuesday</strong>");
		expect(cranes?.bodyHtml).toContain('href="https://gazette.example/news/2026/11/crane-history"');

		const ferry = await articleForItem("https://gazette.example/news/2026/11/ferry-winter");
		expect(ferry).toMatchObject({
			title: "Winter ferry timetable & fares",
			publishedAt: "2026-11-23T17:40:00.000Z",
			image: { url: "https://gazette.example/img/ferry.jpg" },
		});
		expect(ferry?.bodyHtml).toContain("<em>December</em>");

		// No title: one is made from the summary; no date: first-seen time.
		const lighthouse = await articleForItem("https://gazette.example/news/2026/11/lighthouse");
		expect(lighthouse?.title).toMatch(/^Harbour master confirms the lighthouse/);
		expect(Math.abs(Date.parse(lighthouse?.publishedAt ?? "") - Date.now())).toBeLessThan(60_000);

		expect(await sourceState("harbour-gazette")).toMatchObject({
			itemCount: 3,
			lastStatus: 200,
			consecutiveFailures: 0,
		});
	});

	it("Should turn an Atom 1.0 feed into articles, resolving links against xml:base", async () => {
		await putSources([
			{ id: "valley-courier", url: "https://courier.example/valley/atom.xml", name: "Valley Courier" },
		]);
		upstream.on("https://courier.example/valley/atom.xml", feed(formats.VALLEY_COURIER_ATOM, "application/atom+xml"));

		expect(await runRefresh()).toMatchObject({ fetched: 1, itemsNew: 2 });

		expect(await articleForItem("tag:courier.example,2026:valley/4410")).toMatchObject({
			title: "Bridge reopens after flood repairs",
			dek: "Traffic returns to the old stone bridge on Wednesday.",
			author: { name: "Tomas Reyes" },
			publishedAt: "2026-11-25T05:30:00.000Z",
			updatedAt: "2026-11-25T05:45:00.000Z",
			sourceUrl: "https://courier.example/valley/news/bridge-reopens",
			source: "Valley Courier",
			image: { url: "https://courier.example/img/bridge.jpg", width: 640, height: 360 },
		});
		const choir = await articleForItem("tag:courier.example,2026:valley/4405");
		// Only <updated>: it stands in for the publication date.
		expect(choir?.publishedAt).toBe("2026-11-24T15:00:00.000Z");
		expect(choir?.bodyHtml).toContain("<b>three</b>");
	});

	it("Should turn an RSS 1.0 (RDF) feed into articles, reading dc:date and dc:creator", async () => {
		await putSources([
			{ id: "northern-ledger", url: "https://ledger.example/rss", name: "Northern Ledger", section: "business" },
		]);
		upstream.on("https://ledger.example/rss", feed(formats.NORTHERN_LEDGER_RDF, "application/rdf+xml"));

		expect(await runRefresh()).toMatchObject({ fetched: 1, itemsNew: 2 });

		const mill = await articleForItem("https://ledger.example/2026/11/mill");
		expect(mill).toMatchObject({
			title: "Old mill becomes a co-working space",
			author: { name: "Priya Okafor" },
			publishedAt: "2026-11-24T11:00:00.000Z",
			section: "business",
		});
		expect(mill?.bodyHtml).toContain("<em>old</em>");
		expect((await articleForItem("https://ledger.example/2026/11/rates"))?.publishedAt).toBe(
			"2026-11-23T09:30:00.000Z",
		);
	});

	it("Should turn a JSON Feed into articles, with its image and a relative item URL", async () => {
		await putSources([{ id: "river-post", url: "https://riverpost.example/feed.json", name: "River Post" }]);
		upstream.on("https://riverpost.example/feed.json", feed(formats.RIVER_POST_JSON, "application/feed+json"));

		expect(await runRefresh()).toMatchObject({ fetched: 1, itemsNew: 2 });

		expect(await articleForItem("rp-2201")).toMatchObject({
			title: "Regatta draws a record crowd",
			dek: "More than 9,000 people lined the banks on Sunday.",
			author: { name: "Sam Idowu" },
			image: { url: "https://riverpost.example/img/regatta.jpg" },
			publishedAt: "2026-11-22T14:00:00.000Z",
		});
		const lock = await articleForItem("rp-2199");
		expect(lock?.sourceUrl).toBe("https://riverpost.example/stories/lock-gates");
		expect(lock?.bodyHtml).toContain("Work finished two weeks early.");
	});

	it("Should detect the format from the content when the server labels it wrongly", async () => {
		await putSources([{ id: "mislabelled", url: "https://mislabelled.example/atom", name: "Mislabelled" }]);
		// Its own stories: other ids and other links, or they would be the Valley Courier's (the same story, twice).
		const atom = formats.VALLEY_COURIER_ATOM.replaceAll("courier.example", "mislabelled.example");
		upstream.on("https://mislabelled.example/atom", feed(atom, "text/html; charset=utf-8"));

		expect(await runRefresh()).toMatchObject({ fetched: 1, itemsNew: 2 });
	});

	it("Should decode a windows-1252 feed declared in its XML prolog", async () => {
		await putSources([{ id: "cafe-zeitung", url: "https://zeitung.example/rss", name: "Café Zeitung" }]);
		const xml = builders
			.rss("Café Zeitung", "https://zeitung.example/", [
				{
					guid: "cz-1",
					title: "Café \u201cEck\u201d reopens \u2014 coffee for \u20ac2",
					link: "https://zeitung.example/1",
				},
			])
			.replace('encoding="UTF-8"', 'encoding="windows-1252"');
		upstream.on("https://zeitung.example/rss", feed(builders.windows1252(xml), "application/rss+xml"));

		expect(await runRefresh()).toMatchObject({ fetched: 1, itemsNew: 1 });
		expect((await articleForItem("cz-1"))?.title).toBe("Café \u201cEck\u201d reopens \u2014 coffee for \u20ac2");
	});

	it("Should decode an ISO-8859-1 feed declared only in the Content-Type header", async () => {
		await putSources([{ id: "koeln-blatt", url: "https://koeln.example/rss", name: "Kölner Blatt" }]);
		const xml = builders
			.rss("Kölner Blatt", "https://koeln.example/", [
				{ guid: "kb-1", title: "Grüße aus Köln", link: "https://koeln.example/1" },
			])
			.replace(' encoding="UTF-8"', "");
		upstream.on(
			"https://koeln.example/rss",
			feed(builders.windows1252(xml), "application/rss+xml; charset=iso-8859-1"),
		);

		expect(await runRefresh()).toMatchObject({ fetched: 1, itemsNew: 1 });
		expect((await articleForItem("kb-1"))?.title).toBe("Grüße aus Köln");
	});

	it("Should keep the headlines index sorted newest first across every source", async () => {
		await putSources([
			{ id: "harbour-gazette", url: "https://gazette.example/feed.xml", name: "Harbour Gazette" },
			{ id: "valley-courier", url: "https://courier.example/valley/atom.xml", name: "Valley Courier" },
			{ id: "northern-ledger", url: "https://ledger.example/rss", name: "Northern Ledger" },
			{ id: "river-post", url: "https://riverpost.example/feed.json", name: "River Post" },
		]);
		upstream.on("https://gazette.example/feed.xml", feed(formats.HARBOUR_GAZETTE_RSS, "application/rss+xml"));
		upstream.on("https://courier.example/valley/atom.xml", feed(formats.VALLEY_COURIER_ATOM, "application/atom+xml"));
		upstream.on("https://ledger.example/rss", feed(formats.NORTHERN_LEDGER_RDF, "application/rdf+xml"));
		upstream.on("https://riverpost.example/feed.json", feed(formats.RIVER_POST_JSON, "application/feed+json"));

		expect(await runRefresh("?force=true")).toMatchObject({ fetched: 4, failed: 0 });

		const published = (await storedHeadlines()).headlines.map((h) => Date.parse(h.publishedAt));
		expect(published.length).toBeGreaterThanOrEqual(9);
		expect(published).toEqual([...published].sort((a, b) => b - a));
		expect(await articlesFrom("harbour-gazette")).toHaveLength(3);
	});
});
