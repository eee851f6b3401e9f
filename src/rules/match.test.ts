// Keep and block rules on their own: phrases and patterns on each field, block beating keep, the
// keep-only semantics, review holding, patterns built to backtrack finishing in linear time, the
// compile-time refusals, and the work budget holding what it cannot check.
import { describe, expect, it } from "vitest";
import type { RuleField } from "../schemas/rules";
import { compileRules, compileStored, MAX_SET_PROGRAM, type RuleLike } from "./compile";
import { CONTENT_TEXT_MAX, capText, type RuleItem, ruleItemOf } from "./item";
import { compilePattern, MAX_PATTERN_PROGRAM } from "./pattern";
import { NOTES, newBudget, ruleSet, screen } from "./screen";

const ITEM: RuleItem = {
	key: "g-1",
	title: "Ferry strike closes the Harbour line",
	link: "https://gazette.example/2026/ferry-strike?utm_source=rss",
	author: "Ines Marlow",
	categories: ["Transport", "Local news"],
	content: "Crews walked out at dawn. The ﬁrst sailing is cancelled; Ｒｅｐａｉｒｓ continue.",
};

const rule = (over: Partial<RuleLike>): RuleLike => ({
	id: 1,
	action: "block",
	field: "title",
	kind: "phrase",
	value: "strike",
	...over,
});

function verdict(rules: RuleLike[], item: RuleItem = ITEM, review = false) {
	const compiled = compileRules(rules, "source");
	if (!compiled.ok) throw new Error(JSON.stringify(compiled.error));
	return screen(item, ruleSet([], compiled.value), { review }, newBudget());
}

describe("rule matching", () => {
	it.each<[RuleField, string, string]>([
		["title", "FERRY STRIKE", "strike\\s+closes"],
		["link", "utm_source=rss", "^https://gazette\\.example/\\d{4}/"],
		["author", "ines marlow", "^ines\\b"],
		["categories", "local news", "^transport$"],
		["content", "walked out", "walked\\s+out\\s+at\\s+(dawn|dusk)"],
	])("Should match a phrase and a pattern on %s", (field, phrase, pattern) => {
		expect(verdict([rule({ field, value: phrase })])).toMatchObject({ outcome: "blocked" });
		expect(verdict([rule({ field, kind: "pattern", value: pattern })])).toMatchObject({ outcome: "blocked" });
		expect(verdict([rule({ field, value: "nowhere in it" })])).toEqual({ outcome: "kept" });
		expect(verdict([rule({ field, kind: "pattern", value: "^nowhere$" })])).toEqual({ outcome: "kept" });
	});

	it("Should match a pattern against each category on its own", () => {
		expect(verdict([rule({ field: "categories", kind: "pattern", value: "^local news$" })]).outcome).toBe("blocked");
		expect(verdict([rule({ field: "categories", kind: "pattern", value: "transport.*local" })]).outcome).toBe("kept");
	});

	it("Should fold compatibility forms and case (NFKC, then lowercase) in text and phrase alike", () => {
		// The text has the ligature ﬁ and full-width letters; the phrases have neither, and the other way round.
		expect(verdict([rule({ field: "content", value: "FIRST SAILING" })]).outcome).toBe("blocked");
		expect(verdict([rule({ field: "content", value: "repairs continue" })]).outcome).toBe("blocked");
		expect(verdict([rule({ field: "content", value: "ｃｒｅｗｓ" })]).outcome).toBe("blocked");
		expect(verdict([rule({ field: "content", kind: "pattern", value: "repairs\\s+continue" })]).outcome).toBe(
			"blocked",
		);
		expect(verdict([rule({ field: "title", kind: "pattern", value: "(?-i)ferry" })]).outcome).toBe("kept");
	});

	it("Should not match an absent author or empty categories", () => {
		const bare = { ...ITEM, categories: [] };
		delete bare.author;
		expect(verdict([rule({ field: "author", kind: "pattern", value: ".*" })], bare).outcome).toBe("kept");
		expect(verdict([rule({ field: "categories", kind: "pattern", value: ".*" })], bare).outcome).toBe("kept");
	});

	it("Should let a block rule win over a keep rule that also matches, naming the block rule", () => {
		const keep = rule({ id: 7, action: "keep", value: "ferry" });
		const block = rule({ id: 8, action: "block", value: "strike" });
		expect(verdict([keep, block])).toEqual({
			outcome: "blocked",
			rule: { scope: "source", id: 8, action: "block", field: "title", kind: "phrase", value: "strike" },
		});
	});

	it("Should keep only items matching a keep rule once any exists, and name the keep rule", () => {
		const keep = rule({ id: 3, action: "keep", field: "categories", value: "transport" });
		expect(verdict([keep])).toEqual({ outcome: "kept", rule: { ...keep, scope: "source" } });
		// A phrase is a substring: "sport" would match "Transport".
		const other = rule({ action: "keep", field: "categories", value: "weather" });
		expect(verdict([other])).toEqual({ outcome: "blocked", note: NOTES.noKeep });
		// Any keep rule, global or the source's, is enough to keep it.
		const global = compileStored([rule({ id: 9, action: "keep", value: "harbour" })], "global");
		const own = compileStored([other], "source");
		expect(screen(ITEM, ruleSet(global, own), { review: false }, newBudget()).outcome).toBe("kept");
		expect(screen(ITEM, ruleSet(global, []), { review: false }, newBudget()).rule?.scope).toBe("global");
	});

	it("Should keep everything when there are no rules, and hold what is kept from a review source", () => {
		expect(verdict([])).toEqual({ outcome: "kept" });
		expect(verdict([], ITEM, true)).toEqual({ outcome: "held", note: NOTES.review });
		// Blocked stays blocked, review or not.
		expect(verdict([rule({})], ITEM, true).outcome).toBe("blocked");
	});

	it("Should read an item's content as its sanitized text, capped", () => {
		const read = ruleItemOf({
			key: "k",
			title: "T",
			link: "https://x.example/",
			publishedAt: "2026-01-01T00:00:00Z",
			dated: true,
			contentHtml: `<p>One &amp; <b>two</b></p><p>${"x".repeat(CONTENT_TEXT_MAX)}</p>`,
		});
		expect(read.content.startsWith("One & two x")).toBe(true);
		expect(read.content).toHaveLength(CONTENT_TEXT_MAX);
		expect(read.categories).toEqual([]);
		expect(capText("ab\u{1F600}", 3)).toBe("ab");
	});
});

