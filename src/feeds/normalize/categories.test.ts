// An item's categories in each format, as keep and block rules read them (src/rules/).
import { describe, expect, it } from "vitest";
import { FEED_ITEM_CATEGORIES_MAX } from "../../schemas/feed-item";
import { parseOk } from "./adapter-contract";

const rss = (item: string) =>
	parseOk(
		`<?xml version="1.0"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>T</title><link>https://site.example/</link><item><title>One</title><link>https://site.example/1</link>${item}</item></channel></rss>`,
	).items[0];

describe("item categories", () => {
	it("Should read RSS categories and dc:subject, collapsed and without repeats", () => {
		const item = rss(
			'<category domain="x">Local  news</category><category>Sport</category><category>Sport</category><dc:subject>Harbour</dc:subject>',
		);
		expect(item?.categories).toEqual(["Local news", "Sport", "Harbour"]);
	});

	it("Should leave categories out when an item has none", () => {
		expect(rss("")).not.toHaveProperty("categories");
	});

	it(`Should keep at most ${FEED_ITEM_CATEGORIES_MAX} categories`, () => {
		const many = Array.from({ length: 80 }, (_, i) => `<category>c${i}</category>`).join("");
		expect(rss(many)?.categories).toHaveLength(FEED_ITEM_CATEGORIES_MAX);
	});

	it("Should read Atom categories by label, else term", () => {
		const feed = parseOk(
			`<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><id>urn:t</id><updated>2024-03-06T10:00:00Z</updated><entry><id>urn:1</id><title>One</title><link href="https://site.example/1"/><updated>2024-03-06T10:00:00Z</updated><category term="pol" label="Politics"/><category term="weather"/></entry></feed>`,
		);
		expect(feed.items[0]?.categories).toEqual(["Politics", "weather"]);
	});

	it("Should read JSON Feed tags", () => {
		const feed = parseOk(
			JSON.stringify({
				version: "https://jsonfeed.org/version/1.1",
				title: "T",
				items: [{ id: "1", url: "https://site.example/1", title: "One", tags: ["ports", "cranes"] }],
			}),
		);
		expect(feed.items[0]?.categories).toEqual(["ports", "cranes"]);
	});
});
