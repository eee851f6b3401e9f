// The XSS corpus (issue #5) pushed through every way text reaches a page: an editor's title, dek,
// byline, section, image caption and tags; a Markdown body; and an upstream feed's titles, links,
// summaries and content. Every page is then parsed (HTMLRewriter) for anything that could run.
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { keys } from "../../src/kv/keys";
import { sectionSlug } from "../../src/publishing/sections";
import type { Article, HeadlinesIndex } from "../../src/schemas/article";
import { builders } from "../fixtures/feeds";
import { minutesAgo, putArticle, request, sampleArticle } from "../helpers";
import { settleStore } from "../limits";
import { putSources, runRefresh } from "../refresh-helpers";
import { feed, useUpstream } from "../upstream";
import { liveMarkup, PAGE_ALLOWANCE } from "./live-markup";
import { HTML_VECTORS, MARKDOWN_VECTORS, SHORT_VECTORS } from "./xss-corpus";

const upstream = useUpstream();

async function pageFindings(path: string): Promise<string[]> {
	const response = await request(path);
	expect(response.status, path).toBe(200);
	return liveMarkup(await response.text(), PAGE_ALLOWANCE);
}

/** Every element name in an XML document we serve must be one of its own vocabulary. */
async function xmlElements(path: string): Promise<Set<string>> {
	const response = await request(path);
	expect(response.status, path).toBe(200);
	return new Set([...(await response.text()).matchAll(/<([A-Za-z][\w:.-]*)/g)].map((m) => m[1] as string));
}

const XML_VOCABULARY = new Set([
	"sitemapindex",
	"sitemap",
	"feed",
	"id",
	"title",
	"subtitle",
	"link",
	"updated",
	"published",
	"author",
	"name",
	"entry",
	"category",
	"urlset",
	"url",
	"loc",
	"lastmod",
	"changefreq",
	"priority",
	"news:news",
	"news:publication",
	"news:name",
	"news:language",
	"news:publication_date",
	"generator",
	"news:title",
	"xml",
]);

describe("the checker", () => {
	// Inert in today's browsers even served raw, so there is nothing to find in them: old-IE
	// backtick quoting, a value that swallows the handler (`SRC= onmouseover=…` is SRC's value),
	// NUL inside a scheme (the tokenizer makes it U+FFFD), and a tag left open at the end.
	const INERT_RAW = new Set([
		"<IMG SRC=`javascript:alert(\"RSnake says, 'XSS'\")`>",
		"<IMG SRC= onmouseover=\"alert('xxs')\">",
		'<a href="java\u0000script:alert(1)">x</a>',
		'<img src="x` `<script>alert(1)</script>"` `>',
		"<IMG SRC=\"`<javascript:alert>`('XSS')\"",
	]);

	it("Should find live code in every raw HTML vector, so a clean result means something", async () => {
		const missed: string[] = [];
		for (const vector of HTML_VECTORS) {
			if (INERT_RAW.has(vector)) continue;
			if ((await liveMarkup(`<!doctype html><p>${vector}</p>`)).length === 0) missed.push(vector);
		}
		expect(missed).toEqual([]);
	});
});

describe("XSS corpus through an editor's fields", () => {
	beforeAll(async () => {
		for (const [i, vector] of HTML_VECTORS.entries()) {
			const response = await putArticle(
				`xss-field-${i}`,
				sampleArticle({
					title: vector.slice(0, 300),
					dek: vector,
					section: SHORT_VECTORS[i % SHORT_VECTORS.length],
					author: { name: vector.slice(0, 200), bio: vector },
					image: { url: "https://images.example/a.jpg", alt: vector.slice(0, 500), credit: vector.slice(0, 300) },
					tags: [vector.slice(0, 60)],
					publishedAt: minutesAgo(5 + i),
				}),
			);
			expect(response.status, vector).toBe(201);
		}
	});

	it("Should render every article page with nothing that could run", async () => {
		for (const i of HTML_VECTORS.keys())
			expect(await pageFindings(`/articles/xss-field-${i}`), HTML_VECTORS[i]).toEqual([]);
	});

	it("Should render the home page, its older pages, every section page and the archive with nothing that could run", async () => {
		await settleStore();
		const paths = new Set(["/", "/archive", `/archive/${minutesAgo(5).slice(0, 7).replace("-", "/")}`]);
		paths.add(`/archive/${minutesAgo(5).slice(0, 10).replaceAll("-", "/")}`);
		let next: string | undefined = "/";
		while (next) {
			const html = await (await request(next)).text();
			next = /href="(\/\?before=[^"]+)"/.exec(html)?.[1]?.replace(/&amp;/g, "&");
			if (next) paths.add(next);
		}
		for (const section of SHORT_VECTORS) {
			const slug = sectionSlug(section);
			if (slug) paths.add(`/sections/${slug}`);
		}
		for (const path of paths) expect(await pageFindings(path), path).toEqual([]);
	});

	it("Should keep the Atom feed and sitemaps to their own elements", async () => {
		await settleStore();
		const months = [
			...(await (await request("/sitemap.xml")).text()).matchAll(/<loc>[^<]*(\/sitemaps\/[^<]+)<\/loc>/g),
		];
		const sitemaps = months.map((m) => m[1] as string);
		expect(sitemaps.length).toBeGreaterThan(1);
		for (const path of ["/feed.xml", "/sitemap.xml", "/news-sitemap.xml", ...sitemaps]) {
			for (const name of await xmlElements(path)) expect(XML_VOCABULARY, `${path}: <${name}>`).toContain(name);
		}
	});
});

