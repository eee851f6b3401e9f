// The Atom feed (parsed back with feedsmith, the library that ingests feeds), both sitemaps and robots.txt.
import { env } from "cloudflare:workers";
import { parseFeed } from "feedsmith";
import { describe, expect, it } from "vitest";
import { forgetHeadlines } from "../src/kv/headlines";
import { keys } from "../src/kv/keys";
import { minutesAgo, ORIGIN, putArticle, request, sampleArticle } from "../test/helpers";
import { rawKv, settleStore } from "../test/limits";

/**
 * A strict well-formedness check for the XML we generate: one declaration, every tag closed in
 * order, attributes quoted, and no bare `&` or `<` in text. (No DTD, comments or CDATA: we emit none.)
 */
function assertWellFormed(xml: string): void {
	expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n')).toBe(true);
	const body = xml.slice(xml.indexOf("?>") + 2);
	const open: string[] = [];
	const token = /<(\/?)([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>|([^<]+)|(<)/g;
	let roots = 0;
	for (const m of body.matchAll(token)) {
		if (m[6]) throw new Error(`stray "<" at ${m.index}: ${body.slice(m.index, m.index + 40)}`);
		if (m[5] !== undefined) {
			if (/&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);)/i.test(m[5])) throw new Error(`bare & in ${m[5]}`);
			if (open.length === 0 && m[5].trim()) throw new Error(`text outside the root: ${m[5]}`);
			continue;
		}
		const [, closing, name, , selfClosing] = m;
		if (closing) {
			expect(open.pop(), `closing </${name}>`).toBe(name);
		} else if (!selfClosing) {
			if (open.length === 0) roots++;
			open.push(name!);
		}
	}
	expect(open).toEqual([]);
	expect(roots).toBe(1);
}

function locs(xml: string): string[] {
	return [...xml.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1]!);
}

async function publishMix() {
	await putArticle(
		"fresh-one",
		sampleArticle({ title: 'Ports & <harbours> "today"', publishedAt: minutesAgo(10), section: "business" }),
	);
	await putArticle(
		"day-old",
		sampleArticle({ title: "A day-old story", publishedAt: minutesAgo(26 * 60), section: "world" }),
	);
	await putArticle(
		"old-one",
		sampleArticle({ title: "Three days old", publishedAt: minutesAgo(72 * 60 + 1), section: "world" }),
	);
	await putArticle("scheduled-one", sampleArticle({ title: "Not yet", publishedAt: minutesAgo(-120) }));
}

