import { describe, expect, it } from "vitest";
import { parseFeed } from "../feeds";
import { declaration, linkRels } from "./declared";

const NOW = new Date("2026-11-25T10:00:00Z");
const FEED = "https://site.example/feed.xml";

function documentHub(text: string, url = FEED) {
	const parsed = parseFeed({ body: new TextEncoder().encode(text), url, now: NOW });
	if (!parsed.ok) throw new Error(parsed.error.detail);
	return parsed.value.hub;
}

describe("linkRels", () => {
	it("Should read hub and self from a Link header, relative targets resolved, several rels in one", () => {
		expect(
			linkRels(
				'<https://hub.example/>; rel="hub", </feed.xml>; rel="self alternate"; type="application/atom+xml"',
				FEED,
			),
		).toEqual({ hub: "https://hub.example/", self: FEED });
		expect(linkRels("<https://hub.example/a>;rel=hub, <https://hub.example/b>; rel=hub", FEED)).toEqual({
			hub: "https://hub.example/a",
		});
	});

	it("Should skip targets that are not http(s) and links with other rels", () => {
		expect(linkRels('<javascript:alert(1)>; rel="hub", <https://x.example/>; rel="next"', FEED)).toEqual({});
		expect(linkRels("not a link header", FEED)).toEqual({});
	});

	it("Should read a long hostile header in linear time", () => {
		const started = Date.now();
		linkRels(`<${"<".repeat(100_000)}; rel=${'"'.repeat(100_000)}`, FEED);
		expect(Date.now() - started).toBeLessThan(500);
	});
});

describe("the hub a document declares", () => {
	it("Should read Atom's <link rel=hub> and rel=self", () => {
		const atom = `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><id>urn:a</id>
<link rel="hub" href="https://hub.example/"/><link rel="self" href="/atom.xml"/></feed>`;
		expect(documentHub(atom)).toEqual({ hub: "https://hub.example/", self: "https://site.example/atom.xml" });
	});

	it("Should read RSS's <atom:link rel=hub>", () => {
		const rss = `<?xml version="1.0"?><rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel>
<title>R</title><link>https://site.example/</link><description>R</description>
<atom:link rel="hub" href="https://pubsubhubbub.example/"/><atom:link rel="self" href="https://site.example/rss"/>
</channel></rss>`;
		expect(documentHub(rss)).toEqual({ hub: "https://pubsubhubbub.example/", self: "https://site.example/rss" });
	});

	it("Should read JSON Feed's WebSub hub and its feed_url", () => {
		const json = JSON.stringify({
			version: "https://jsonfeed.org/version/1.1",
			title: "J",
			feed_url: "https://site.example/feed.json",
			hubs: [
				{ type: "rssCloud", url: "https://cloud.example/" },
				{ type: "WebSub", url: "https://hub.example/" },
			],
			items: [],
		});
		expect(documentHub(json)).toEqual({ hub: "https://hub.example/", self: "https://site.example/feed.json" });
	});

	it("Should declare nothing for a feed without a hub", () => {
		const atom = `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><id>urn:a</id></feed>`;
		expect(documentHub(atom)).toBeUndefined();
	});
});

describe("declaration", () => {
	it("Should prefer the Link header's hub and self, then the document's, then the source URL as the topic", () => {
		const document = { hub: "https://doc-hub.example/", self: "https://site.example/self.xml" };
		const base = { sourceUrl: FEED, url: FEED };
		expect(declaration({ ...base, linkHeader: '<https://header-hub.example/>; rel="hub"', document })).toEqual({
			hub: "https://header-hub.example/",
			topic: "https://site.example/self.xml",
		});
		expect(declaration({ ...base, document })).toEqual({
			hub: "https://doc-hub.example/",
			topic: "https://site.example/self.xml",
		});
		expect(declaration({ ...base, document: { hub: "https://doc-hub.example/" } })).toEqual({
			hub: "https://doc-hub.example/",
			topic: FEED,
		});
		expect(declaration(base)).toBeUndefined();
	});
});