describe("XSS corpus through Markdown bodies", () => {
	const vectors = [...HTML_VECTORS, ...MARKDOWN_VECTORS];

	it("Should store and render every body with nothing that could run, alone or inside prose", async () => {
		for (const [i, vector] of vectors.entries()) {
			for (const [variant, body] of [
				["alone", vector],
				["in prose", `An ordinary first paragraph.\n\n${vector}\n\nA closing line with [a link](https://ok.example/).`],
				["inline", `Text before ${vector} and after.`],
			] as const) {
				const slug = `xss-body-${i}-${variant.replace(" ", "-")}`;
				expect((await putArticle(slug, sampleArticle({ body, publishedAt: minutesAgo(3) }))).status).toBe(201);
				expect(await pageFindings(`/articles/${slug}`), `${variant}: ${vector}`).toEqual([]);
				const json = (await (await request(`/api/articles/${slug}`)).json()) as { bodyHtml: string };
				expect(await liveMarkup(json.bodyHtml), `bodyHtml ${variant}: ${vector}`).toEqual([]);
			}
		}
	}, 120_000);
});

describe("XSS corpus through upstream feeds", () => {
	it("Should ingest hostile titles, links, summaries and content as articles with nothing that could run", async () => {
		const perFeed = 20;
		const sources = [];
		for (let f = 0; f * perFeed < HTML_VECTORS.length; f++) {
			const id = `xss-feed-${f}`;
			const url = `https://${id}.example/feed.xml`;
			const items = HTML_VECTORS.slice(f * perFeed, (f + 1) * perFeed).map((vector, n) => ({
				guid: `${id}-${n}`,
				title: `${vector} #${n}`,
				link: n % 3 === 0 ? "javascript:alert(1)" : `https://${id}.example/${n}`,
				pubDate: builders.pubDate(10 + n),
				description: vector,
				content: `<p>Intro.</p>${vector}<p><a href="javascript:alert(2)" onclick="alert(3)">more</a></p>`,
			}));
			upstream.on(
				url,
				feed(builders.rss(`${HTML_VECTORS[f]?.slice(0, 40)}`, `https://${id}.example/`, items), "application/rss+xml"),
			);
			sources.push({ id, url, name: id });
		}
		await putSources(sources);
		const summary = await runRefresh("?force=true");
		expect(summary.failed).toBe(0);
		// Every item is taken except those whose only link is javascript: (every third), which are dropped.
		const unsafeLinks = HTML_VECTORS.filter((_, i) => (i % perFeed) % 3 === 0).length;
		expect(summary).toMatchObject({ deferred: 0, itemsDropped: unsafeLinks });
		expect(summary.itemsNew).toBe(HTML_VECTORS.length - unsafeLinks);

		const index = (await env.NEWS.get<HeadlinesIndex>(keys.headlines, "json")) as HeadlinesIndex;
		let checked = 0;
		for (const { slug } of index.headlines) {
			const article = await env.NEWS.get<Article>(keys.article(slug), "json");
			if (!article?.origin?.sourceId.startsWith("xss-feed-")) continue;
			expect(await pageFindings(`/articles/${slug}`), article.title).toEqual([]);
			expect(await liveMarkup(article.bodyHtml), article.title).toEqual([]);
			checked++;
		}
		expect(checked).toBe(summary.itemsNew);
		expect(await pageFindings("/")).toEqual([]);
	}, 120_000);
});
