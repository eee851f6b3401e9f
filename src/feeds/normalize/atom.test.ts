import { describe, expect, it } from "vitest";
import { adapterContract, parseOk } from "./adapter-contract";
import { BLOG_ATOM } from "./fixtures/realistic";

const atom = (entries: string, head = '<title>T</title><link href="https://site.example/"/><id>urn:t</id>') =>
	`<feed xmlns="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/">${head}${entries}</feed>`;
const one = (entry: string, head?: string) => parseOk(atom(`<entry><id>urn:e</id>${entry}</entry>`, head)).items[0];

adapterContract("atom", {
	feeds: {
		blog: BLOG_ATOM,
		minimal: atom('<entry><id>urn:1</id><title>Hi</title><link href="https://site.example/hi"/></entry>'),
	},
	untitled: {
		feed: atom(
			'<entry><id>urn:1</id><link href="https://site.example/n"/><summary>Only a summary to go on.</summary></entry>',
		),
		title: "Only a summary to go on.",
	},
});

describe("atom fields", () => {
	it.each([
		["type=text keeps angle brackets", "<title>History of the &lt;blink&gt; tag</title>", "History of the <blink> tag"],
		["type=html strips markup", '<title type="html">Example &lt;b&gt;Atom&lt;/b&gt;</title>', "Example Atom"],
		[
			"type=xhtml strips markup",
			'<title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">Example <b>Atom</b></div></title>',
			"Example Atom",
		],
		["type=html decodes entities twice", '<title type="html">AT&amp;amp;T</title>', "AT&T"],
	])("Should read the title (%s)", (_case, xml, title) => {
		expect(one(`${xml}<link href="https://site.example/x"/>`)?.title).toBe(title);
	});

	it.each([
		["a link without rel is the alternate", '<link href="https://site.example/a"/>', "https://site.example/a"],
		[
			"the HTML alternate wins",
			'<link rel="alternate" type="application/pdf" href="https://site.example/a.pdf"/><link rel="alternate" type="text/html" href="https://site.example/a"/>',
			"https://site.example/a",
		],
		[
			"self and edit links are not the alternate",
			'<link rel="self" href="https://site.example/self"/><link rel="alternate" href="https://site.example/a"/>',
			"https://site.example/a",
		],
		["relative links resolve against the feed's link", '<link href="posts/1"/>', "https://site.example/posts/1"],
	])("Should read the link (%s)", (_case, xml, link) => {
		expect(one(xml)?.link).toBe(link);
	});

	it("Should use an id that is a URL when no link is given", () => {
		const item = parseOk(atom("<entry><id>https://site.example/by-id</id><title>x</title></entry>")).items[0];
		expect(item?.link).toBe("https://site.example/by-id");
	});

	it("Should drop an entry with neither link nor URL id", () => {
		expect(parseOk(atom("<entry><id>urn:x</id><title>x</title></entry>")).dropped).toEqual([
			{ index: 0, reason: "no usable link" },
		]);
	});

	it("Should apply nested xml:base to links and content", () => {
		const doc = `<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://a.example/one/"><id>f</id>
			<entry xml:base="two/"><id>e</id><title>x</title><link href="page"/>
			<content type="html" xml:base="three/">&lt;a href="deep"&gt;d&lt;/a&gt;</content></entry></feed>`;
		const item = parseOk(doc).items[0];
		expect(item?.link).toBe("https://a.example/one/two/page");
		expect(item?.contentHtml).toBe('<a href="https://a.example/one/two/three/deep" rel="noopener nofollow">d</a>');
	});

	it("Should take the published date, else updated, and keep a later updated", () => {
		const both = one(
			'<link href="https://site.example/x"/><published>2024-03-01T00:00:00Z</published><updated>2024-03-02T00:00:00Z</updated>',
		);
		expect([both?.publishedAt, both?.updatedAt, both?.dated]).toEqual([
			"2024-03-01T00:00:00.000Z",
			"2024-03-02T00:00:00.000Z",
			true,
		]);
		const updatedOnly = one('<link href="https://site.example/x"/><updated>2024-03-02T00:00:00Z</updated>');
		expect([updatedOnly?.publishedAt, updatedOnly?.updatedAt]).toEqual(["2024-03-02T00:00:00.000Z", undefined]);
	});

	it("Should inherit the feed's author (RFC 4287 §4.2.1)", () => {
		const head = "<title>T</title><id>urn:t</id><author><name>Feed Author</name></author>";
		expect(one('<link href="https://site.example/x"/>', head)?.author).toBe("Feed Author");
		expect(one('<link href="https://site.example/x"/><author><name>Own</name></author>', head)?.author).toBe("Own");
	});

	it.each([
		["text content is escaped into paragraphs", '<content type="text">a &lt; b</content>', "<p>a &lt; b</p>"],
		["html content is sanitized", '<content type="html">&lt;p onclick="x()"&gt;hi&lt;/p&gt;</content>', "<p>hi</p>"],
		[
			"out-of-line content is skipped for the summary",
			'<content src="https://site.example/c"/><summary>s</summary>',
			"<p>s</p>",
		],
		[
			"media:description stands in for missing content",
			"<media:group><media:description>A video about birds.</media:description></media:group>",
			"<p>A video about birds.</p>",
		],
	])("Should read the content (%s)", (_case, xml, html) => {
		expect(one(`<link href="https://site.example/x"/>${xml}`)?.contentHtml).toBe(html);
	});

	it("Should pick a media:group thumbnail as the image", () => {
		const item = one(
			'<link href="https://site.example/x"/><media:group><media:title>Clip</media:title><media:thumbnail url="https://i.example/t.jpg" width="480" height="360"/></media:group>',
		);
		expect(item?.image).toEqual({ url: "https://i.example/t.jpg", alt: "Clip", width: 480, height: 360 });
	});

	it("Should read the realistic feed the way a reader would", () => {
		const result = parseOk(BLOG_ATOM, "https://blog.example/atom.xml");
		expect([result.title, result.link]).toEqual(["Notes & Sketches", "https://blog.example/"]);
		expect(result.items.map((i) => [i.title, i.link, i.author])).toEqual([
			["Why I still write HTML by hand", "https://blog.example/posts/handwritten-html", "Jo Park"],
			["History of the <blink> tag", "https://static.blog.example/archive/blink.html", "Jo Park"],
			[
				"Sometimes a thought does not need a title. This is one of those, and it goes on for a while so that a headline has to…",
				"https://blog.example/posts/untitled-thought",
				"Guest Writer",
			],
		]);
		const [first, second] = result.items;
		expect(first?.summary).toBe("Plain summary with a literal <tag> in it.");
		expect(first?.contentHtml).toBe(
			'<p>See <a href="https://blog.example/posts/handwritten-html/demo" rel="noopener nofollow">the demo</a> and <a>this</a>.</p>',
		);
		expect(first?.publishedAt).toBe("2024-03-05T07:00:00.000Z");
		expect(second?.contentHtml).toBe(
			'<p>It blinked.</p><img src="https://static.blog.example/archive/img/blink.gif" loading="lazy">',
		);
		expect(second?.image?.url).toBe("https://static.blog.example/img/blink.jpg");
	});
});
