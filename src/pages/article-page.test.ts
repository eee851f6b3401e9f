import { describe, expect, it } from "vitest";
import { keys } from "../kv/keys";
import { RAIL_HEADLINES } from "../publishing/headline-pages";
import { articlePage } from "./article-page";
import {
	expectValue,
	listedSlugs,
	minutesBefore,
	NOW,
	putRaw,
	readerAt,
	seed,
	storedArticle,
} from "./fixtures/records";

describe("articlePage", () => {
	it("Should show the live article beside the newest other live headlines, ten at most", async () => {
		const others = Array.from({ length: 12 }, (_, i) => storedArticle(`other-${i}`, 40 + i));
		await seed([storedArticle("the-story", 30, { title: "Cranes return" }), ...others, storedArticle("not-yet", -5)]);
		const page = expectValue(await articlePage(readerAt("/articles/the-story"), "the-story"));
		expect(page.html).toContain("<h1>Cranes return</h1>");
		expect(page.html).toContain(`<time datetime="${minutesBefore(30)}" data-age="">30 mins ago</time>`);
		expect(listedSlugs(page.html)).toEqual(others.slice(0, RAIL_HEADLINES).map((a) => a.slug));
		expect(page.html).toContain('<link rel="canonical" href="https://edgewire.test/articles/the-story"/>');
		expect(page.html).toContain('<a href="/sections/business" aria-current="page">business</a>');
		expect(page.etag).toMatch(/^"[0-9a-f]{40}"$/);
	});

	it("Should leave the article itself out of its rail, however new it is", async () => {
		await seed([storedArticle("newest", 1), storedArticle("older", 2)]);
		const page = expectValue(await articlePage(readerAt("/articles/newest"), "newest"));
		expect(listedSlugs(page.html)).toEqual(["older"]);
	});

	it("Should serve the same render while its ages hold, and render again once one changes", async () => {
		await seed([storedArticle("steady", 30), storedArticle("beside", 45)]);
		const at = (ms: number) => articlePage(readerAt("/articles/steady", new Date(NOW.getTime() + ms)), "steady");
		const first = expectValue(await at(0));
		// 59 s later every label still reads the same; at 60 s, "30 mins ago" becomes "31 mins ago".
		expect(expectValue(await at(59_000))).toBe(first);
		const later = expectValue(await at(60_000));
		expect(later.html).toContain("31 mins ago");
		expect(later.etag).not.toBe(first.etag);
	});

	it("Should find no article that is absent or scheduled for later", async () => {
		await seed([storedArticle("scheduled", -10)]);
		expect(await articlePage(readerAt("/articles/absent"), "absent")).toEqual({
			ok: false,
			error: { code: "page.not_found" },
		});
		expect(await articlePage(readerAt("/articles/scheduled"), "scheduled")).toEqual({
			ok: false,
			error: { code: "page.not_found" },
		});
	});

	it("Should call a record that fails its schema unreadable", async () => {
		await seed([]);
		await putRaw(keys.article("broken"), '{"slug":"broken","title":42}');
		expect(await articlePage(readerAt("/articles/broken"), "broken")).toEqual({
			ok: false,
			error: { code: "page.unreadable" },
		});
	});

	it("Should still show the article, without a rail or sections and uncached, when the index is unreadable", async () => {
		await seed([storedArticle("alone", 30, { title: "Still readable" }), storedArticle("lost", 40)]);
		await putRaw(keys.headlines, '{"headlines":"not a list"}');
		const page = expectValue(await articlePage(readerAt("/articles/alone"), "alone"));
		expect(page.html).toContain("<h1>Still readable</h1>");
		expect(page.html).toContain('<ol class="headlines"></ol>');
		expect(page.etag).toBeUndefined();
	});
});
