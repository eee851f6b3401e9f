import { describe, expect, it } from "vitest";
import { adapterContract, NOW, parseOk } from "./adapter-contract";
import { MICRO_JSON } from "./fixtures/realistic";

const json = (items: object[], extra: object = {}) =>
	JSON.stringify({
		version: "https://jsonfeed.org/version/1.1",
		title: "T",
		home_page_url: "https://site.example/",
		...extra,
		items,
	});
const one = (item: object, extra?: object) => parseOk(json([{ id: "1", ...item }], extra)).items[0];

adapterContract("json", {
	feeds: { micro: MICRO_JSON, minimal: json([{ id: "1", url: "https://site.example/1", title: "Hi" }]) },
	untitled: {
		feed: json([{ id: "1", url: "https://site.example/1", content_text: "Only text here." }]),
		title: "Only text here.",
	},
});

describe("json fields", () => {
	it.each([
		["url", { url: "https://site.example/a" }, "https://site.example/a"],
		["relative url against home_page_url", { url: "/a" }, "https://site.example/a"],
		["external_url when there is no url", { external_url: "https://else.example/" }, "https://else.example/"],
		[
			"url wins over external_url",
			{ url: "https://site.example/a", external_url: "https://else.example/" },
			"https://site.example/a",
		],
	])("Should read the link (%s)", (_case, item, link) => {
		expect(one({ title: "x", ...item })?.link).toBe(link);
	});

	it("Should keep the title as plain text", () => {
		expect(one({ title: "Less <than> & more", url: "https://site.example/a" })?.title).toBe("Less <than> & more");
	});

	it("Should turn content_text into escaped paragraphs", () => {
		expect(one({ url: "https://site.example/a", content_text: "a < b\n\nc" })?.contentHtml).toBe(
			"<p>a &lt; b</p><p>c</p>",
		);
	});

	it("Should prefer content_html and sanitize it", () => {
		const item = one({ url: "https://site.example/a", content_html: "<p onclick=x>hi</p>", content_text: "hi" });
		expect(item?.contentHtml).toBe("<p>hi</p>");
	});

	it("Should use item authors, else the feed's (JSON Feed 1.1), else the 1.0 author", () => {
		expect(
			one({ url: "https://site.example/a", authors: [{ name: "Item" }] }, { authors: [{ name: "Feed" }] })?.author,
		).toBe("Item");
		expect(one({ url: "https://site.example/a" }, { authors: [{ name: "Feed" }] })?.author).toBe("Feed");
		expect(one({ url: "https://site.example/a" }, { author: { name: "Legacy" } })?.author).toBe("Legacy");
	});

	it("Should coerce a numeric id to a string key", () => {
		expect(one({ id: 42, url: "https://site.example/a" })?.key).toBe("42");
	});

	it("Should read the realistic feed the way a reader would", () => {
		const result = parseOk(MICRO_JSON, "https://pat.example/feed.json");
		expect([result.title, result.link]).toEqual(["Pat's Microblog", "https://pat.example/"]);
		expect(result.items.map((i) => [i.key, i.title, i.link, i.author, i.dated])).toEqual([
			[
				"https://pat.example/2024/03/05/trains",
				"Trains & timetables",
				"https://pat.example/2024/03/05/trains",
				"Pat Lee",
				true,
			],
			[
				"20240304",
				"Just a note without a title. Second paragraph with <angle> brackets.",
				"https://pat.example/2024/03/04/note",
				"Guest",
				true,
			],
			["external-1", "Linked: a story elsewhere", "https://elsewhere.example/story", "Pat Lee", false],
		]);
		const [trains, note, linked] = result.items;
		expect(trains?.contentHtml).toBe("<p>The 7:42 was <em>on time</em>.</p>");
		expect([trains?.summary, trains?.publishedAt, trains?.updatedAt]).toEqual([
			"A rare on-time train.",
			"2024-03-05T12:50:00.000Z",
			"2024-03-05T13:10:00.000Z",
		]);
		expect(trains?.image).toEqual({ url: "https://pat.example/img/train.jpg", alt: "" });
		expect(note?.image?.url).toBe("https://pat.example/img/note.webp");
		expect(linked?.publishedAt).toBe(NOW.toISOString());
	});
});
