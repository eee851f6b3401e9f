import { describe, expect, it } from "vitest";
import { capHtml } from "./cap";

const bytes = (text: string) => new TextEncoder().encode(text).byteLength;

describe("capHtml", () => {
	it("Should return HTML that fits unchanged", () => {
		const html = "<p>Short <em>enough</em>.</p>";
		expect(capHtml(html, 1000)).toBe(html);
		expect(capHtml(html, bytes(html))).toBe(html);
	});

	it("Should cut between elements and close every element still open", () => {
		const html = "<div><p>one</p><p>two</p><p>three</p></div>";
		// The end tags still needed always fit: "<p>t" goes in only with its "</p></div>".
		expect(capHtml(html, 29)).toBe("<div><p>one</p><p>t</p></div>");
		expect(capHtml(html, 28)).toBe("<div><p>one</p></div>");
		expect(capHtml(html, 20)).toBe("<div><p>on</p></div>");
		// A paragraph the cut would leave empty is left out, and so is the container it leaves empty.
		expect(capHtml(html, 28)).not.toContain("<p></p>");
		expect(capHtml(html, 17)).toBe("");
	});

	it("Should keep void elements whole and never leave a half tag", () => {
		const html = '<p>a<img src="https://x.example/a.png" alt="x" loading="lazy">b<br>c</p>';
		for (let max = 0; max < bytes(html); max++) {
			const capped = capHtml(html, max);
			expect(bytes(capped), `max ${max}`).toBeLessThanOrEqual(Math.max(max, 0));
			expect(capped.split("<").length, `max ${max}`).toBe(capped.split(">").length);
			if (capped !== "") expect(capped.endsWith("</p>"), `max ${max}`).toBe(true);
		}
	});

	it("Should cut text at a word when one is near, never inside an entity or a surrogate pair", () => {
		expect(capHtml("<p>Ports &amp; harbours everywhere</p>", 24)).toBe("<p>Ports &amp;</p>");
		expect(capHtml("<p>AT&amp;T results</p>", 11)).toBe("<p>AT</p>");
		const emoji = "<p>\u{1f6a2}\u{1f6a2}\u{1f6a2}</p>";
		expect(capHtml(emoji, 7 + 8)).toBe("<p>\u{1f6a2}\u{1f6a2}</p>");
		expect(capHtml(emoji, 7 + 7)).toBe("<p>\u{1f6a2}</p>");
	});

	it("Should count UTF-8 bytes, not characters", () => {
		const html = `<p>${"é".repeat(100)}</p>`;
		const capped = capHtml(html, 107);
		expect(capped).toBe(`<p>${"é".repeat(50)}</p>`);
		expect(bytes(capped)).toBe(107);
	});

	it("Should stay within the cap on a deeply nested fragment", () => {
		const html = `${"<blockquote><div>".repeat(50)}${"text ".repeat(200)}${"</div></blockquote>".repeat(50)}`;
		const capped = capHtml(html, 1500);
		expect(bytes(capped)).toBeLessThanOrEqual(1500);
		expect(capped.split("<blockquote>").length).toBe(capped.split("</blockquote>").length);
		expect(capped.split("<div>").length).toBe(capped.split("</div>").length);
	});
});
