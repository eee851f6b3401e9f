import { describe, expect, it } from "vitest";
import { findFeedLinks, MAX_LINKS } from "./links";

const PAGE = "https://news.example/blog/post.html";
const bytes = (html: string) => new TextEncoder().encode(html);
const page = (head: string, body = "<p>Hello</p>") =>
	bytes(`<!doctype html><html><head><title>News</title>${head}</head><body>${body}</body></html>`);

describe("findFeedLinks", () => {
	it("Should find nothing on a page that announces no feed", async () => {
		const html = page(`<link rel="stylesheet" href="/site.css"><link rel="icon" href="/favicon.ico">`);
		expect(await findFeedLinks(html, PAGE)).toEqual([]);
	});

	it("Should find every feed type a page may announce, in document order, with their titles", async () => {
		const html = page(`
			<link rel="alternate" type="application/rss+xml" title="RSS" href="https://news.example/rss.xml">
			<link rel="alternate" type="application/atom+xml" href="https://news.example/atom.xml">
			<link rel="alternate" type="application/rdf+xml" href="https://news.example/index.rdf">
			<link rel="alternate" type="application/feed+json" href="https://news.example/feed.json">
			<link rel="alternate" type="application/json" title="JSON" href="https://news.example/feed2.json">`);
		expect(await findFeedLinks(html, PAGE)).toEqual([
			{ url: "https://news.example/rss.xml", type: "application/rss+xml", title: "RSS" },
			{ url: "https://news.example/atom.xml", type: "application/atom+xml" },
			{ url: "https://news.example/index.rdf", type: "application/rdf+xml" },
			{ url: "https://news.example/feed.json", type: "application/feed+json" },
			{ url: "https://news.example/feed2.json", type: "application/json", title: "JSON" },
		]);
	});

	it("Should read rel as a token list and type case-insensitively, ignoring parameters", async () => {
		const html = page(`
			<link REL="Alternate Home" TYPE="Application/RSS+XML; charset=utf-8" href="/a.xml">
			<link rel="alternate stylesheet" type="text/css" href="/b.css">
			<link rel="alternates" type="application/rss+xml" href="/c.xml">
			<link type="application/rss+xml" href="/no-rel.xml">
			<link rel="alternate" type="text/html" hreflang="fr" href="/fr/">`);
		expect((await findFeedLinks(html, PAGE)).map((l) => l.url)).toEqual(["https://news.example/a.xml"]);
	});

	it("Should resolve relative hrefs against the page's URL", async () => {
		const html = page(`
			<link rel="alternate" type="application/rss+xml" href="feed.xml">
			<link rel="alternate" type="application/atom+xml" href="/atom.xml">
			<link rel="alternate" type="application/feed+json" href="//cdn.example/f.json">`);
		expect((await findFeedLinks(html, PAGE)).map((l) => l.url)).toEqual([
			"https://news.example/blog/feed.xml",
			"https://news.example/atom.xml",
			"https://cdn.example/f.json",
		]);
	});

	it("Should resolve against the first <base href>, itself relative to the page, wherever the link sits", async () => {
		const html = page(`
			<link rel="alternate" type="application/rss+xml" href="feed.xml">
			<base href="/en/">
			<base href="https://other.example/">`);
		expect((await findFeedLinks(html, PAGE)).map((l) => l.url)).toEqual(["https://news.example/en/feed.xml"]);
	});

	it("Should drop duplicates (a fragment makes no new URL), non-http(s) and empty hrefs", async () => {
		const html = page(`
			<link rel="alternate" type="application/rss+xml" href="/feed.xml">
			<link rel="alternate" type="application/rss+xml" href="https://news.example/feed.xml#top">
			<link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">
			<link rel="alternate" type="application/rss+xml" href="ftp://news.example/feed.xml">
			<link rel="alternate" type="application/rss+xml" href="  ">`);
		expect((await findFeedLinks(html, PAGE)).map((l) => l.url)).toEqual(["https://news.example/feed.xml"]);
	});

	it("Should keep at most MAX_LINKS links from a link farm", async () => {
		const links = Array.from(
			{ length: 500 },
			(_, i) => `<link rel="alternate" type="application/rss+xml" href="/f${i}.xml">`,
		).join("");
		const found = await findFeedLinks(page(links), PAGE);
		expect(found).toHaveLength(MAX_LINKS);
		expect(found[0]?.url).toBe("https://news.example/f0.xml");
	});

	it("Should read a page that arrives as a stream, in small chunks", async () => {
		const html = page(`<link rel="alternate" type="application/rss+xml" href="/split-across-chunks.xml">`);
		const stream = new ReadableStream<Uint8Array>({
			start(controller) {
				for (let i = 0; i < html.length; i += 7) controller.enqueue(html.subarray(i, i + 7));
				controller.close();
			},
		});
		expect((await findFeedLinks(stream, PAGE)).map((l) => l.url)).toEqual([
			"https://news.example/split-across-chunks.xml",
		]);
	});

	it("Should find nothing, without throwing, in bytes that are not HTML", async () => {
		const noise = new Uint8Array(4096).map((_, i) => (i * 7919) % 256);
		expect(await findFeedLinks(noise, PAGE)).toEqual([]);
		expect(await findFeedLinks(bytes(`{"version":"https://jsonfeed.org/version/1.1"}`), PAGE)).toEqual([]);
	});
});
