import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sanitizeHtml } from "./html";
import { unsafeFindings } from "./reparse";

/** Filter-evasion vectors in the spirit of OWASP's cheat sheet, written for this suite. */
const VECTORS = [
	"<SCRIPT SRC=https://evil.example/x.js></SCRIPT>",
	"<IMG SRC=\"javascript:alert('XSS');\">",
	"<IMG SRC=JaVaScRiPt:alert('XSS')>",
	'<IMG SRC=`javascript:alert("XSS")`>',
	'<a onmouseover="alert(document.cookie)">link</a>',
	'<IMG """><SCRIPT>alert("XSS")</SCRIPT>">',
	"<IMG SRC=# onmouseover=\"alert('x')\">",
	"<IMG SRC= onmouseover=\"alert('x')\">",
	'<IMG SRC=/ onerror="alert(1)"></img>',
	"<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;&#40;&#49;&#41;>",
	"<IMG SRC=&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058alert(1)>",
	"<IMG SRC=&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A&#x61&#x6C&#x65&#x72&#x74&#x28&#x31&#x29>",
	"<IMG SRC=\"jav\tascript:alert('XSS');\">",
	"<IMG SRC=\"jav&#x09;ascript:alert('XSS');\">",
	"<IMG SRC=\"jav&#x0A;ascript:alert('XSS');\">",
	"<IMG SRC=\"jav&#x0D;ascript:alert('XSS');\">",
	"<IMG SRC=\" &#14;  javascript:alert('XSS');\">",
	'<SCRIPT/XSS SRC="https://evil.example/x.js"></SCRIPT>',
	'<BODY onload!#$%&()*~+-_.,:;?@[/|\\]^`=alert("XSS")>',
	'<<SCRIPT>alert("XSS");//<</SCRIPT>',
	"<SCRIPT SRC=https://evil.example/x.js?< B >",
	"<SCRIPT SRC=//evil.example/.j>",
	"<IMG SRC=\"javascript:alert('XSS')\"",
	"<iframe src=https://evil.example/s.html <",
	'</TITLE><SCRIPT>alert("XSS");</SCRIPT>',
	'<INPUT TYPE="IMAGE" SRC="javascript:alert(\'XSS\');">',
	"<BODY BACKGROUND=\"javascript:alert('XSS')\">",
	"<IMG DYNSRC=\"javascript:alert('XSS')\">",
	"<STYLE>li {list-style-image: url(\"javascript:alert('XSS')\");}</STYLE><UL><LI>XSS</br>",
	"<svg/onload=alert('XSS')>",
	'<LINK REL="stylesheet" HREF="javascript:alert(\'XSS\');">',
	'<META HTTP-EQUIV="refresh" CONTENT="0;url=javascript:alert(\'XSS\');">',
	'<META HTTP-EQUIV="refresh" CONTENT="0;url=data:text/html base64,PHNjcmlwdD4=">',
	"<TABLE BACKGROUND=\"javascript:alert('XSS')\"><TD BACKGROUND=\"javascript:alert('XSS')\">",
	"<DIV STYLE=\"background-image: url(javascript:alert('XSS'))\">",
	"<DIV STYLE=\"width: expression(alert('XSS'));\">",
	"<!--[if gte IE 4]><SCRIPT>alert('XSS');</SCRIPT><![endif]-->",
	"<BASE HREF=\"javascript:alert('XSS');//\">",
	'<OBJECT TYPE="text/x-scriptlet" DATA="https://evil.example/s.html"></OBJECT>',
	'<EMBED SRC="data:image/svg+xml;base64,PHN2Zz4=" AllowScriptAccess="always"></EMBED>',
	'<a href="jAvAsCrIpT&colon;alert&lpar;1&rpar;">X</a>',
	'<a href="javas&Tab;cript:alert(1)">t</a><a href="javas&NewLine;cript:alert(1)">n</a>',
	'<a href="  javascript:alert(1)">s</a>',
	'<a href="java\u0000script:alert(1)">nul</a>',
	'<a href="&#0;javascript:alert(1)">nul</a>',
	'<a href="javascript&#58alert(1)">colon</a>',
	'<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">d</a>',
	"<a href=javascript:alert(1)//https://ok.example>x</a>",
	'<img src="x" alt="\\"><script>alert(1)</script>">',
	'<img src="https://ok.example/a.png" alt="x" onerror=alert(1)//>',
	'<a href="https://ok.example/" onclick=alert(1)>ok</a>',
	'<p title="</p><script>alert(1)</script>">x</p>',
	'<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
	"<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>",
	"<svg><p><style><img src=x onerror=alert(1)></style></p></svg>",
	"<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>",
	"<textarea><script>alert(1)</script></textarea>",
	"<title><script>alert(1)</script></title>",
	"<xmp><script>alert(1)</script></xmp>",
	'<a href="https://ok.example/">x</a ><script>alert(1)</script>',
	"<scr<script>ipt>alert(1)</script>",
	'<div><a/href="javascript:alert(1)">x</a></div>',
	'<img src="https://ok.example/a.png" srcset="javascript:alert(1)">',
	'<a href="https://ok.example/" formaction="javascript:alert(1)">f</a>',
	'<a xlink:href="javascript:alert(1)">x</a>',
	"<details open ontoggle=alert(1)>d</details>",
	'<video><source onerror="alert(1)"></video>',
	"<img src=x:alert(alt) onerror=eval(src) alt=0>",
	'<a href="&#x6a;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3a;alert(1)">hex</a>',
	'<img src="&#x64;ata:image/svg+xml,<svg onload=alert(1)>">',
	"<![CDATA[<script>alert(1)</script>]]>",
	"<style>@import 'https://evil.example/x.css';</style>",
	'<a href="vbscript:msgbox(1)">vb</a>',
	'<a href="livescript:alert(1)">ls</a>',
	"<plaintext><script>alert(1)</script>",
	'<a href="https://ok.example/"><a href="javascript:alert(1)">nested</a></a>',
];

