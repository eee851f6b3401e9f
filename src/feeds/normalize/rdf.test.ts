import { describe, expect, it } from "vitest";
import { adapterContract, parseOk } from "./adapter-contract";
import { SCIENCE_RDF } from "./fixtures/realistic";

const rdf = (items: string) =>
	`<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel rdf:about="https://site.example/rss"><title>T</title><link>https://site.example/</link></channel>${items}</rdf:RDF>`;

adapterContract("rdf", {
	feeds: {
		science: SCIENCE_RDF,
		minimal: rdf('<item rdf:about="urn:1"><title>Hi</title><link>https://site.example/hi</link></item>'),
	},
	untitled: {
		feed: rdf('<item rdf:about="https://site.example/n"><description>Only a description.</description></item>'),
		title: "Only a description.",
	},
});

describe("rdf fields", () => {
	it("Should key items by rdf:about and fall back to it as the link", () => {
		const [item] = parseOk(rdf('<item rdf:about="https://site.example/about"><title>x</title></item>')).items;
		expect([item?.key, item?.link]).toEqual(["https://site.example/about", "https://site.example/about"]);
	});

	it("Should read the RSS namespace bound to a prefix", () => {
		const doc = `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:rss="http://purl.org/rss/1.0/">
			<rss:channel rdf:about="https://site.example/"><rss:title>T</rss:title></rss:channel>
			<rss:item rdf:about="https://site.example/1"><rss:title>Prefixed</rss:title><rss:link>https://site.example/1</rss:link></rss:item></rdf:RDF>`;
		expect(parseOk(doc).items.map((i) => i.title)).toEqual(["Prefixed"]);
	});

	it("Should read the realistic feed the way a reader would", () => {
		const result = parseOk(SCIENCE_RDF, "https://science.example/rss");
		expect(result.title).toBe("Science Notes");
		expect(result.items.map((i) => [i.title, i.link, i.author, i.publishedAt])).toEqual([
			[
				"Tiny tardigrades survive the cold",
				"https://science.example/papers/101",
				"M. Okafor, L. Brandt",
				"2024-03-02T12:00:00.000Z",
			],
			["Soil microbes and rain", "https://science.example/papers/102", undefined, "2024-03-01T00:00:00.000Z"],
		]);
		expect(result.items[0]?.summary).toBe("They — again — shrugged it off.");
		expect(result.items[1]?.contentHtml).toBe("<p>Full text <sup>1</sup></p>");
	});
});
