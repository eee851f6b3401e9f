import fc from "fast-check";
import * as v from "valibot";
import { describe, expect, it } from "vitest";
import { unsafeFindings } from "../sanitize/reparse";
import { FeedItem } from "../schemas/feed-item";
import { CHARSET_FIXTURES } from "./fixtures/charsets";
import { type FeedParseResult, parseFeed } from "./index";
import { NOW, parseText } from "./normalize/adapter-contract";
import { BLOG_ATOM, MICRO_JSON, NEWS_RSS, SCIENCE_RDF } from "./normalize/fixtures/realistic";

const URL = "https://feeds.example/feed";
const parseBytes = (body: Uint8Array, contentType?: string) => parseFeed({ body, url: URL, contentType, now: NOW });

/** Whatever came in: a result, never a throw; valid items; safe HTML. */
async function expectWellBehaved(result: FeedParseResult): Promise<void> {
	if (!result.ok) {
		expect(result.error.stage).toBe("parse");
		expect(result.error.code).toMatch(/^parse\.[a-z_]+$/);
		expect(result.error.code).not.toBe("parse.internal");
		return;
	}
	for (const item of result.value.items) {
		expect(v.safeParse(FeedItem, item).issues).toBeUndefined();
		expect(await unsafeFindings(item.contentHtml)).toEqual([]);
	}
}

describe("parseFeed", () => {
	it.each([
		["rss", NEWS_RSS],
		["atom", BLOG_ATOM],
		["rdf", SCIENCE_RDF],
		["json", MICRO_JSON],
	])("Should detect %s from the content, whatever the content type says", (format, text) => {
		const result = parseFeed({ body: new TextEncoder().encode(text), url: URL, contentType: "text/plain", now: NOW });
		expect(result.ok && result.value.format).toBe(format);
	});

	it.each(Object.entries(CHARSET_FIXTURES))("Should decode the %s fixture end to end", (_name, fixture) => {
		const result = parseBytes(fixture.bytes, "contentType" in fixture ? fixture.contentType : undefined);
		expect(result.ok && result.value.items.map((i) => i.title)).toEqual([fixture.title]);
	});

	it.each([
		["", "parse.empty"],
		["<!DOCTYPE html><html><body><p>Welcome</p></body></html>", "parse.not_a_feed"],
		["<?xml version='1.0'?><opml version='2.0'></opml>", "parse.unknown_format"],
		['<rss version="2.0"><channel><item><title>cut', "parse.malformed"],
		['{"version":"https://jsonfeed.org/version/1.1","items":[{"id":"1",', "parse.malformed"],
	])("Should fail %j cleanly with %s", (text, code) => {
		const result = parseText(text);
		expect(!result.ok && result.error.code).toBe(code);
	});

	it("Should turn a bug into parse.internal instead of throwing", () => {
		const result = parseFeed({ body: null as unknown as Uint8Array, url: URL, now: NOW });
		expect(!result.ok && result.error.code).toBe("parse.internal");
	});

	it("Should read at most maxItems items", () => {
		const items = Array.from(
			{ length: 30 },
			(_, i) => `<item><title>${i}</title><link>https://s.example/${i}</link></item>`,
		);
		const result = parseFeed({
			body: new TextEncoder().encode(`<rss version="2.0"><channel>${items.join("")}</channel></rss>`),
			url: URL,
			now: NOW,
			maxItems: 5,
		});
		expect(result.ok && result.value.items.map((i) => i.title)).toEqual(["0", "1", "2", "3", "4"]);
	});

	it("Should keep a feed of 100 ordinary items whole", () => {
		const item = (i: number) =>
			`<item><title>Story ${i} &amp; more</title><link>https://s.example/${i}</link><guid isPermaLink="false">s-${i}</guid><pubDate>Tue, 05 Mar 2024 09:${String(i % 60).padStart(2, "0")}:00 GMT</pubDate><description><![CDATA[<p>Paragraph ${i} with <a href="/x">a link</a>.</p>]]></description></item>`;
		const text = `<rss version="2.0"><channel><title>Big</title><link>https://s.example/</link>${Array.from({ length: 100 }, (_, i) => item(i)).join("")}</channel></rss>`;
		const result = parseText(text);
		expect(result.ok && [result.value.items.length, result.value.dropped.length]).toEqual([100, 0]);
	});
});

