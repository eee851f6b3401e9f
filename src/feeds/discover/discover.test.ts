// Discovery end to end over mocked upstream sites: each candidate is really fetched and parsed,
// and every URL looked at is accounted for in `checked`.
import { describe, expect, it } from "vitest";
import { builders, formats } from "../../../test/fixtures/feeds";
import { dnsFailure, endlessBody, feed, redirect, type UpstreamHandler, useUpstream } from "../../../test/upstream";
import { DISCOVERY_SUBREQUESTS, MAX_CANDIDATES } from "./budget";
import { type DiscoverOptions, discoverFeeds, WELL_KNOWN_PATHS } from "./index";

const upstream = useUpstream();

const SITE = "https://news.example";
const PAGE = `${SITE}/`;

function options(overrides: Partial<DiscoverOptions> = {}): DiscoverOptions {
	return {
		timeoutMs: 2_000,
		maxBytes: 64 * 1024,
		maxRedirects: 5,
		userAgent: "edgewire-test/1.0",
		now: new Date(),
		maxParseBytes: 32 * 1024,
		...overrides,
	};
}

function rssFeed(title: string, items = 2): string {
	return builders.rss(
		title,
		PAGE,
		Array.from({ length: items }, (_, i) => ({
			guid: `${title}-${i}`,
			title: `Story ${i}`,
			link: `${SITE}/${i}`,
			pubDate: builders.pubDate(10 + i),
		})),
	);
}

const rss = (body: string): UpstreamHandler => feed(body, "application/rss+xml");
const notFound: UpstreamHandler = () => new Response("Not Found", { status: 404, statusText: "Not Found" });

function html(head: string): UpstreamHandler {
	return feed(`<!doctype html><html><head><title>News</title>${head}</head><body><p>Hi</p></body></html>`, "text/html");
}

const alternate = (href: string, type = "application/rss+xml", title?: string) =>
	`<link rel="alternate" type="${type}" href="${href}"${title ? ` title="${title}"` : ""}>`;

/** Every well-known path on the site answers 404, unless a test registers it afterwards. */
function wellKnownMissing(origin = SITE): void {
	for (const path of WELL_KNOWN_PATHS) upstream.on(`${origin}${path}`, notFound);
}

