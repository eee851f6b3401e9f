/**
 * @module The contract every format adapter meets, as a shared suite (Hono's `*.case.test.ts` pattern):
 * each format's test file calls `adapterContract` with its own feeds. Not a test file itself, so it never
 * runs alone.
 */
import * as v from "valibot";
import { describe, expect, it } from "vitest";
import { unsafeFindings } from "../../sanitize/reparse";
import { FeedItem } from "../../schemas/feed-item";
import { type FeedFormat, type FeedParseResult, type ParsedFeed, parseFeed } from "../index";
import { parseDocument } from "../parse";

export const NOW = new Date("2024-03-06T12:00:00Z");

export function parseText(text: string, url = "https://feeds.example/feed.xml", now = NOW): FeedParseResult {
	return parseFeed({ body: new TextEncoder().encode(text), url, now });
}

/** Parse and insist on success; the tests that use it are about items, not failures. */
export function parseOk(text: string, url?: string, now?: Date): ParsedFeed {
	const result = parseText(text, url, now);
	if (!result.ok) throw new Error(`expected a feed, got ${result.error.code}: ${result.error.detail}`);
	return result.value;
}

/** How many items the feed library read from `text`: what the adapter must account for, kept or dropped. */
function itemsRead(text: string): number {
	const doc = parseDocument(text);
	if (!doc.ok) throw new Error(`expected a document, got ${doc.error.code}`);
	const { value } = doc;
	return value.format === "atom" ? (value.feed.entries?.length ?? 0) : (value.feed.items?.length ?? 0);
}

export type ContractFeeds = {
	/** Feeds of this format, each with at least one item. */
	feeds: Record<string, string>;
	/** A feed whose only item has no title but has text, and the title it must get from that text. */
	untitled: { feed: string; title: string };
};

export function adapterContract(format: FeedFormat, { feeds, untitled }: ContractFeeds): void {
	describe(`${format} adapter contract`, () => {
		describe.each(Object.entries(feeds))("%s", (_name, text) => {
			const result = parseOk(text);

			it(`Should be read as ${format} and keep items`, () => {
				expect(result.format).toBe(format);
				expect(result.items.length).toBeGreaterThan(0);
			});

			it("Should emit only items that pass the FeedItem schema", () => {
				for (const item of result.items) expect(v.safeParse(FeedItem, item).issues).toBeUndefined();
			});

			it("Should emit absolute http(s) links and https images", () => {
				for (const item of result.items) {
					expect(item.link).toMatch(/^https?:\/\/[^/]/);
					if (item.image !== undefined) expect(item.image.url).toMatch(/^https:\/\//);
				}
			});

			it("Should give the same keys on a second parse, at another time", () => {
				const again = parseOk(text, undefined, new Date(NOW.getTime() + 3_600_000));
				expect(again.items.map((i) => i.key)).toEqual(result.items.map((i) => i.key));
			});

			it("Should give every item a distinct key", () => {
				const keys = result.items.map((i) => i.key);
				expect(new Set(keys).size).toBe(keys.length);
			});

			it("Should emit sanitized HTML only", async () => {
				for (const item of result.items) expect(await unsafeFindings(item.contentHtml)).toEqual([]);
			});

			it("Should account for every item it read: kept or dropped with a reason", () => {
				const read = itemsRead(text);
				// A feed read as empty would pass the rest vacuously.
				expect(read).toBeGreaterThan(0);
				expect(result.items.length + result.dropped.length).toBe(read);
				for (const d of result.dropped) expect(d.reason).not.toBe("");
			});
		});

		it("Should derive a title for an untitled item from its text", () => {
			const [item] = parseOk(untitled.feed).items;
			expect(item?.title).toBeTruthy();
			expect(item?.title.length).toBeLessThanOrEqual(120);
			expect(item?.title).toBe(untitled.title);
		});
	});
}
