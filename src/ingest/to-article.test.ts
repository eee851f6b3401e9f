import { describe, expect, it } from "vitest";
import type { FeedItem } from "../schemas/feed-item";
import { slugBase, toArticle, uniqueSlug } from "./to-article";

const SOURCE = {
	id: "harbour-gazette",
	url: "https://gazette.example/feed.xml",
	name: "Harbour Gazette",
	section: "business",
};

function item(overrides: Partial<FeedItem> = {}): FeedItem {
	return {
		key: "urn:gazette:1001",
		title: "Cranes return to the east quay",
		link: "https://gazette.example/news/cranes",
		publishedAt: "2026-11-24T08:00:00.000Z",
		dated: true,
		contentHtml: "<p>The cranes are back.</p>",
		...overrides,
	};
}

describe("slugBase", () => {
	it.each([
		{ title: "Cranes return to the east quay", slug: "cranes-return-to-the-east-quay" },
		{ title: "Ports & Harbours: Crane #2 returns!", slug: "ports-harbours-crane-2-returns" },
		{ title: "Café owners cheer Zürich's new rules", slug: "cafe-owners-cheer-zurichs-new-rules" },
		{ title: "  --  ", slug: "item" },
		{ title: "Новости дня", slug: "item" },
		{ title: `${"word ".repeat(40)}end`, slug: Array(16).fill("word").join("-") },
	])("Should turn $title into $slug", ({ title, slug }) => {
		expect(slugBase(title)).toBe(slug);
	});

	it("Should cut a single overlong word rather than return nothing", () => {
		expect(slugBase("a".repeat(200))).toBe("a".repeat(80));
	});
});

describe("uniqueSlug", () => {
	it("Should number the base until it finds a free slug", () => {
		const taken = new Set(["cranes", "cranes-2"]);
		expect(uniqueSlug("cranes", (s) => taken.has(s))).toBe("cranes-3");
		expect(uniqueSlug("ferries", (s) => taken.has(s))).toBe("ferries");
	});
});

describe("toArticle", () => {
	it("Should map every field the article shows", () => {
		const result = toArticle(
			item({
				author: "Ines Marlow",
				summary: "The port's last two cranes are back.",
				updatedAt: "2026-11-24T09:00:00.000Z",
				image: { url: "https://gazette.example/img/cranes.jpg", alt: "Two cranes", width: 1200, height: 800 },
			}),
			SOURCE,
			"cranes-return-to-the-east-quay",
		);
		expect(result).toEqual({
			ok: true,
			value: {
				slug: "cranes-return-to-the-east-quay",
				title: "Cranes return to the east quay",
				dek: "The port's last two cranes are back.",
				section: "business",
				author: { name: "Ines Marlow" },
				publishedAt: "2026-11-24T08:00:00.000Z",
				updatedAt: "2026-11-24T09:00:00.000Z",
				body: "",
				bodyHtml: "<p>The cranes are back.</p>",
				sourceUrl: "https://gazette.example/news/cranes",
				source: "Harbour Gazette",
				image: { url: "https://gazette.example/img/cranes.jpg", alt: "Two cranes", width: 1200, height: 800 },
				origin: { sourceId: "harbour-gazette", itemKey: "urn:gazette:1001" },
			},
		});
	});

	it("Should leave out what the item and source do not have", () => {
		const result = toArticle(item(), { id: "wire", url: "https://wire.example/rss", name: "Wire" }, "cranes");
		expect(result.ok && Object.keys(result.value).sort()).toEqual(
			["body", "bodyHtml", "origin", "publishedAt", "slug", "source", "sourceUrl", "title"].sort(),
		);
	});

	it("Should keep a first-seen time the caller passes instead of the item's", () => {
		const result = toArticle(item({ dated: false }), SOURCE, "cranes", "2026-11-20T00:00:00.000Z");
		expect(result.ok && result.value.publishedAt).toBe("2026-11-20T00:00:00.000Z");
	});

	it("Should not repeat the title as the dek", () => {
		const result = toArticle(item({ summary: "Cranes return to the east quay" }), SOURCE, "cranes");
		expect(result.ok && result.value.dek).toBeUndefined();
	});

	it("Should refuse an item the article schema would not store", () => {
		expect(toArticle(item({ link: "ftp://gazette.example/x" }), SOURCE, "cranes")).toEqual({
			ok: false,
			error: "sourceUrl: must be an absolute http or https URL",
		});
	});
});