describe("discoverFeeds", () => {
	it("Should offer the URL itself when it is a feed, and look no further", async () => {
		upstream.on(`${SITE}/feed.xml`, rss(rssFeed("News Daily", 3)));
		const found = await discoverFeeds(`${SITE}/feed.xml`, options());
		expect(found).toEqual({
			url: `${SITE}/feed.xml`,
			feeds: [{ url: `${SITE}/feed.xml`, title: "News Daily", format: "rss", itemCount: 3 }],
			checked: [{ url: `${SITE}/feed.xml`, via: "input", outcome: "offered" }],
			message: "This URL is itself a feed.",
		});
		expect(upstream.requests).toHaveLength(1);
	});

	it.each([
		{ name: "Atom", body: formats.VALLEY_COURIER_ATOM, type: "application/atom+xml", format: "atom" },
		{ name: "RSS 1.0", body: formats.NORTHERN_LEDGER_RDF, type: "application/rdf+xml", format: "rdf" },
		{ name: "JSON Feed", body: formats.RIVER_POST_JSON, type: "application/feed+json", format: "json" },
	])("Should report the format of a $name feed given directly", async ({ body, type, format }) => {
		upstream.on(`${SITE}/f`, feed(body, type));
		const found = await discoverFeeds(`${SITE}/f`, options());
		expect(found.feeds).toEqual([
			{ url: `${SITE}/f`, title: expect.any(String), format, itemCount: expect.any(Number) },
		]);
		expect(found.feeds[0]?.itemCount).toBeGreaterThan(0);
	});

	it("Should answer a page with no feed links and nothing at the well-known paths with a clear message", async () => {
		upstream.on(PAGE, html(`<link rel="stylesheet" href="/a.css">`));
		wellKnownMissing();
		const found = await discoverFeeds(PAGE, options());
		expect(found.feeds).toEqual([]);
		expect(found.message).toBe("No feeds found on this page.");
		expect(found.checked).toEqual([
			{
				url: PAGE,
				via: "input",
				outcome: "rejected",
				error: { stage: "parse", code: "parse.not_a_feed", detail: "an HTML page, not a feed" },
			},
			...WELL_KNOWN_PATHS.map((path) => ({
				url: `${SITE}${path}`,
				via: "well_known",
				outcome: "rejected",
				error: { stage: "fetch", code: "fetch.http_404", detail: "upstream answered 404 Not Found" },
			})),
		]);
	});

	it("Should offer the one feed a page links to, titled by the feed, without trying the well-known paths", async () => {
		upstream.on(PAGE, html(alternate("/rss.xml", "application/rss+xml", "Link title")));
		upstream.on(`${SITE}/rss.xml`, rss(rssFeed("News Daily")));
		const found = await discoverFeeds(PAGE, options());
		expect(found.feeds).toEqual([{ url: `${SITE}/rss.xml`, title: "News Daily", format: "rss", itemCount: 2 }]);
		expect(found.message).toBe("Found 1 feed.");
		expect(found.checked.map((c) => [c.via, c.outcome])).toEqual([
			["input", "rejected"],
			["link", "offered"],
		]);
		expect(upstream.requests.map((r) => r.url)).toEqual([PAGE, `${SITE}/rss.xml`]);
	});

	it("Should take the link's title when the feed has none", async () => {
		upstream.on(PAGE, html(alternate("/untitled.json", "application/feed+json", "Posts")));
		upstream.on(
			`${SITE}/untitled.json`,
			feed(
				JSON.stringify({ version: "https://jsonfeed.org/version/1.1", items: [{ id: "1", url: `${SITE}/1` }] }),
				"application/feed+json",
			),
		);
		const found = await discoverFeeds(PAGE, options());
		expect(found.feeds).toEqual([{ url: `${SITE}/untitled.json`, title: "Posts", format: "json", itemCount: 1 }]);
	});

	it("Should offer several linked feeds of different formats, in the page's order", async () => {
		upstream.on(
			PAGE,
			html(
				alternate("/atom.xml", "application/atom+xml") +
					alternate("/rss.xml") +
					alternate("/feed.json", "application/feed+json"),
			),
		);
		upstream.on(`${SITE}/atom.xml`, feed(formats.VALLEY_COURIER_ATOM, "application/atom+xml"));
		upstream.on(`${SITE}/rss.xml`, rss(rssFeed("News Daily")));
		upstream.on(`${SITE}/feed.json`, feed(formats.RIVER_POST_JSON, "application/feed+json"));
		const found = await discoverFeeds(PAGE, options());
		expect(found.feeds.map((f) => [f.url, f.format])).toEqual([
			[`${SITE}/atom.xml`, "atom"],
			[`${SITE}/rss.xml`, "rss"],
			[`${SITE}/feed.json`, "json"],
		]);
		expect(found.message).toBe("Found 3 feeds.");
	});

	it("Should not offer a link to a 404, to an HTML page or to a malformed feed, and say why for each", async () => {
		upstream.on(
			PAGE,
			html(alternate("/gone.xml") + alternate("/page.xml") + alternate("/broken.xml") + alternate("/good.xml")),
		);
		upstream.on(`${SITE}/gone.xml`, notFound);
		upstream.on(`${SITE}/page.xml`, html(""));
		upstream.on(`${SITE}/broken.xml`, rss(`<?xml version="1.0"?><rss version="2.0"><channel><title>Half`));
		upstream.on(`${SITE}/good.xml`, rss(rssFeed("Good")));
		const found = await discoverFeeds(PAGE, options());
		expect(found.feeds.map((f) => f.url)).toEqual([`${SITE}/good.xml`]);
		expect(found.checked.slice(1).map((c) => [c.url, c.outcome, c.error?.code])).toEqual([
			[`${SITE}/gone.xml`, "rejected", "fetch.http_404"],
			[`${SITE}/page.xml`, "rejected", "parse.not_a_feed"],
			[`${SITE}/broken.xml`, "rejected", "parse.malformed"],
			[`${SITE}/good.xml`, "offered", undefined],
		]);
	});

	it("Should fall back to the well-known paths when every linked feed is broken, fetching none twice", async () => {
		upstream.on(PAGE, html(alternate("/feed.xml") + alternate("/old-rss")));
		wellKnownMissing();
		upstream.on(`${SITE}/old-rss`, notFound);
		upstream.on(`${SITE}/atom.xml`, feed(formats.VALLEY_COURIER_ATOM, "application/atom+xml"));
		const found = await discoverFeeds(PAGE, options());
		expect(found.feeds.map((f) => f.url)).toEqual([`${SITE}/atom.xml`]);
		expect(found.checked.filter((c) => c.via === "well_known").map((c) => c.url)).toEqual(
			["/feed", "/rss.xml", "/atom.xml", "/index.xml", "/feed.json"].map((p) => `${SITE}${p}`),
		);
		expect(upstream.requestsTo(`${SITE}/feed.xml`)).toHaveLength(1);
	});

	it("Should resolve relative hrefs against the page's final URL after redirects, and against <base>", async () => {
		upstream.on("http://news.example/blog", redirect("https://www.news.example/blog/", 301));
		upstream.on(
			"https://www.news.example/blog/",
			html(`<base href="/en/">${alternate("feed.xml")}${alternate("../comments.xml")}`),
		);
		upstream.on("https://www.news.example/en/feed.xml", rss(rssFeed("Blog")));
		upstream.on("https://www.news.example/comments.xml", rss(rssFeed("Comments")));
		const found = await discoverFeeds("http://news.example/blog", options());
		expect(found.feeds.map((f) => [f.url, f.title])).toEqual([
			["https://www.news.example/en/feed.xml", "Blog"],
			["https://www.news.example/comments.xml", "Comments"],
		]);
	});

	it("Should try the well-known paths on the final page's origin", async () => {
		upstream.on("https://news.example/", redirect("https://www.news.example/", 302));
		upstream.on("https://www.news.example/", html(""));
		wellKnownMissing("https://www.news.example");
		upstream.on("https://www.news.example/index.xml", rss(rssFeed("Hugo site")));
		const found = await discoverFeeds("https://news.example/", options());
		expect(found.feeds).toEqual([
			{ url: "https://www.news.example/index.xml", title: "Hugo site", format: "rss", itemCount: 2 },
		]);
		expect(found.checked.at(-2)).toMatchObject({ url: "https://www.news.example/index.xml", via: "well_known" });
	});

	it("Should not fetch a link back to the page itself", async () => {
		upstream.on(PAGE, html(alternate(PAGE) + alternate("/rss.xml")));
		upstream.on(`${SITE}/rss.xml`, rss(rssFeed("News")));
		const found = await discoverFeeds(PAGE, options());
		expect(found.feeds.map((f) => f.url)).toEqual([`${SITE}/rss.xml`]);
		expect(upstream.requestsTo(PAGE)).toHaveLength(1);
	});

	it(`Should fetch at most ${MAX_CANDIDATES} candidates and report the rest as skipped`, async () => {
		const links = Array.from({ length: 12 }, (_, i) => alternate(`/f${i}.xml`)).join("");
		upstream.on(PAGE, html(links));
		upstream.on(/^https:\/\/news\.example\/f\d+\.xml$/, rss(rssFeed("One of many")));
		const found = await discoverFeeds(PAGE, options());
		expect(found.feeds).toHaveLength(MAX_CANDIDATES);
		expect(found.checked.filter((c) => c.outcome === "skipped")).toEqual(
			[8, 9, 10, 11].map((i) => ({
				url: `${SITE}/f${i}.xml`,
				via: "link",
				outcome: "skipped",
				reason: "candidate_limit",
			})),
		);
		expect(upstream.requests).toHaveLength(1 + MAX_CANDIDATES);
	});

	it(`Should stop at ${DISCOVERY_SUBREQUESTS} subrequests, redirect hops included`, async () => {
		const links = Array.from({ length: 8 }, (_, i) => alternate(`/hop${i}/0`)).join("");
		upstream.on(PAGE, html(links));
		// Every candidate is a chain of 4 redirects before its feed: 5 hops each, 40 in all.
		upstream.on(/\/hop\d+\/[0-3]$/, (request) => {
			const url = new URL(request.url);
			const [, dir, step] = url.pathname.split("/");
			return redirect(`/${dir}/${Number(step) + 1}`)(request, { signal: null });
		});
		upstream.on(/\/hop\d+\/4$/, rss(rssFeed("At the end")));
		const found = await discoverFeeds(PAGE, options());
		expect(upstream.requests.length).toBe(DISCOVERY_SUBREQUESTS);
		expect(found.checked.some((c) => c.outcome === "skipped" && c.reason === "subrequest_budget")).toBe(true);
		expect(found.feeds.length).toBeGreaterThan(0);
		expect(found.feeds.length).toBeLessThan(8);
	});

	it("Should not offer a feed larger than a refresh run parses", async () => {
		upstream.on(PAGE, html(alternate("/big.xml")));
		upstream.on(`${SITE}/big.xml`, rss(rssFeed("Big", 200)));
		wellKnownMissing();
		const found = await discoverFeeds(PAGE, options({ maxParseBytes: 8 * 1024 }));
		expect(found.feeds).toEqual([]);
		expect(found.checked[1]).toMatchObject({ url: `${SITE}/big.xml`, error: { code: "parse.too_costly" } });
	});

	it("Should still read the links of an HTML page larger than the parse limit", async () => {
		const padding = `<p>${"x".repeat(40 * 1024)}</p>`;
		upstream.on(
			PAGE,
			feed(`<!doctype html><html><head>${alternate("/rss.xml")}</head><body>${padding}</body></html>`, "text/html"),
		);
		upstream.on(`${SITE}/rss.xml`, rss(rssFeed("News")));
		const found = await discoverFeeds(PAGE, options());
		expect(found.checked[0]).toMatchObject({ outcome: "rejected", error: { code: "parse.not_a_feed" } });
		expect(found.feeds.map((f) => f.url)).toEqual([`${SITE}/rss.xml`]);
	});

	it("Should cut off an oversized page at the fetch limit and say so", async () => {
		upstream.on(PAGE, endlessBody("text/html"));
		const found = await discoverFeeds(PAGE, options());
		expect(found.feeds).toEqual([]);
		expect(found.checked).toEqual([
			{
				url: PAGE,
				via: "input",
				outcome: "rejected",
				error: { stage: "fetch", code: "fetch.too_large", detail: `body exceeds ${64 * 1024} bytes` },
			},
		]);
		expect(found.message).toBe(`The page could not be fetched: body exceeds ${64 * 1024} bytes.`);
	});

	it("Should answer an unreachable page with the fetch error in words", async () => {
		upstream.on(PAGE, dnsFailure());
		const found = await discoverFeeds(PAGE, options());
		expect(found).toMatchObject({ feeds: [], checked: [{ outcome: "rejected", error: { code: "fetch.dns" } }] });
		expect(found.message).toMatch(/^The page could not be fetched: .*ENOTFOUND news\.example/);
	});

	it("Should send the refresh's User-Agent on every request", async () => {
		upstream.on(PAGE, html(alternate("/rss.xml")));
		upstream.on(`${SITE}/rss.xml`, rss(rssFeed("News")));
		await discoverFeeds(PAGE, options());
		expect(upstream.requests.map((r) => r.headers["user-agent"])).toEqual(["edgewire-test/1.0", "edgewire-test/1.0"]);
	});
});