/**
 * Wall time of `fn`. workerd's clocks move only across I/O, so the end is read after a timer:
 * the start may be a little early (the last I/O), which only makes the figure larger.
 */
async function elapsedMs(fn: () => void): Promise<number> {
	const started = Date.now();
	fn();
	await new Promise((resolve) => setTimeout(resolve, 0));
	return Date.now() - started;
}

describe("patterns built to backtrack", () => {
	// With JavaScript RegExp these take exponential time; they are never run that way here.
	it.each([
		["(a+)+$", `${"a".repeat(30_000)}!`],
		["(x+x+)+y", "x".repeat(30_000)],
		["(a|aa)+$", `${"a".repeat(30_000)}b`],
		["^(\\w+\\s?)*$", `${"word ".repeat(6_000)}!`],
	])("Should test %s against 30,000 characters in linear time", async (pattern, text) => {
		const compiled = compilePattern(pattern);
		if (!compiled.ok) throw new Error(compiled.error);
		const item = { ...ITEM, content: text };
		const ms = await elapsedMs(() => {
			expect(compiled.value.test(text)).toBe(false);
			expect(verdict([rule({ field: "content", kind: "pattern", value: pattern })], item).outcome).toBe("kept");
		});
		// Generous: a few tens of ms in practice.
		expect(ms).toBeLessThan(200);
	});

	it("Should take about twice as long for twice the text (linear, not exponential)", async () => {
		const compiled = compilePattern("(x+x+)+y");
		if (!compiled.ok) throw new Error(compiled.error);
		const test = compiled.value.test;
		const short = await elapsedMs(() => test("x".repeat(100_000)));
		const long = await elapsedMs(() => test("x".repeat(200_000)));
		expect(long).toBeLessThan(Math.max(short, 10) * 4);
	});
});

describe("compiling rules", () => {
	it.each([
		["(", "rule 0: not a valid pattern: missing closing ): `(`"],
		["(?=lookahead)", "rule 0: not a valid pattern: invalid or unsupported Perl syntax: `(?=`"],
		["\\1", "rule 0: not a valid pattern: invalid escape sequence: `\\1`"],
		["a{1001}", "rule 0: not a valid pattern: invalid repeat count: `{1001}`"],
	])("Should refuse the pattern %j, naming the rule", (value, message) => {
		expect(compileRules([rule({ kind: "pattern", value })], "global")).toEqual({
			ok: false,
			error: [{ path: "rules.0.value", message }],
		});
	});

	it("Should refuse a pattern whose program is too large, and a set too large together", () => {
		const big = compileRules([rule({ kind: "pattern", value: ".{900}x.{900}" })], "global");
		expect(big.ok).toBe(false);
		expect(!big.ok && big.error[0]?.message).toMatch(`at most ${MAX_PATTERN_PROGRAM}`);
		const many = Array.from({ length: 5 }, (_, i) => rule({ kind: "pattern", value: `.{${950 + i}}` }));
		const together = compileRules(many, "global");
		expect(together.ok).toBe(false);
		expect(!together.ok && together.error).toEqual([
			{ path: "rules", message: expect.stringContaining(`${MAX_SET_PROGRAM}`) },
		]);
	});

	it("Should compile a huge nested repetition quickly or refuse it", () => {
		const started = performance.now();
		for (const value of ["((a{100}){100}){100}", `${".{1000}".repeat(70)}`, "(\\w{1000}|\\d{1000}){9}"]) {
			expect(compileRules([rule({ kind: "pattern", value })], "global").ok).toBe(false);
		}
		expect(performance.now() - started).toBeLessThan(2000);
	});

	it("Should refuse a phrase that folds to nothing but spaces", () => {
		expect(compileRules([rule({ value: "\u3000" })], "source").ok).toBe(false);
	});

	it("Should leave out a stored rule that no longer compiles, and log it", () => {
		expect(compileStored([rule({ kind: "pattern", value: "(" }), rule({})], "global")).toHaveLength(1);
	});
});

describe("the matching budget", () => {
	it("Should hold an item whose rules the budget cannot cover, and charge nothing for it", () => {
		const compiled = compileStored([rule({ field: "content", kind: "pattern", value: "never" })], "global");
		const budget = newBudget(100);
		const held = screen({ ...ITEM, content: "x".repeat(1000) }, ruleSet(compiled, []), { review: false }, budget);
		expect(held).toEqual({ outcome: "held", note: NOTES.budget });
		expect(budget.left).toBe(100);
		// A short item still fits what is left.
		expect(screen({ ...ITEM, content: "short" }, ruleSet(compiled, []), { review: false }, budget).outcome).toBe(
			"kept",
		);
		expect(budget.left).toBeLessThan(100);
	});
});
