import { describe, expect, it } from "vitest";
import { htmlToText, sanitizeHtml } from "./html";

const BASE = "https://news.example/section/story.html";

/** One rule per row (read as "Should <rule>"): the input and the exact output. */
const RULES: [rule: string, input: string, expected: string][] = [
	["keep allowlisted formatting", "<p>Hi <b>bold</b> <em>em</em></p>", "<p>Hi <b>bold</b> <em>em</em></p>"],
	["remove script with its content", "a<script>alert(1)</script>b", "ab"],
	["remove style with its content", "a<style>p{color:red}</style>b", "ab"],
	["remove iframe with its content", 'a<iframe src="https://x.example/">fallback</iframe>b', "ab"],
	["remove object and embed", 'a<object data="x.swf"><param name="a">alt</object><embed src="y.swf">b', "ab"],
	["remove svg and math with their content", "a<svg><circle/><text>t</text></svg><math><mi>x</mi></math>b", "ab"],
	["remove a form's controls but keep the form's text", "<form>Name <input name=n><button>Go</button></form>", "Name "],
	[
		"remove meta, link and base",
		'<meta charset="x"><link rel="stylesheet" href="x.css"><base href="https://evil.example/">t',
		"t",
	],
	["drop unknown tags but keep their text", "<font color=red>red</font> <center>mid</center>", "red mid"],
	["drop event handlers", '<p onclick="alert(1)" onmouseover=x>t</p>', "<p>t</p>"],
	["drop style, class and id", '<p style="color:red" class="c" id="i">t</p>', "<p>t</p>"],
	[
		"keep a link's http(s) href, resolved, and add rel",
		'<a href="../other.html" title="T">o</a>',
		'<a href="https://news.example/other.html" title="T" rel="noopener nofollow">o</a>',
	],
	[
		"keep a link's mailto href",
		'<a href="mailto:desk@news.example">m</a>',
		'<a href="mailto:desk@news.example" rel="noopener nofollow">m</a>',
	],
	["take an unsafe href off a link", '<a href="javascript:alert(1)">x</a>', "<a>x</a>"],
	["drop data: hrefs", '<a href="data:text/html,<script>alert(1)</script>">x</a>', "<a>x</a>"],
	["drop vbscript: hrefs", '<a href="vbscript:msgbox(1)">x</a>', "<a>x</a>"],
	["decode entity-encoded schemes before checking them", '<a href="&#106;avascript&#x3A;alert(1)">x</a>', "<a>x</a>"],
	["decode a named-entity colon", '<a href="javascript&colon;alert(1)">x</a>', "<a>x</a>"],
	["remove tabs and newlines inside the scheme first", '<a href="jav&#x09;a\nscript:alert(1)">x</a>', "<a>x</a>"],
	["trim leading control characters first", '<a href="&#14; javascript:alert(1)">x</a>', "<a>x</a>"],
	[
		"keep an image's http(s) src, alt, width and height, and add lazy loading",
		'<img src="/i.png" alt="A" width="640" height="480" onerror="x()" style="s">',
		'<img src="https://news.example/i.png" alt="A" width="640" height="480" loading="lazy">',
	],
	["drop an image without a safe src", '<img src="data:image/png;base64,AAAA" alt="x">', ""],
	["drop a 1×1 tracking pixel", '<img src="https://t.example/p.gif" width="1" height="1">', ""],
	[
		"drop non-numeric sizes",
		'<img src="https://i.example/a.png" width="100%">',
		'<img src="https://i.example/a.png" loading="lazy">',
	],
	["re-escape text", "a &lt;b&gt; &amp; c < d", "a &lt;b&gt; &amp; c &lt; d"],
	["decode named entities", "caf&eacute; &mdash; &hellip;", "café — …"],
	[
		"re-escape attribute values",
		'<abbr title="&quot;q&quot; &amp; <x>">q</abbr>',
		'<abbr title="&quot;q&quot; &amp; &lt;x&gt;">q</abbr>',
	],
	["drop comments", "a<!-- <script>x</script> -->b", "ab"],
	["close unclosed elements", "<div><p>open", "<div><p>open</p></div>"],
	["drop stray end tags", "</div></p>text</body>", "text"],
	["let a <p> close an open <p>", "<p>one<p>two", "<p>one</p><p>two</p>"],
	["let list items close their siblings", "<ul><li>a<li>b</ul>", "<ul><li>a</li><li>b</li></ul>"],
	["let an end tag close what was opened inside it", "<b><i>x</b>y", "<b><i>x</i></b>y"],
	[
		"keep dir and lang when well-formed",
		'<p dir="rtl" lang="ur">t</p><p dir="x">u</p>',
		'<p dir="rtl" lang="ur">t</p><p>u</p>',
	],
	[
		"keep table cells' spans",
		'<table><tr><td colspan="2" width="9">c</td></tr></table>',
		'<table><tr><td colspan="2">c</td></tr></table>',
	],
	["drop noscript content", "<noscript><img src=https://x.example/a.png></noscript>t", "t"],
	["end raw text only at its own end tag", "<script>if (a</b>) {}</script>t", "t"],
	["let a self-closing script still swallow its content", "<script/>alert(1)</script>t", "t"],
	["drop truncated tags", 'ok<a href="https://x.example/', "ok"],
	["drop a tag left open by a quote, with what follows", 'ok<p title="x>text', "ok"],
	["treat a < that starts no tag as text, even before a quote", '1 < 2 x="y <b>bold</b>', '1 &lt; 2 x="y <b>bold</b>'],
	["end raw text at its first end tag", '<script>document.write("<script>")</script>t', "t"],
	["let an unclosed script take the rest with it", "a<script>alert(1)<p>b</p>", "a"],
	[
		"keep the first of duplicate attributes",
		'<a href="https://a.example/" href="javascript:alert(1)">x</a>',
		'<a href="https://a.example/" rel="noopener nofollow">x</a>',
	],
	["write a non-breaking space as &nbsp;", "a&nbsp;b\u00a0c", "a&nbsp;b&nbsp;c"],
];

