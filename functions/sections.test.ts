// Section pages, the masthead's section list, and paging through older headlines with ?before=.
import { describe, expect, it } from "vitest";
import { LIST_PAGE_SIZE } from "../src/publishing/headline-pages";
import { getJson, minutesAgo, putArticle, request, sampleArticle } from "../test/helpers";
import { settleStore } from "../test/limits";

/** A page as a reader a second after the publishes sees it (the lists' trailing writes have landed). */
async function page(path: string) {
	await settleStore();
	const response = await request(path);
	return { status: response.status, text: await response.text() };
}

function listedSlugs(html: string): string[] {
	const list = /<ol class="headlines">(.*?)<\/ol>/s.exec(html)?.[1] ?? "";
	return [...list.matchAll(/<a href="\/articles\/([a-z0-9-]+)">/g)].map((m) => m[1]!);
}

function olderLink(html: string): string | undefined {
	return /<a href="([^"]*)" rel="next">Older headlines →<\/a>/.exec(html)?.[1]?.replaceAll("&amp;", "&");
}

describe("GET /sections/:section", () => {
	it("Should list only that section's live headlines, newest first, under its name", async () => {
		await putArticle(
			"tides-a",
			sampleArticle({ title: "Tide tables", section: "Coast Life", publishedAt: minutesAgo(5) }),
		);
		await putArticle(
			"tides-b",
			sampleArticle({ title: "Sea wall", section: "coast life", publishedAt: minutesAgo(50) }),
		);
		await putArticle(
			"tides-other",
			sampleArticle({ title: "Elsewhere", section: "sport", publishedAt: minutesAgo(6) }),
		);
		await putArticle(
			"tides-later",
			sampleArticle({ title: "Scheduled", section: "coast life", publishedAt: minutesAgo(-30) }),
		);
		const { status, text } = await page("/sections/coast-life");
		expect(status).toBe(200);
		// Named as its newest live article spells it ("Coast Life"); the two spellings are one section.
		expect(text).toContain('<h1 id="list-title" class="page-title">Coast Life</h1>');
		expect(text).toContain("<title>Coast Life | edgewire</title>");
		expect(listedSlugs(text)).toEqual(["tides-a", "tides-b"]);
		expect(text).toMatch(/<time datetime="[^"]+" data-age="">5 mins ago<\/time>/);
		expect(text).toContain('<link rel="canonical" href="http://edgewire.test/sections/coast-life"/>');
		// The masthead names the section and marks it as the current page.
		expect(text).toContain('<a href="/sections/coast-life" aria-current="page">Coast Life</a>');
		expect(text).toContain('<a href="/sections/sport">sport</a>');
	});

	it("Should link each article's section label to its section page", async () => {
		await putArticle("labelled", sampleArticle({ section: "coast life" }));
		expect((await page("/articles/labelled")).text).toContain(
			'<p class="section-label"><a href="/sections/coast-life">coast life</a></p>',
		);
	});

	it("Should answer 404 in the site's layout for a section with no live headlines", async () => {
		for (const path of ["/sections/no-such-section", "/sections/Bad_Section"]) {
			const { status, text } = await page(path);
			expect(status, path).toBe(404);
			expect(text).toContain("We couldn&#39;t find that section.");
			expect(text).toContain('<a class="brand" href="/">edgewire</a>');
		}
	});
});

describe("paging with ?before=", () => {
	it("Should walk the home page back through every live headline exactly once", async () => {
		const total = LIST_PAGE_SIZE * 2 + 5;
		// Pairs share a publication time, so the cursor must break ties by slug.
		const base = Date.now();
		for (let i = 0; i < total; i++) {
			await putArticle(
				`paged-${String(i).padStart(3, "0")}`,
				sampleArticle({
					title: `Paged ${i}`,
					publishedAt: minutesAgo(1000 + Math.floor(i / 2), base),
					section: "paging",
				}),
			);
		}
		const seen: string[] = [];
		let path: string | undefined = "/sections/paging";
		let pages = 0;
		while (path) {
			const { status, text } = await page(path);
			expect(status).toBe(200);
			seen.push(...listedSlugs(text));
			if (pages > 0) expect(text).toContain('<a href="/sections/paging">← Newest headlines</a>');
			path = olderLink(text);
			pages++;
		}
		expect(pages).toBe(3);
		expect(seen).toEqual(Array.from({ length: total }, (_, i) => `paged-${String(i).padStart(3, "0")}`));

		// Every section's headlines, newest first, as the JSON API lists them: the home page's two pages.
		const newest = (await getJson(`/api/headlines?limit=${LIST_PAGE_SIZE * 2}`)).body.headlines.map(
			(h: { slug: string }) => h.slug,
		);
		const home = await page("/");
		expect(listedSlugs(home.text)).toHaveLength(LIST_PAGE_SIZE);
		expect(listedSlugs(home.text)).toEqual(newest.slice(0, LIST_PAGE_SIZE));
		const older = olderLink(home.text)!;
		expect(older).toMatch(/^\/\?before=\d+-[a-z0-9-]+$/);
		const second = await page(older);
		expect(second.text).toContain('<h1 id="list-title" class="page-title">Older headlines</h1>');
		expect(listedSlugs(second.text)[0]).not.toBe(listedSlugs(home.text).at(-1));
		expect(listedSlugs(second.text)).toEqual(newest.slice(LIST_PAGE_SIZE, LIST_PAGE_SIZE * 2));
	});

	it("Should say so past the last page, and refuse a malformed cursor", async () => {
		const past = await page("/?before=1-a");
		expect(past.status).toBe(200);
		expect(past.text).toContain("No older headlines.");
		for (const bad of ["/?before=yesterday", "/?before=", "/sections/paging?before=12_x"]) {
			const { status, text } = await page(bad);
			expect(status, bad).toBe(400);
			expect(text).toContain("That page link isn&#39;t valid.");
		}
	});

	it("Should ignore unrelated query parameters such as campaign tags", async () => {
		expect((await page("/?utm_source=newsletter")).status).toBe(200);
	});
});