describe("GET /feed.xml", () => {
	it("Should serve Atom 1.0 that the ingestion library parses back, newest first, without scheduled articles", async () => {
		await publishMix();
		const response = await request("/feed.xml");
		expect(response.status).toBe(200);
		expect(response.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
		const xml = await response.text();
		assertWellFormed(xml);
		const parsed = parseFeed(xml);
		expect(parsed.format).toBe("atom");
		const feed = parsed.feed as any;
		expect(feed.id).toBe(`${ORIGIN}/`);
		expect(feed.title.value).toBe("edgewire");
		expect(feed.links).toContainEqual(expect.objectContaining({ rel: "self", href: `${ORIGIN}/feed.xml` }));
		expect(feed.authors[0].name).toBe("edgewire");
		const entries = feed.entries as any[];
		const slugs = entries.map((e) => e.id.replace(`${ORIGIN}/articles/`, ""));
		expect(slugs).toEqual(["fresh-one", "day-old", "old-one"]);
		const first = entries[0];
		expect(first.title.value).toBe('Ports & <harbours> "today"');
		expect(first.links).toContainEqual({ rel: "alternate", type: "text/html", href: `${ORIGIN}/articles/fresh-one` });
		expect(first.categories).toEqual([{ term: "business" }]);
		expect(Date.parse(first.published)).toBe(Date.parse(first.updated));
		expect(feed.updated).toBe(first.published);
	});

	it("Should still be a valid feed with no articles at all", async () => {
		// The test's own stand-in for the index and its restoring, beside the API: not a write of the code under test.
		const stored = rawKv(env.NEWS);
		const saved = await stored.get(keys.headlines);
		await stored.put(keys.headlines, JSON.stringify({ updatedAt: "2026-11-25T10:00:00.000Z", headlines: [] }));
		forgetHeadlines();
		const xml = await (await request("/feed.xml")).text();
		if (saved !== null) await stored.put(keys.headlines, saved);
		forgetHeadlines();
		assertWellFormed(xml);
		const parsed = parseFeed(xml);
		expect(parsed.format).toBe("atom");
		expect((parsed.feed as any).entries ?? []).toEqual([]);
		expect((parsed.feed as any).updated).toBe("2026-11-25T10:00:00.000Z");
	});
});

describe("GET /sitemap.xml", () => {
	it("Should be a sitemap index of the pages sitemap and one sitemap per month, dated", async () => {
		await publishMix();
		await putArticle("last-month", sampleArticle({ title: "Older", publishedAt: minutesAgo(40 * 24 * 60) }));
		await settleStore();
		const response = await request("/sitemap.xml");
		expect(response.headers.get("content-type")).toBe("application/xml; charset=utf-8");
		const xml = await response.text();
		assertWellFormed(xml);
		expect(xml).toContain('<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
		const months = new Set(
			[minutesAgo(10), minutesAgo(40 * 24 * 60), minutesAgo(72 * 60 + 1)].map((d) => d.slice(0, 7)),
		);
		expect(locs(xml)).toEqual([
			`${ORIGIN}/sitemaps/pages.xml`,
			...[...months]
				.sort()
				.reverse()
				.map((m) => `${ORIGIN}/sitemaps/${m}.xml`),
		]);
		expect(xml).toMatch(/<\/loc><lastmod>\d{4}-\d\d-\d\dT[^<]+Z<\/lastmod><\/sitemap>/);
		const pages = await (await request("/sitemaps/pages.xml")).text();
		expect(locs(pages)).toEqual([`${ORIGIN}/`, `${ORIGIN}/sections/business`, `${ORIGIN}/sections/world`]);
	});

	it("Should split a month of more than 50,000 articles into parts of at most 50,000", async () => {
		const month = "2025-03";
		const urls = Array.from({ length: 50_002 }, (_, i) => [
			`a${i}`,
			"2025-03-02T10:00:00.000Z",
			"2025-03-02T10:00:00.000Z",
		]);
		await rawKv(env.NEWS).put(keys.sitemapMonth(month), JSON.stringify({ month, urls }));
		await rawKv(env.NEWS).put(
			keys.sitemapIndex,
			JSON.stringify({ months: [{ month, urls: urls.length, lastmod: "2025-03-02T10:00:00.000Z" }] }),
		);
		const index = locs(await (await request("/sitemap.xml")).text());
		expect(index).toEqual([
			`${ORIGIN}/sitemaps/pages.xml`,
			`${ORIGIN}/sitemaps/${month}.xml`,
			`${ORIGIN}/sitemaps/${month}-2.xml`,
		]);
		expect(locs(await (await request(`/sitemaps/${month}.xml`)).text())).toHaveLength(50_000);
		expect(locs(await (await request(`/sitemaps/${month}-2.xml`)).text())).toEqual([
			`${ORIGIN}/articles/a50000`,
			`${ORIGIN}/articles/a50001`,
		]);
		expect((await request(`/sitemaps/${month}-3.xml`)).status).toBe(404);
	});

	it("Should answer 404 for a sitemap that does not exist or a malformed name", async () => {
		for (const path of [
			"/sitemaps/1999-01.xml",
			"/sitemaps/2026-13.xml",
			"/sitemaps/0000-01.xml",
			"/sitemaps/x.xml",
			"/sitemaps/2026-11-0.xml",
		]) {
			expect((await request(path)).status, path).toBe(404);
		}
	});
});

describe("GET /news-sitemap.xml", () => {
	it("Should list only live articles from the last 48 hours, in Google News format", async () => {
		await publishMix();
		await putArticle("edge-inside", sampleArticle({ title: "Just inside", publishedAt: minutesAgo(48 * 60 - 1) }));
		await putArticle("edge-outside", sampleArticle({ title: "Just outside", publishedAt: minutesAgo(48 * 60 + 1) }));
		const xml = await (await request("/news-sitemap.xml")).text();
		assertWellFormed(xml);
		expect(xml).toContain('xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"');
		expect(locs(xml)).toEqual([
			`${ORIGIN}/articles/fresh-one`,
			`${ORIGIN}/articles/day-old`,
			`${ORIGIN}/articles/edge-inside`,
		]);
		expect(xml).toContain(
			"<news:publication><news:name>edgewire</news:name><news:language>en</news:language></news:publication>",
		);
		expect(xml).toContain("<news:title>Ports &amp; &lt;harbours&gt; &quot;today&quot;</news:title>");
		expect(xml).toMatch(/<news:publication_date>\d{4}-\d\d-\d\dT[\d:.]+Z<\/news:publication_date>/);
	});
});

describe("GET /robots.txt", () => {
	it("Should point crawlers at both sitemaps and keep them out of the JSON API", async () => {
		const response = await request("/robots.txt");
		expect(response.headers.get("content-type")).toBe("text/plain; charset=utf-8");
		const text = await response.text();
		expect(text).toContain("User-agent: *\nAllow: /\nDisallow: /api/\n");
		expect(text).toContain(`Sitemap: ${ORIGIN}/sitemap.xml\n`);
		expect(text).toContain(`Sitemap: ${ORIGIN}/news-sitemap.xml\n`);
	});
});
