import fc from "fast-check";
import * as v from "valibot";
import { describe, expect, it } from "vitest";
import { RuleInput } from "../schemas/rules";
import { linesToRules, rulesToLines } from "./rule-lines";

describe("rules as lines", () => {
	it("Should read one rule a line, skipping blank lines and # notes, and write them back the same", () => {
		const text = "# keep it clean\nblock title phrase sponsored content\n\nkeep link pattern ^https://port\\.example/";
		const { rules, errors } = linesToRules(text);
		expect(errors).toEqual([]);
		expect(rules).toEqual([
			{ action: "block", field: "title", kind: "phrase", value: "sponsored content" },
			{ action: "keep", field: "link", kind: "pattern", value: "^https://port\\.example/" },
		]);
		expect(rulesToLines(rules)).toBe(
			"block title phrase sponsored content\nkeep link pattern ^https://port\\.example/",
		);
	});

	it("Should name each bad line by its number and what is wrong", () => {
		const { rules, errors } = linesToRules(
			"block title phrase fine\nhide title phrase x\nblock title\nkeep colour phrase y",
		);
		expect(rules).toHaveLength(1);
		expect(errors).toHaveLength(3);
		expect(errors[0]).toMatch(/^line 2: the action must be "keep" or "block"/);
		expect(errors[1]).toMatch(/^line 3: write it as/);
		expect(errors[2]).toMatch(/^line 4: the field must be one of/);
	});
	it("Should give back exactly the rules it was given, for every value the API accepts", () => {
		const rule = fc.record({
			action: fc.constantFrom("keep" as const, "block" as const),
			field: fc.constantFrom("title" as const, "link" as const),
			kind: fc.constantFrom("phrase" as const, "pattern" as const),
			value: fc.string({ unit: "grapheme", minLength: 1, maxLength: 40 }),
		});
		fc.assert(
			fc.property(fc.array(rule, { maxLength: 5 }), (drawn) => {
				const accepted = drawn.filter((r) => v.is(RuleInput, r));
				const { rules, errors } = linesToRules(rulesToLines(accepted));
				expect(errors).toEqual([]);
				expect(rules).toEqual(accepted);
			}),
		);
	});
});
