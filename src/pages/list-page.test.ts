import { describe, expect, it } from "vitest";
import { keys } from "../kv/keys";
import { LIST_PAGE_SIZE } from "../publishing/headline-pages";
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
import { listPage } from "./list-page";

const slug = (i: number) => `story-${String(i).padStart(2, "0")}`;

describe("listPage", () => {
	it("Should list the newest live headlines with their ages, and link the next older page", async () => {
		await seed([
			storedArticle("scheduled", -5),
			...Array.from({ length: 35 }, (_, i) => storedArticle(slug(i), i + 1)),
		]);
		const page = expectValue(await listPage(readerAt("/"), {}));
		expect(listedSlugs(page.html)).toEqual(Array.from({ length: LIST_PAGE_SIZE }, (_, i) => slug(i)));
		expect(page.html).toContain('<h1 id="list-title" class="page-title">Latest headlines</h1>');
		expect(page.html).toContain(`<time datetime="${minutesBefore(1)}" data-age="">1 min ago</time>`);
		const last = Date.parse(minutesBefore(LIST_PAGE_SIZE));
		expect(page.html).toContain(`<a href="/?before=${last}-${slug(LIST_PAGE_SIZE - 1)}" rel="next">`);
		expect(page.etag).toMatch(/^"[0-9a-f]{40}"$/);
	});

	it("Should page back from a cursor to the last live headline, then say there are no more", async () => {
		await seed(Array.from({ length: 35 }, (_, i) => storedArticle(slug(i), i + 1)));
		const cursor = { publishedMs: Date.parse(minutesBefore(LIST_PAGE_SIZE)), slug: slug(LIST_PAGE_SIZE - 1) };
		const older = expectValue(
			await listPage(readerAt(`/?before=${cursor.publishedMs}-${cursor.slug}`), { before: cursor }),
		);
		expect(listedSlugs(older.html)).toEqual([30, 31, 32, 33, 34].map(slug));
		expect(older.html).toContain("<title>Older headlines | edgewire</title>");
		expect(older.html).not.toContain('rel="next"');
		const past = expectValue(await listPage(readerAt("/?before=1-a"), { before: { publishedMs: 1, slug: "a" } }));
		expect(past.html).toContain('<p class="empty">No older headlines.</p>');
	});

	it("Should list one section's headlines under its name, its masthead link marked current", async () => {
		await seed([
			storedArticle("coast-a", 5, { section: "coast life" }),
			storedArticle("sport-a", 6, { section: "sport" }),
			storedArticle("coast-b", 50, { section: "coast life" }),
		]);
		const page = expectValue(await listPage(readerAt("/sections/coast-life"), { section: "coast-life" }));
		expect(listedSlugs(page.html)).toEqual(["coast-a", "coast-b"]);
		expect(page.html).toContain('<h1 id="list-title" class="page-title">Coast life</h1>');
		expect(page.html).toContain('<a href="/sections/coast-life" aria-current="page">coast life</a>');
		expect(page.html).toContain('<meta name="description" content="The latest Coast life headlines from edgewire."/>');
	});

	it("Should find no section without live headlines, but keep an older page of one", async () => {
		await seed([storedArticle("later", -5, { section: "tides" })]);
		expect(await listPage(readerAt("/sections/tides"), { section: "tides" })).toEqual({
			ok: false,
			error: { code: "page.not_found" },
		});
		const older = await listPage(readerAt("/sections/tides?before=1-a"), {
			section: "tides",
			before: { publishedMs: 1, slug: "a" },
		});
		expect(expectValue(older).html).toContain("<title>Tides: older headlines | edgewire</title>");
	});

	it("Should serve the same render to the same address while the index and its ages hold", async () => {
		await seed([storedArticle("steady", 3 * 24 * 60)]);
		const first = expectValue(await listPage(readerAt("/?utm_source=x"), {}));
		const later = new Date(NOW.getTime() + 60 * 60_000);
		expect(expectValue(await listPage(readerAt("/?utm_source=x", later), {}))).toBe(first);
		await seed([storedArticle("steady", 3 * 24 * 60), storedArticle("fresh", 1)]);
		expect(listedSlugs(expectValue(await listPage(readerAt("/?utm_source=x"), {})).html)).toEqual(["fresh", "steady"]);
	});

	it("Should call an index that fails its schema unreadable", async () => {
		await putRaw(keys.headlines, "not json {");
		expect(await listPage(readerAt("/"), {})).toEqual({ ok: false, error: { code: "page.unreadable" } });
	});
});
