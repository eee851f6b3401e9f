import { describe, expect, it } from "vitest";
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
});
