import { describe, expect, it } from "vitest";
import { adapterContract, parseOk } from "./adapter-contract";
import { NEWS_RSS } from "./fixtures/realistic";

const rss = (items: string, channel = "<title>T</title><link>https://site.example/</link>") =>
	`<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/"><channel>${channel}${items}</channel></rss>`;
const one = (item: string, channel?: string) => parseOk(rss(`<item>${item}</item>`, channel)).items[0];

adapterContract("rss", {
	feeds: {
		news: NEWS_RSS,
		minimal: rss("<item><title>Hi</title><link>https://site.example/hi</link></item>"),
	},
	untitled: {
		feed: rss("<item><link>https://site.example/n</link><description>Only a description here.</description></item>"),
		title: "Only a description here.",
	},
});

describe("rss fields", () => {
	it.each([
		["CDATA title with markup", "<title><![CDATA[A <b>bold</b> claim]]></title>", "A bold claim"],
		["entity-escaped markup", "<title>A &lt;b&gt;bold&lt;/b&gt; claim</title>", "A bold claim"],
		["HTML named entities", "<title>Caf&eacute; &amp; bar&hellip;</title>", "Café & bar…"],
		["double-escaped entity", "<title>Tom &amp;amp; Jerry</title>", "Tom & Jerry"],
		["numeric references", "<title>&#8220;Quoted&#x201D;</title>", "“Quoted”"],
		["collapsed whitespace", "<title>\n  Two\n\tlines  </title>", "Two lines"],
		["dc:title when no title", "<dc:title>From Dublin Core</dc:title>", "From Dublin Core"],
	])("Should read the title (%s)", (_case, xml, title) => {
		expect(one(`${xml}<link>https://site.example/x</link>`)?.title).toBe(title);
	});

	it.each([
		["absolute link", "<link>https://site.example/a</link>", "https://site.example/a"],
		["relative link against the channel link", "<link>/a/b</link>", "https://site.example/a/b"],
		[
			"link wins over a permalink guid",
			"<link>https://site.example/l</link><guid>https://site.example/g</guid>",
			"https://site.example/l",
		],
		["permalink guid without link", "<guid>https://site.example/g</guid>", "https://site.example/g"],
		["decoded ampersands", "<link>https://site.example/?a=1&amp;b=2</link>", "https://site.example/?a=1&b=2"],
		["whitespace around the link", "<link>\n  https://site.example/ws  \n</link>", "https://site.example/ws"],
	])("Should read the link (%s)", (_case, xml, link) => {
		expect(one(xml)?.link).toBe(link);
	});

	it("Should resolve against xml:base before the channel link", () => {
		const doc = `<rss version="2.0" xml:base="https://base.example/dir/"><channel><link>https://site.example/</link><item><title>x</title><link>page</link></item></channel></rss>`;
		expect(parseOk(doc).items[0]?.link).toBe("https://base.example/dir/page");
	});

	it("Should resolve against the feed URL when the channel has no link", () => {
		const doc = `<rss version="2.0"><channel><item><title>x</title><link>../up</link></item></channel></rss>`;
		expect(parseOk(doc, "https://feeds.example/a/b/rss.xml").items[0]?.link).toBe("https://feeds.example/a/up");
	});

	it.each([
		["guid isPermaLink=false is never the link", '<guid isPermaLink="false">https://site.example/g</guid>'],
		["a non-URL guid is not a link", "<guid>item-42</guid>"],
		["javascript: links are not links", "<link>javascript:alert(1)</link>"],
	])("Should drop the item (%s)", (_case, xml) => {
		const result = parseOk(rss(`<item><title>x</title>${xml}</item>`));
		expect(result.items).toEqual([]);
		expect(result.dropped).toEqual([{ index: 0, reason: "no usable link" }]);
	});

	it.each([
		["guid", "<guid isPermaLink='false'>id-1</guid><link>https://site.example/a</link>", "id-1"],
		["link when no guid", "<link>https://site.example/a</link>", "https://site.example/a"],
	])("Should read the key (%s)", (_case, xml, key) => {
		expect(one(xml)?.key).toBe(key);
	});

	it("Should drop a later item with a duplicate key", () => {
		const item = "<item><title>x</title><guid>https://site.example/same</guid></item>";
		expect(parseOk(rss(item + item)).dropped).toEqual([
			{ index: 1, reason: "duplicate key https://site.example/same" },
		]);
	});

	it.each([
		["pubDate", "<pubDate>Tue, 05 Mar 2024 09:30:00 GMT</pubDate>", "2024-03-05T09:30:00.000Z", true],
		["dc:date", "<dc:date>2024-03-05T09:30:00+01:00</dc:date>", "2024-03-05T08:30:00.000Z", true],
		["unparseable pubDate falls back to now", "<pubDate>soon</pubDate>", "2024-03-06T12:00:00.000Z", false],
		["no date falls back to now", "", "2024-03-06T12:00:00.000Z", false],
		[
			"a few minutes ahead is clamped to now",
			"<pubDate>Wed, 06 Mar 2024 12:05:00 GMT</pubDate>",
			"2024-03-06T12:00:00.000Z",
			true,
		],
		["far future is absurd", "<pubDate>Wed, 06 Mar 2024 13:00:00 GMT</pubDate>", "2024-03-06T12:00:00.000Z", false],
		[
			"the Unix epoch is a placeholder",
			"<pubDate>Thu, 01 Jan 1970 00:00:00 GMT</pubDate>",
			"2024-03-06T12:00:00.000Z",
			false,
		],
	])("Should read the date (%s)", (_case, xml, publishedAt, dated) => {
		const item = one(`<title>x</title><link>https://site.example/d</link>${xml}`);
		expect({ publishedAt: item?.publishedAt, dated: item?.dated }).toEqual({ publishedAt, dated });
	});

	it.each([
		["dc:creator", "<dc:creator>Ana Ruiz</dc:creator>", "Ana Ruiz"],
		["several dc:creator", "<dc:creator>A</dc:creator><dc:creator>B</dc:creator>", "A, B"],
		["author with email", "<author>desk@site.example (City Desk)</author>", "City Desk"],
		["a bare email is not a name", "<author>desk@site.example</author>", undefined],
	])("Should read the author (%s)", (_case, xml, author) => {
		expect(one(`<title>x</title><link>https://site.example/a</link>${xml}`)?.author).toBe(author);
	});

	it("Should use content:encoded as the body and the description as the summary", () => {
		const item = one(
			"<title>x</title><link>https://site.example/a</link><description>&lt;p&gt;Short&lt;/p&gt;</description><content:encoded><![CDATA[<p>Long <a href='/more'>more</a></p>]]></content:encoded>",
		);
		expect(item?.summary).toBe("Short");
		expect(item?.contentHtml).toBe('<p>Long <a href="https://site.example/more" rel="noopener nofollow">more</a></p>');
	});

	it("Should use the description as the body when there is no content:encoded", () => {
		const item = one(
			"<title>x</title><link>https://site.example/a</link><description><p>Naked <b>markup</b></p></description>",
		);
		expect(item?.contentHtml).toBe("<p>Naked <b>markup</b></p>");
	});

	it("Should truncate a long summary at a word boundary", () => {
		const item = one(
			`<title>x</title><link>https://site.example/a</link><description>${"word ".repeat(100)}</description>`,
		);
		expect(item?.summary?.length).toBeLessThanOrEqual(300);
		expect(item?.summary).toMatch(/word…$/);
	});

	it.each([
		[
			"media:content image",
			'<media:content url="https://i.example/a.jpg" medium="image" width="800" height="600"/>',
			{ url: "https://i.example/a.jpg", alt: "", width: 800, height: 600 },
		],
		[
			"largest media:content first",
			'<media:content url="https://i.example/s.jpg" type="image/jpeg" width="100"/><media:content url="https://i.example/l.jpg" type="image/jpeg" width="900"/>',
			{ url: "https://i.example/l.jpg", alt: "" },
		],
		[
			"media:thumbnail",
			'<media:thumbnail url="https://i.example/t.jpg"/>',
			{ url: "https://i.example/t.jpg", alt: "" },
		],
		[
			"image enclosure",
			'<enclosure url="https://i.example/e.png" type="image/png" length="1"/>',
			{ url: "https://i.example/e.png", alt: "" },
		],
		[
			"media:title is the alt",
			'<media:content url="https://i.example/a.jpg" medium="image"><media:title>A heron</media:title></media:content>',
			{ url: "https://i.example/a.jpg", alt: "A heron" },
		],
		[
			"http images are dropped, not upgraded",
			'<media:content url="http://i.example/a.jpg" medium="image"/>',
			undefined,
		],
		[
			"audio enclosures are not images",
			'<enclosure url="https://i.example/a.mp3" type="audio/mpeg" length="1"/>',
			undefined,
		],
	])("Should read the image (%s)", (_case, xml, image) => {
		expect(one(`<title>x</title><link>https://site.example/a</link>${xml}`)?.image).toEqual(image);
	});

	it("Should read the realistic feed the way a reader would", () => {
		const result = parseOk(NEWS_RSS, "https://daily.example/rss");
		expect(result.title).toBe("The Daily Wire & Co.");
		expect(result.link).toBe("https://daily.example/");
		expect(result.items.map((i) => [i.key, i.title, i.link])).toEqual([
			["daily-4411", "Council approves new bridge — at last", "https://daily.example/news/2024/03/bridge"],
			[
				"https://daily.example/?p=4410",
				"Café owners “relieved” as rents freeze",
				"https://daily.example/news/2024/03/rents",
			],
			[
				"https://daily.example/notes/88",
				"A short note without a title, about the weather turning at last after a long grey week in the valley.",
				"https://daily.example/notes/88",
			],
			["https://daily.example/sport/roundup", "Sports roundup", "https://daily.example/sport/roundup"],
		]);
		expect(result.dropped).toEqual([{ index: 3, reason: "no usable link" }]);
		const [bridge, cafe] = result.items;
		expect(bridge?.contentHtml).toBe(
			'<p>The council voted 7–2.</p><p><img src="https://daily.example/img/bridge.jpg" alt="The old bridge" width="800" height="450" loading="lazy"></p><p>Read <a href="https://daily.example/news/2023/11/plans" rel="noopener nofollow">the plans</a>.</p>',
		);
		expect(bridge?.image).toEqual({
			url: "https://cdn.daily.example/img/bridge-1200.jpg",
			alt: "The old bridge at dusk",
			width: 1200,
			height: 675,
		});
		expect(bridge?.author).toBe("Ana Ruiz");
		expect(cafe?.publishedAt).toBe("2024-03-04T17:05:00.000Z");
		expect(cafe?.summary).toBe("Owners of small cafés say the freeze buys them a year.");
		expect(result.items[3]?.dated).toBe(false);
	});
});