describe("hostile and broken input", () => {
	it("Should not expand nested DOCTYPE entities (billion laughs)", async () => {
		const levels = Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`).join("");
		const doc = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol0 "lol">${levels}]><rss version="2.0"><channel><item><title>&lol9;</title><link>https://s.example/1</link></item></channel></rss>`;
		const result = parseText(doc);
		await expectWellBehaved(result);
		expect(result.ok && result.value.items[0]?.title).toBe("&lol9;");
	});

	it("Should bound many references to one internal entity", async () => {
		const doc = `<!DOCTYPE rss [<!ENTITY big "${"x".repeat(1000)}">]><rss version="2.0"><channel><item><title>t</title><link>https://s.example/1</link><description>${"&big;".repeat(5000)}</description></item></channel></rss>`;
		const result = parseText(doc);
		await expectWellBehaved(result);
		expect(result.ok && result.value.items[0]?.contentHtml.length).toBeLessThan(300 * 1024);
	});

	it("Should survive deeply nested XML", async () => {
		const doc = `<rss version="2.0"><channel><item><title>t</title><link>https://s.example/1</link>${"<x>".repeat(20000)}${"</x>".repeat(20000)}</item></channel></rss>`;
		await expectWellBehaved(parseText(doc));
	});

	it("Should survive deeply nested HTML in content", async () => {
		const html = `${"<div><b>".repeat(5000)}deep${"</b></div>".repeat(5000)}`;
		const doc = `<rss version="2.0"><channel><item><title>t</title><link>https://s.example/1</link><description><![CDATA[${html}]]></description></item></channel></rss>`;
		const result = parseText(doc);
		await expectWellBehaved(result);
		expect(result.ok && result.value.items[0]?.contentHtml).toContain("deep");
	});

	it("Should survive deeply nested JSON", async () => {
		await expectWellBehaved(parseText(`{"items":${"[".repeat(5000)}${"]".repeat(5000)}}`));
	});

	it("Should never throw on binary garbage", async () => {
		await fc.assert(
			fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), async (bytes) => {
				await expectWellBehaved(parseBytes(bytes));
			}),
			{ numRuns: 200 },
		);
	});

	it("Should never throw on truncated feeds", async () => {
		const feeds = [NEWS_RSS, BLOG_ATOM, SCIENCE_RDF, MICRO_JSON].map((t) => new TextEncoder().encode(t));
		await fc.assert(
			fc.asyncProperty(fc.constantFrom(...feeds), fc.nat(), async (bytes, cut) => {
				await expectWellBehaved(parseBytes(bytes.subarray(0, cut % (bytes.length + 1))));
			}),
			{ numRuns: 200 },
		);
	});

	it("Should never throw on mutated feeds, and never let injected markup through", async () => {
		const injections = [
			"<script>alert(1)</script>",
			"<![CDATA[<img src=x onerror=alert(1)>]]>",
			"&lt;script&gt;alert(1)&lt;/script&gt;",
			'<a href="javascript:alert(1)">x</a>',
			"&#0;&#xD800;&bogus;&",
			"]]>",
			"<!--",
			"<item>",
			"</channel>",
			'"',
			"\u0000\uFFFF",
		];
		await fc.assert(
			fc.asyncProperty(
				fc.constantFrom(NEWS_RSS, BLOG_ATOM, SCIENCE_RDF, MICRO_JSON),
				fc.array(fc.tuple(fc.nat(), fc.nat({ max: 40 }), fc.constantFrom(...injections)), { maxLength: 5 }),
				async (text, edits) => {
					let mutated = text;
					for (const [at, remove, insert] of edits) {
						const i = at % (mutated.length + 1);
						mutated = mutated.slice(0, i) + insert + mutated.slice(i + remove);
					}
					await expectWellBehaved(parseText(mutated));
				},
			),
			{ numRuns: 200 },
		);
	});
});
