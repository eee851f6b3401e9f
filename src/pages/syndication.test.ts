import { describe, expect, it } from "vitest";
import { keys } from "../kv/keys";
import { expectValue, minutesBefore, ORIGIN, putRaw, readerAt, seed, storedArticle } from "./fixtures/records";
import { feedXml, newsSitemapXml, pagesSitemapXml } from "./syndication";

function locs(xml: string): string[] {
	return [...xml.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1]!);
}

const MIX = [
	storedArticle("scheduled", -30),
	storedArticle("fresh", 10, { section: "world" }),
	storedArticle("two-days", 48 * 60 + 1),
];

describe("the feed and the sitemaps", () => {
	it("Should put the live articles in the feed, newest first, dated by the newest", async () => {
		await seed(MIX);
		const xml = expectValue(await feedXml(readerAt("/feed.xml")));
		const ids = [...xml.matchAll(/<entry><id>([^<]*)<\/id>/g)].map((m) => m[1]);
		expect(ids).toEqual([`${ORIGIN}/articles/fresh`, `${ORIGIN}/articles/two-days`]);
		expect(xml).toContain(`<updated>${minutesBefore(10)}</updated>\n<author>`);
	});

	it("Should date an empty feed by its index", async () => {
		await seed([]);
		expect(expectValue(await feedXml(readerAt("/feed.xml")))).toContain(`<updated>${minutesBefore(0)}</updated>`);
	});

	it("Should list the home page and the sections in the pages sitemap", async () => {
		await seed(MIX);
		expect(locs(expectValue(await pagesSitemapXml(readerAt("/sitemaps/pages.xml"))))).toEqual([
			`${ORIGIN}/`,
			`${ORIGIN}/sections/business`,
			`${ORIGIN}/sections/world`,
		]);
	});

	it("Should list only the last 48 hours' live articles in the news sitemap", async () => {
		await seed(MIX);
		expect(locs(expectValue(await newsSitemapXml(readerAt("/news-sitemap.xml"))))).toEqual([
			`${ORIGIN}/articles/fresh`,
		]);
	});

	it("Should call every document unreadable when the index fails its schema", async () => {
		await putRaw(keys.headlines, "[]");
		const unreadable = { ok: false, error: { code: "page.unreadable" } };
		expect(await feedXml(readerAt("/feed.xml"))).toEqual(unreadable);
		expect(await pagesSitemapXml(readerAt("/sitemaps/pages.xml"))).toEqual(unreadable);
		expect(await newsSitemapXml(readerAt("/news-sitemap.xml"))).toEqual(unreadable);
	});
});