describe("sanitizeHtml rules", () => {
	it.each(RULES)("Should %s", (_rule, input, expected) => {
		expect(sanitizeHtml(input, BASE)).toBe(expected);
	});

	it("Should keep scheme-less references relative when no base is given", () => {
		expect(sanitizeHtml('<a href="/about">a</a><img src="x.png">')).toBe(
			'<a href="/about" rel="noopener nofollow">a</a><img src="x.png" loading="lazy">',
		);
	});

	it("Should leave its own output unchanged when run again", () => {
		for (const [, input] of RULES) {
			const once = sanitizeHtml(input, BASE);
			expect(sanitizeHtml(once, BASE)).toBe(once);
		}
	});
});

describe("htmlToText", () => {
	it.each([
		["<p>One</p><p>Two</p>", "One Two"],
		["Tom &amp;amp; Jerry", "Tom &amp; Jerry"],
		["  lots \n of\t space&nbsp;here ", "lots of space here"],
		["<b>Bold</b> news<script>x()</script><style>p{}</style>", "Bold news"],
		["5 < 6 and 7 > 3", "5 < 6 and 7 > 3"],
		["line<br>break", "line break"],
		["", ""],
	])("Should turn %j into the text %j", (input, expected) => {
		expect(htmlToText(input)).toBe(expected);
	});
});

describe("sanitizeHtml image sources and the CSP (img-src 'self' https:)", () => {
	it.each([
		["upgrade an http source to https", '<img src="http://i.example/a.png" alt="A">', "https://i.example/a.png"],
		["upgrade http on the default port", '<img src="http://i.example:80/a.png">', "https://i.example/a.png"],
		[
			"upgrade http on another port, keeping it",
			'<img src="http://i.example:8080/a.png">',
			"https://i.example:8080/a.png",
		],
		["upgrade an HTTP source written in capitals", '<img src="HTTP://I.EXAMPLE/a.png">', "https://i.example/a.png"],
		[
			"upgrade a scheme-relative source resolved against an http base",
			'<img src="//i.example/a.png">',
			"https://i.example/a.png",
		],
		["keep an https source", '<img src="https://i.example/a.png">', "https://i.example/a.png"],
	])("Should %s", (_rule, input, src) => {
		expect(sanitizeHtml(input, "http://plain.example/feed.xml")).toBe(
			`<img src="${src}"${input.includes('alt="A"') ? ' alt="A"' : ""} loading="lazy">`,
		);
	});

	it("Should upgrade a relative source resolved against an http base", () => {
		expect(sanitizeHtml('<img src="/a.png">', "http://plain.example/feed.xml")).toBe(
			'<img src="https://plain.example/a.png" loading="lazy">',
		);
	});

	it.each([
		'<img src="data:image/png;base64,AAAA">',
		'<img src="blob:https://i.example/1">',
		'<img src="ftp://i.example/a.png">',
		'<img src="file:///etc/a.png">',
	])("Should drop %j, which the CSP would block", (input) => {
		expect(sanitizeHtml(input, BASE)).toBe("");
	});

	it("Should keep a link's and a quote's http URLs as written: only images load", () => {
		expect(sanitizeHtml('<a href="http://a.example/">a</a><q cite="http://c.example/">q</q>', BASE)).toBe(
			'<a href="http://a.example/" rel="noopener nofollow">a</a><q cite="http://c.example/">q</q>',
		);
	});

	it("Should leave an upgraded image unchanged when run again", () => {
		const once = sanitizeHtml('<img src="http://i.example/a.png">', BASE);
		expect(sanitizeHtml(once, BASE)).toBe(once);
	});
});
