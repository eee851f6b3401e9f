import { describe, expect, it } from "vitest";
import { articleSummary, clip, htmlText } from "./summary";

describe("htmlText", () => {
	it("Should drop tags (a cut-off one too), decode entities and collapse whitespace", () => {
		expect(htmlText("<p>Fish &amp; chips</p>\n<p>&lt;b&gt; &#39;x&#39; &#x2014; &nbsp;end <a href=")).toBe(
			"Fish & chips <b> 'x' — end",
		);
		expect(htmlText("&bogus; &#0; &#x110000;")).toBe("&bogus; &#0; &#x110000;");
	});
});

describe("clip", () => {
	it("Should keep short text and cut long text at a word with an ellipsis", () => {
		expect(clip("short")).toBe("short");
		expect(clip("one two three four", 12)).toBe("one two…");
		expect(clip("abcdefghijklmnop", 8)).toBe("abcdefg…");
	});
});

describe("articleSummary", () => {
	it("Should prefer the dek, else the body's opening words", () => {
		expect(articleSummary({ dek: " A dek. ", bodyHtml: "<p>Body</p>" })).toBe("A dek.");
		expect(articleSummary({ dek: "", bodyHtml: "<p>Body <em>text</em>.</p>" })).toBe("Body text .");
	});
});
