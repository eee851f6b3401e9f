import { describe, expect, it } from "vitest";
import { parseDocument } from "./index";

describe("parseDocument", () => {
	it.each([
		["", "parse.empty"],
		["<!doctype html><html><head><title>Home</title></head></html>", "parse.not_a_feed"],
		["<opml version='2.0'><body/></opml>", "parse.unknown_format"],
		["Not XML at all", "parse.unknown_format"],
		['{"data": [1, 2]}', "parse.unknown_format"],
		['{"version": "https://jsonfeed.org/version/1", "items": [', "parse.malformed"],
		['<rss version="2.0"><channel><item><title><![CDATA[cut', "parse.malformed"],
		['<rss version="2.0"><channel><item><title>x</title></item>', "parse.malformed"],
	])("Should fail %j with %s", (text, code) => {
		const result = parseDocument(text);
		expect(!result.ok && result.error.code).toBe(code);
	});

	it.each([
		['<rss version="2.0"><channel><title>T</title></channel></rss>', "rss"],
		['<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title></feed>', "atom"],
		[
			'<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"><channel><title>T</title></channel></rdf:RDF>',
			"rdf",
		],
		['{"version": "https://jsonfeed.org/version/1.1", "title": "T", "items": []}', "json"],
	])("Should read %s", (text, format) => {
		const result = parseDocument(text);
		expect(result.ok && result.value.format).toBe(format);
	});

	it.each([
		"Warning: include(): failed on line 3<br />\n",
		"<br />\n<b>Notice</b>:  Undefined index: q in feed.php on line <b>9</b><br />\n",
	])("Should skip server junk before the XML declaration: %j", (junk) => {
		const result = parseDocument(
			`${junk}<?xml version="1.0"?><rss version="2.0"><channel><title>T</title></channel></rss>`,
		);
		expect(result.ok && result.value.format).toBe("rss");
	});

	it("Should treat a complete but empty root as an empty feed", () => {
		expect(parseDocument("<rss>\n</rss>")).toEqual({ ok: true, value: { format: "rss", feed: {} } });
	});

	it("Should complete a final end tag cut before its '>'", () => {
		const result = parseDocument(
			'<rss version="2.0"><channel><item><link>https://a.example/?a=1&amp;b=2</link></item></channel></rss',
		);
		expect(result.ok && result.value.format === "rss" && result.value.feed.items?.[0]?.link).toBe(
			"https://a.example/?a=1&b=2",
		);
	});

	it("Should substitute simple internal entities and never expands nested ones", () => {
		const doc = `<!DOCTYPE rss [
			<!ENTITY site "tag:news.example,">
			<!ENTITY lol "lol">
			<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
			<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
		]>
		<rss version="2.0"><channel><item><guid>&site;2024:1</guid><title>&lol3;</title></item></channel></rss>`;
		const result = parseDocument(doc);
		if (!result.ok || result.value.format !== "rss") throw new Error("expected RSS");
		expect(result.value.feed.items?.[0]?.guid?.value).toBe("tag:news.example,2024:1");
		expect(result.value.feed.items?.[0]?.title).toBe("&lol3;");
	});

	it("Should leave a doctype inside content alone", () => {
		const doc = `<rss version="2.0"><channel><item><description><![CDATA[<!DOCTYPE html><p>x</p>]]></description></item></channel></rss>`;
		const result = parseDocument(doc);
		expect(result.ok && result.value.format === "rss" && result.value.feed.items?.[0]?.description).toBe(
			"<!DOCTYPE html><p>x</p>",
		);
	});

	it("Should refuse external entities by never passing the DTD on", () => {
		const doc = `<!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]><rss version="2.0"><channel><item><title>&x;</title></item></channel></rss>`;
		const result = parseDocument(doc);
		expect(result.ok && result.value.format === "rss" && result.value.feed.items?.[0]?.title).toBe("&x;");
	});
});
