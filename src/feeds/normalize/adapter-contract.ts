/**
 * @module The contract every format adapter meets, as a shared suite (Hono's `*.case.test.ts` pattern):
 * each format's test file calls `adapterContract` with its own feeds. Not a test file itself, so it never
 * runs alone.
 */
import * as v from "valibot";
import { describe, expect, it } from "vitest";
import { unsafeFindings } from "../../sanitize/reparse";
import { FeedItem } from "../../schemas/feed-item";
import { type FeedFormat, type FeedParseResult, parseFeed } from "../index";

export const NOW = new Date("2024-03-06T12:00:00Z");

export function parseText(text: string, url = "https://feeds.example/feed.xml", now = NOW): FeedParseResult {
	return parseFeed({ body: new TextEncoder().encode(text), url, now });
}

/** Parse and insist on success; the tests that use it are about items, not failures. */
export function parseOk(text: string, url?: string, now?: Date) {
	const result = parseText(text, url, now);
	if (!result.ok) throw new Error(`expected a feed, got ${result.error.code}: ${result.error.detail}`);
	return result;
}

export type ContractFeeds = {
	/** Feeds of this format, each with at least one item. */
	feeds: Record<string, string>;
	/** A feed whose only item has no title but has text. */
	untitled: string;
};

export function adapterContract(format: FeedFormat, { feeds, untitled }: ContractFeeds): void {
	describe(`${format} adapter contract`, () => {
		describe.each(Object.entries(feeds))("%s", (_name, text) => {
			const result = parseOk(text);

			it(`is read as ${format} and keeps items`, () => {
				expect(result.format).toBe(format);
				expect(result.items.length).toBeGreaterThan(0);
			});

			it("emits only items that pass the FeedItem schema", () => {
				for (const item of result.items) expect(v.safeParse(FeedItem, item).issues).toBeUndefined();
			});

			it("emits absolute http(s) links and https images", () => {
				for (const item of result.items) {
					expect(item.link).toMatch(/^https?:\/\/[^/]/);
					if (item.image !== undefined) expect(item.image.url).toMatch(/^https:\/\//);
				}
			});

			it("gives the same keys on a second parse, at another time", () => {
				const again = parseOk(text, undefined, new Date(NOW.getTime() + 3_600_000));
				expect(again.items.map((i) => i.key)).toEqual(result.items.map((i) => i.key));
			});

			it("gives every item a distinct key", () => {
				const keys = result.items.map((i) => i.key);
				expect(new Set(keys).size).toBe(keys.length);
			});

			it("emits sanitized HTML only", async () => {
				for (const item of result.items) expect(await unsafeFindings(item.contentHtml)).toEqual([]);
			});

			it("accounts for every item it read: kept or dropped with a reason", () => {
				for (const d of result.dropped) expect(d.reason).not.toBe("");
			});
		});

		it("derives a title for an untitled item from its text", () => {
			const [item] = parseOk(untitled).items;
			expect(item?.title).toBeTruthy();
			expect(item?.title.length).toBeLessThanOrEqual(120);
		});
	});
}
