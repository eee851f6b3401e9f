import * as v from "valibot";
import { describe, expect, it } from "vitest";
import { MarkdownBody } from "./body";
import { MAX_BODY_HTML_BYTES, renderMarkdown } from "./render";

const LONG_URL = `https://example.com/${"a".repeat(1000)}`;
/** One definition of ~2,000 characters, then `uses` references to it (spaced, or `[x][x]` reads as one link). */
const referenceBomb = (uses: number, prefix = "") =>
	`[x]: ${LONG_URL} "${"t".repeat(1000)}"\n\n${`${prefix}[x] `.repeat(uses)}`;

describe("renderMarkdown", () => {
	it("Should render and sanitize a body", () => {
		expect(renderMarkdown("# Hi\n\nSee [the port](http://port.example/) <script>x</script>")).toEqual({
			ok: true,
			value: '<h1>Hi</h1>\n<p>See <a href="http://port.example/" rel="noopener nofollow">the port</a> </p>\n',
		});
	});

	it("Should refuse one long reference definition used 40,000 times (~80 MB of HTML) as too large", () => {
		expect(renderMarkdown(referenceBomb(40_000))).toEqual({
			ok: false,
			error: { code: "markdown.too_large", detail: `renders to more than ${MAX_BODY_HTML_BYTES} bytes of HTML` },
		});
		expect(renderMarkdown(referenceBomb(40_000, "!")).ok).toBe(false);
	});

	it("Should render the same reference used a few hundred times", () => {
		const rendered = renderMarkdown(referenceBomb(300));
		expect(rendered.ok && rendered.value.match(/<a /g)?.length).toBe(300);
	});

	it("Should refuse HTML over the cap that no reference produced, measured in UTF-8 bytes", () => {
		// A table of one-character CJK cells: 978,840 UTF-16 units of HTML, but 1,155,040 bytes in UTF-8.
		const row = `|${"語|".repeat(100)}\n`;
		const table = `${row}|${"-|".repeat(100)}\n${row.repeat(880)}`;
		expect(table.length).toBeLessThan(200_000);
		expect(renderMarkdown(table)).toEqual({
			ok: false,
			error: { code: "markdown.too_large", detail: `renders to more than ${MAX_BODY_HTML_BYTES} bytes of HTML` },
		});
		expect(renderMarkdown(table.slice(0, table.length / 2)).ok).toBe(true);
	});

	it("Should refuse nesting deep enough to overflow marked's stack, instead of throwing", () => {
		expect(renderMarkdown(">".repeat(20_000))).toEqual({
			ok: false,
			error: { code: "markdown.too_deep", detail: "nests blocks too deeply to render" },
		});
	});

	it("Should keep a body that escapes to more than it stores: quotes come back as written", () => {
		const rendered = renderMarkdown('"'.repeat(199_000));
		expect(rendered).toEqual({ ok: true, value: `<p>${'"'.repeat(199_000)}</p>\n` });
	});
});

describe("MarkdownBody", () => {
	it("Should name the rendered size in its issue", () => {
		const parsed = v.safeParse(MarkdownBody, referenceBomb(40_000));
		expect(parsed.success ? [] : parsed.issues.map((issue) => issue.message)).toEqual([
			`must not be Markdown that renders to more than ${MAX_BODY_HTML_BYTES} bytes of HTML`,
		]);
	});

	it("Should report only the length when the body is over 200,000 characters", () => {
		const parsed = v.safeParse(MarkdownBody, "a".repeat(200_001));
		expect(parsed.success ? [] : parsed.issues.map((issue) => issue.message)).toEqual([
			"must be at most 200000 characters",
		]);
	});
});