describe("XSS vectors", () => {
	it.each(VECTORS.map((v) => [v]))("Should neutralize %s", async (vector) => {
		for (const base of [undefined, "https://news.example/a/"]) {
			const output = sanitizeHtml(vector, base);
			expect(await unsafeFindings(output), output).toEqual([]);
			expect(output.toLowerCase()).not.toMatch(/<script|(?:href|src)="\s*(?:javascript|data|vbscript):|\son\w+=/);
		}
	});
});

const FRAGMENTS = [
	"<",
	">",
	"/",
	'"',
	"'",
	"=",
	" ",
	"&",
	"#",
	";",
	"script",
	"img",
	"a",
	"svg",
	"style",
	"p",
	"!--",
	"-->",
	"<![CDATA[",
	"]]>",
	"src",
	"href",
	"onerror",
	"javascript:",
	"data:",
	"&#x3a;",
	"&colon;",
	"\t",
	"\u0000",
	"alert(1)",
	"x",
];

describe("sanitizer fuzz", () => {
	it("Should never emit unsafe HTML and should leave its own output unchanged, whatever the input", async () => {
		await fc.assert(
			fc.asyncProperty(fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 40 }), async (parts) => {
				const output = sanitizeHtml(parts.join(""), "https://news.example/");
				expect(await unsafeFindings(output)).toEqual([]);
				expect(sanitizeHtml(output, "https://news.example/")).toBe(output);
			}),
			{ numRuns: 200 },
		);
	});

	it("Should survive arbitrary strings with output that is safe and its own fixed point", async () => {
		await fc.assert(
			fc.asyncProperty(fc.string({ maxLength: 300, unit: "binary" }), async (input) => {
				for (const html of [`<a href="${input}">${input}</a><img src=${input}>`, input]) {
					const output = sanitizeHtml(html);
					expect(await unsafeFindings(output), output).toEqual([]);
					expect(sanitizeHtml(output)).toBe(output);
				}
			}),
			{ numRuns: 200 },
		);
	});

	it("Should pass plain text through unchanged, and escape only what markup needs", () => {
		fc.assert(
			// Printable ASCII, so no control characters; only <, > and & mean anything to markup.
			fc.property(fc.string({ maxLength: 200, unit: "grapheme-ascii" }), (input) => {
				const text = input.replace(/[<>&]/g, "");
				expect(sanitizeHtml(text)).toBe(text);
				expect(sanitizeHtml(`${text}<>&`)).toBe(`${text}&lt;&gt;&amp;`);
			}),
			{ numRuns: 200 },
		);
	});
});
