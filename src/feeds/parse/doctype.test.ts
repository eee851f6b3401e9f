import { describe, expect, it } from "vitest";
import { type DoctypeWork, removeDoctype } from "./doctype";

const DOCTYPE = '<!DOCTYPE rss [<!ENTITY e "x"><!ENTITY site "tag:news.example,">]>';

describe("removeDoctype", () => {
	it.each([
		["no doctype", "<rss>&e;</rss>", "<rss>&e;</rss>"],
		["a declared reference", `${DOCTYPE}<rss>&site;1 &e;&e;</rss>`, "<rss>tag:news.example,1 xx</rss>"],
		["an undeclared or predefined reference", `${DOCTYPE}<rss>&lt;&nope;&#38;&e</rss>`, "<rss>&lt;&nope;&#38;&e</rss>"],
		["a reference inside CDATA", `${DOCTYPE}<rss><![CDATA[&e;]]>&e;</rss>`, "<rss><![CDATA[&e;]]>x</rss>"],
		["a reference inside a comment", `${DOCTYPE}<rss><!-- &e; -->&e;</rss>`, "<rss><!-- &e; -->x</rss>"],
		["references after an unclosed CDATA", `${DOCTYPE}<rss>&e;<![CDATA[&e;&e;`, "<rss>x<![CDATA[&e;&e;"],
		["markup that is neither", `${DOCTYPE}<rss><!x &e;</rss>`, "<rss><!x x</rss>"],
		[
			"a doctype after the first element",
			"<rss><!DOCTYPE x [<!ENTITY e 'x'>]>&e;</rss>",
			"<rss><!DOCTYPE x [<!ENTITY e 'x'>]>&e;</rss>",
		],
	])("Should handle %s", (_case, input, expected) => {
		expect(removeDoctype(input)).toBe(expected);
	});

	it("Should quote-escape a value, so a substitution cannot end an attribute", () => {
		expect(removeDoctype(`<!DOCTYPE r [<!ENTITY q 'say "hi"'>]><r a="&q;"/>`)).toBe('<r a="say &quot;hi&quot;"/>');
	});

	it("Should stop substituting once the document has grown by 256 KiB", () => {
		const value = "v".repeat(1024);
		const out = removeDoctype(`<!DOCTYPE r [<!ENTITY big "${value}">]><r>${"&big;".repeat(300)}</r>`);
		expect(out).toBe(`<r>${value.repeat(256)}${"&big;".repeat(44)}</r>`);
	});

	it("Should ignore names longer than 128 characters, declared or referenced", () => {
		const name = `n${"a".repeat(128)}`;
		expect(removeDoctype(`<!DOCTYPE r [<!ENTITY ${name} "x">]><r>&${name};</r>`)).toBe(`<r>&${name};</r>`);
	});
});

/** Hostile shapes that a rescan per opener or per reference would make quadratic. */
const HOSTILE: Record<string, (n: number) => string> = {
	"one entity used everywhere, then an unclosed CDATA": (n) => `${DOCTYPE}<rss>${"&e;".repeat(n)}<![CDATA[`,
	"a reference after every unclosed CDATA opener": (n) => `${DOCTYPE}<rss>${"&e;<![CDATA[".repeat(n)}`,
	"unclosed comment openers": (n) => `${DOCTYPE}<rss>${"<!--".repeat(n)}`,
	"markup that is neither, then one reference": (n) => `${DOCTYPE}<rss>${"<!x".repeat(n)}&e;`,
	"long reference names without a semicolon": (n) => `${DOCTYPE}<rss>${`&${"a".repeat(200)}`.repeat(n)}`,
	"an unclosed quote in the internal subset": (n) => `<!DOCTYPE rss [<!ENTITY e "${"&e;".repeat(n)}`,
};

describe("production: removeDoctype's work on hostile input (10 ms of CPU per invocation)", () => {
	it.each(Object.entries(HOSTILE))("Should grow linearly with the input for %s", (_shape, make) => {
		const work = (n: number) => {
			const counted: DoctypeWork = { scanned: 0 };
			const text = make(n);
			removeDoctype(text, counted);
			return { text: text.length, scanned: counted.scanned };
		};
		const small = work(5_000);
		const large = work(20_000);
		// Four times the input costs four times the work (plus the fixed doctype), and never more than a few
		// characters examined per character of input.
		expect(large.scanned).toBeLessThanOrEqual(4 * small.scanned + 1_000);
		expect(large.scanned).toBeLessThanOrEqual(3 * large.text);
		expect(large.scanned).toBeGreaterThanOrEqual(large.text - DOCTYPE.length - 200);
	});
});
