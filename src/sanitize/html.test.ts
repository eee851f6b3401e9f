import { describe, expect, it } from "vitest";
import { htmlToText, sanitizeHtml } from "./html";

const BASE = "https://news.example/section/story.html";

/** One rule per row: the input and the exact output. */
const RULES: [rule: string, input: string, expected: string][] = [
	["keeps allowlisted formatting", "<p>Hi <b>bold</b> <em>em</em></p>", "<p>Hi <b>bold</b> <em>em</em></p>"],
	["removes script with its content", "a<script>alert(1)</script>b", "ab"],
	["removes style with its content", "a<style>p{color:red}</style>b", "ab"],
	["removes iframe with its content", 'a<iframe src="https://x.example/">fallback</iframe>b', "ab"],
	["removes object and embed", 'a<object data="x.swf"><param name="a">alt</object><embed src="y.swf">b', "ab"],
	["removes svg and math with their content", "a<svg><circle/><text>t</text></svg><math><mi>x</mi></math>b", "ab"],
	["removes forms' controls but keeps the form's text", "<form>Name <input name=n><button>Go</button></form>", "Name "],
	[
		"removes meta, link and base",
		'<meta charset="x"><link rel="stylesheet" href="x.css"><base href="https://evil.example/">t',
		"t",
	],
	["unknown tags go, their text stays", "<font color=red>red</font> <center>mid</center>", "red mid"],
	["drops event handlers", '<p onclick="alert(1)" onmouseover=x>t</p>', "<p>t</p>"],
	["drops style, class and id", '<p style="color:red" class="c" id="i">t</p>', "<p>t</p>"],
	[
		"links keep http(s) hrefs, resolved, and get rel",
		'<a href="../other.html" title="T">o</a>',
		'<a href="https://news.example/other.html" title="T" rel="noopener nofollow">o</a>',
	],
	[
		"links keep mailto",
		'<a href="mailto:desk@news.example">m</a>',
		'<a href="mailto:desk@news.example" rel="noopener nofollow">m</a>',
	],
	["a link with an unsafe href loses it", '<a href="javascript:alert(1)">x</a>', "<a>x</a>"],
	["data: hrefs go", '<a href="data:text/html,<script>alert(1)</script>">x</a>', "<a>x</a>"],
	["vbscript: hrefs go", '<a href="vbscript:msgbox(1)">x</a>', "<a>x</a>"],
	["entity-encoded schemes are decoded before checking", '<a href="&#106;avascript&#x3A;alert(1)">x</a>', "<a>x</a>"],
	["named-entity colon is decoded", '<a href="javascript&colon;alert(1)">x</a>', "<a>x</a>"],
	["tabs and newlines inside the scheme are removed first", '<a href="jav&#x09;a\nscript:alert(1)">x</a>', "<a>x</a>"],
	["leading control characters are trimmed first", '<a href="&#14; javascript:alert(1)">x</a>', "<a>x</a>"],
	[
		"images keep http(s) src, alt, width, height and get lazy loading",
		'<img src="/i.png" alt="A" width="640" height="480" onerror="x()" style="s">',
		'<img src="https://news.example/i.png" alt="A" width="640" height="480" loading="lazy">',
	],
	["an image without a safe src goes", '<img src="data:image/png;base64,AAAA" alt="x">', ""],
	["a 1×1 tracking pixel goes", '<img src="https://t.example/p.gif" width="1" height="1">', ""],
	[
		"non-numeric sizes are dropped",
		'<img src="https://i.example/a.png" width="100%">',
		'<img src="https://i.example/a.png" loading="lazy">',
	],
	["text is re-escaped", "a &lt;b&gt; &amp; c < d", "a &lt;b&gt; &amp; c &lt; d"],
	["named entities decode", "caf&eacute; &mdash; &hellip;", "café — …"],
	[
		"attribute values are re-escaped",
		'<abbr title="&quot;q&quot; &amp; <x>">q</abbr>',
		'<abbr title="&quot;q&quot; &amp; &lt;x&gt;">q</abbr>',
	],
	["comments go", "a<!-- <script>x</script> -->b", "ab"],
	["unclosed elements are closed", "<div><p>open", "<div><p>open</p></div>"],
	["stray end tags are dropped", "</div></p>text</body>", "text"],
	["a <p> closes an open <p>", "<p>one<p>two", "<p>one</p><p>two</p>"],
	["list items close their siblings", "<ul><li>a<li>b</ul>", "<ul><li>a</li><li>b</li></ul>"],
	["an end tag closes what was opened inside it", "<b><i>x</b>y", "<b><i>x</i></b>y"],
	[
		"dir and lang are kept when well-formed",
		'<p dir="rtl" lang="ur">t</p><p dir="x">u</p>',
		'<p dir="rtl" lang="ur">t</p><p>u</p>',
	],
	[
		"table cells keep spans",
		'<table><tr><td colspan="2" width="9">c</td></tr></table>',
		'<table><tr><td colspan="2">c</td></tr></table>',
	],
	["noscript content goes", "<noscript><img src=https://x.example/a.png></noscript>t", "t"],
	["raw text ends only at its own end tag", "<script>if (a</b>) {}</script>t", "t"],
	["a self-closing script still swallows its content", "<script/>alert(1)</script>t", "t"],
	["truncated tags are dropped", 'ok<a href="https://x.example/', "ok"],
	["a tag left open by a quote is dropped with what follows", 'ok<p title="x>text', "ok"],
	["a < that starts no tag is text, even before a quote", '1 < 2 x="y <b>bold</b>', '1 &lt; 2 x="y <b>bold</b>'],
	["raw text ends at its first end tag", '<script>document.write("<script>")</script>t', "t"],
	["an unclosed script takes the rest with it", "a<script>alert(1)<p>b</p>", "a"],
	[
		"the first of duplicate attributes wins",
		'<a href="https://a.example/" href="javascript:alert(1)">x</a>',
		'<a href="https://a.example/" rel="noopener nofollow">x</a>',
	],
	["a non-breaking space is written as &nbsp;", "a&nbsp;b\u00a0c", "a&nbsp;b&nbsp;c"],
];

describe("sanitizeHtml rules", () => {
	it.each(RULES)("%s", (_rule, input, expected) => {
		expect(sanitizeHtml(input, BASE)).toBe(expected);
	});

	it("keeps scheme-less references relative when no base is given", () => {
		expect(sanitizeHtml('<a href="/about">a</a><img src="x.png">')).toBe(
			'<a href="/about" rel="noopener nofollow">a</a><img src="x.png" loading="lazy">',
		);
	});

	it("is idempotent on its own output", () => {
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
	])("%j → %j", (input, expected) => {
		expect(htmlToText(input)).toBe(expected);
	});
});
