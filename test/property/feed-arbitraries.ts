/**
 * @module fast-check arbitraries for feeds: well-formed feeds in the four formats with hostile
 * field values, and the ways real and malicious feeds go wrong (truncation, byte noise, deep
 * nesting, entity bombs, binary garbage).
 */
import fc from "fast-check";
import { formats } from "../fixtures/feeds";
import { HTML_VECTORS, MARKDOWN_VECTORS } from "../robustness/xss-corpus";

const TAGS = [
	"p",
	"a",
	"img",
	"script",
	"style",
	"iframe",
	"svg",
	"math",
	"b",
	"em",
	"ul",
	"li",
	"table",
	"td",
	"form",
	"object",
	"embed",
	"base",
	"meta",
	"link",
	"noscript",
	"template",
	"xmp",
	"div",
	"span",
	"br",
];
const ATTRIBUTES = [
	"href",
	"src",
	"onclick",
	"onerror",
	"onload",
	"style",
	"srcset",
	"action",
	"formaction",
	"xlink:href",
	"data",
	"title",
	"rel",
	"target",
];
const URL_VALUES = [
	"javascript:alert(1)",
	"JaVaScRiPt&#58;alert(1)",
	"jav&#x09;ascript:alert(1)",
	"data:text/html,<script>alert(1)</script>",
	"vbscript:x",
	"/relative/path",
	"https://ok.example/x",
	"//proto.example/x",
	"#frag",
	"",
	"&#106;avascript:alert(1)",
];

const text = fc.oneof(
	fc.string({ maxLength: 30 }),
	fc.constantFrom("AT&T", "5 < 6", "&amp;", "&nbsp;", "&bogus;", "&#0;", "&#x110000;", "]]>", "\u0000", "\ud800"),
);

const attribute = fc
	.tuple(fc.constantFrom(...ATTRIBUTES), fc.oneof(fc.constantFrom(...URL_VALUES), text), fc.constantFrom('"', "'", ""))
	.map(([name, value, quote]) => ` ${name}=${quote}${value}${quote}`);

/** Random HTML-ish fragments: real tags with dangerous attributes, broken tags, comments, CDATA and corpus vectors. */
export const htmlFragment: fc.Arbitrary<string> = fc
	.array(
		fc.oneof(
			text,
			fc
				.tuple(fc.constantFrom(...TAGS), fc.array(attribute, { maxLength: 3 }), fc.boolean())
				.map(([tag, attrs, close]) => `<${tag}${attrs.join("")}>${close ? `</${tag}>` : ""}`),
			fc.constantFrom("<!--", "-->", "<![CDATA[", "]]>", "</", "<", ">", "<!doctype html>", "<?xml ?>"),
			fc.constantFrom(...HTML_VECTORS, ...MARKDOWN_VECTORS),
		),
		{ maxLength: 8 },
	)
	.map((parts) => parts.join(""));

export type ItemFields = {
	title: string;
	link: string;
	guid: string;
	date: string;
	summary: string;
	content: string;
	author: string;
	image: string;
};

const date = fc.oneof(
	fc
		.date({ noInvalidDate: true, min: new Date("1990-01-01"), max: new Date("2030-01-01") })
		.map((d) => d.toUTCString()),
	fc
		.date({ noInvalidDate: true, min: new Date("1990-01-01"), max: new Date("2030-01-01") })
		.map((d) => d.toISOString()),
	fc.constantFrom("", "yesterday", "Tue, 31 Feb 2026 25:61:00 +9999", "2026-13-45T99:99:99Z", "0", "-1"),
	fc.string({ maxLength: 20 }),
);

export const item: fc.Arbitrary<ItemFields> = fc.record({
	title: fc.oneof(text, htmlFragment),
	link: fc.oneof(fc.webUrl(), fc.constantFrom(...URL_VALUES), text),
	guid: fc.oneof(fc.uuid(), text),
	date,
	summary: fc.oneof(text, htmlFragment),
	content: htmlFragment,
	author: text,
	image: fc.oneof(fc.webUrl(), fc.constantFrom(...URL_VALUES)),
});

/** Text or attribute content for a well-formed document: every markup character escaped, characters XML 1.0 forbids removed. */
function xml(value: string): string {
	return value
		.replace(/[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu, "")
		.replace(/&/g, "&amp;")
		.replace(/</g, "&lt;")
		.replace(/>/g, "&gt;")
		.replace(/"/g, "&quot;");
}

function cdata(value: string): string {
	const allowed = value.replace(/[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu, "");
	return `<![CDATA[${allowed.replace(/]]>/g, "]]]]><![CDATA[>")}]]>`;
}

export type FeedFormat = "rss" | "atom" | "rdf" | "json";

/** A syntactically well-formed feed of `format` around `items`; field values stay hostile. */
export function buildFeed(format: FeedFormat, items: ItemFields[]): string {
	switch (format) {
		case "rss":
			return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>Prop</title><link>https://prop.example/</link><description>d</description>${items
				.map(
					(i) =>
						`<item><title>${xml(i.title)}</title><link>${xml(i.link)}</link><guid isPermaLink="false">${xml(i.guid)}</guid><pubDate>${xml(i.date)}</pubDate><dc:creator>${xml(i.author)}</dc:creator><description>${xml(i.summary)}</description><content:encoded>${cdata(i.content)}</content:encoded><media:content url="${xml(i.image)}" medium="image"/></item>`,
				)
				.join("")}</channel></rss>`;
		case "atom":
			return `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://prop.example/base/"><title>Prop</title><id>urn:prop</id><updated>2026-11-25T00:00:00Z</updated>${items
				.map(
					(i) =>
						`<entry><title type="html">${xml(i.title)}</title><link href="${xml(i.link)}"/><id>${xml(i.guid)}</id><updated>${xml(i.date)}</updated><author><name>${xml(i.author)}</name></author><summary type="html">${xml(i.summary)}</summary><content type="html">${xml(i.content)}</content></entry>`,
				)
				.join("")}</feed>`;
		case "rdf":
			return `<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel rdf:about="https://prop.example/"><title>Prop</title><link>https://prop.example/</link><description>d</description></channel>${items
				.map(
					(i) =>
						`<item rdf:about="${xml(i.link)}"><title>${xml(i.title)}</title><link>${xml(i.link)}</link><dc:date>${xml(i.date)}</dc:date><dc:creator>${xml(i.author)}</dc:creator><description>${xml(i.summary)}</description><content:encoded>${cdata(i.content)}</content:encoded></item>`,
				)
				.join("")}</rdf:RDF>`;
		case "json":
			return JSON.stringify({
				version: "https://jsonfeed.org/version/1.1",
				title: "Prop",
				home_page_url: "https://prop.example/",
				items: items.map((i) => ({
					id: i.guid,
					url: i.link,
					title: i.title,
					content_html: i.content,
					summary: i.summary,
					date_published: i.date,
					authors: [{ name: i.author }],
					image: i.image,
				})),
			});
	}
}

export const format = fc.constantFrom<FeedFormat>("rss", "atom", "rdf", "json");

export const wellFormedFeed = fc
	.tuple(format, fc.array(item, { minLength: 1, maxLength: 6 }))
	.map(([f, items]) => ({ format: f, items, text: buildFeed(f, items) }));

const REAL_FEEDS = [
	formats.HARBOUR_GAZETTE_RSS,
	formats.VALLEY_COURIER_ATOM,
	formats.NORTHERN_LEDGER_RDF,
	formats.RIVER_POST_JSON,
];

const encoder = new TextEncoder();

/** Ways a body goes wrong: cut short, bytes flipped or inserted, sections repeated. */
const mutated = fc
	.tuple(
		fc.oneof(
			fc.constantFrom(...REAL_FEEDS),
			wellFormedFeed.map((f) => f.text),
		),
		fc.array(
			fc.tuple(fc.constantFrom("truncate", "flip", "insert", "repeat", "delete"), fc.nat(), fc.nat({ max: 255 })),
			{ minLength: 1, maxLength: 4 },
		),
	)
	.map(([source, edits]) => {
		let bytes = encoder.encode(source);
		for (const [kind, at, byte] of edits) {
			const i = bytes.length ? at % bytes.length : 0;
			if (kind === "truncate") bytes = bytes.slice(0, i);
			else if (kind === "flip" && bytes.length) bytes = bytes.map((b, j) => (j === i ? byte : b));
			else if (kind === "insert") bytes = new Uint8Array([...bytes.slice(0, i), byte, ...bytes.slice(i)]);
			else if (kind === "repeat")
				bytes = new Uint8Array([...bytes.slice(0, i), ...bytes.slice(i / 2, i), ...bytes.slice(i)]);
			else bytes = new Uint8Array([...bytes.slice(0, i), ...bytes.slice(i + 1 + (byte % 32))]);
		}
		return bytes;
	});

/** Structures that blow up naive parsers. */
const hostileStructure = fc.constantFrom(
	`<?xml version="1.0"?><rss version="2.0"><channel>${"<item>".repeat(20000)}</channel></rss>`,
	`<?xml version="1.0"?><rss version="2.0"><channel><item><title>${"<b>".repeat(50000)}deep</title></item></channel></rss>`,
	`<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;"><!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;"><!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;"><!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;"><!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;"><!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">]><rss version="2.0"><channel><item><title>&lol9;</title><link>https://x.example/</link></item></channel></rss>`,
	`<?xml version="1.0"?><!DOCTYPE r [<!ENTITY big "${"x".repeat(200000)}">]><rss version="2.0"><channel><item><title>&big;&big;&big;&big;&big;</title><link>https://x.example/</link></item></channel></rss>`,
	`<?xml version="1.0"?><!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><rss version="2.0"><channel><item><title>&xxe;</title><link>https://x.example/</link></item></channel></rss>`,
	`<?xml version="1.0"?><rss version="2.0"><channel><item><title>${"&#x41;".repeat(100000)}</title><link>https://x.example/</link></item></channel></rss>`,
	`{"version":"https://jsonfeed.org/version/1.1","items":${"[".repeat(10000)}${"]".repeat(10000)}}`,
	`{"version":"https://jsonfeed.org/version/1.1","title":"x","items":[{"id":"1","url":"https://x.example/","content_html":${JSON.stringify("<p>".repeat(100000))}}]}`,
	"",
	"\ufeff",
	"<html><head><title>Not a feed</title></head><body><h1>Welcome</h1></body></html>",
);

/** Any body a feed URL could answer with. */
export const feedBody: fc.Arbitrary<Uint8Array> = fc.oneof(
	{ weight: 3, arbitrary: wellFormedFeed.map((f) => encoder.encode(f.text)) },
	{ weight: 3, arbitrary: mutated },
	hostileStructure.map((s) => encoder.encode(s)),
	fc.uint8Array({ maxLength: 2000 }),
	fc.string({ maxLength: 500 }).map((s) => encoder.encode(s)),
);
