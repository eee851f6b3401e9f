import * as v from "valibot";
import { describe, expect, it } from "vitest";
import { describeIssue, formatIssues } from "./issues";

const Shape = v.object({ a: v.object({ b: v.number() }), c: v.string() });

describe("formatIssues", () => {
	it("Should name each issue by its dotted path", () => {
		const parsed = v.safeParse(Shape, { a: { b: "x" }, c: 1 });
		expect(parsed.success).toBe(false);
		expect(formatIssues(parsed.issues ?? [])).toEqual([
			{ path: "a.b", message: 'Invalid type: Expected number but received "x"' },
			{ path: "c", message: "Invalid type: Expected string but received 1" },
		]);
	});

	it("Should give the root an empty path", () => {
		const parsed = v.safeParse(Shape, null);
		expect(formatIssues(parsed.issues ?? [])).toEqual([
			{ path: "", message: "Invalid type: Expected Object but received null" },
		]);
	});
});

describe("describeIssue", () => {
	it("Should write the first issue as one line, the root as (root)", () => {
		expect(describeIssue(v.safeParse(Shape, { a: { b: "x" }, c: 1 }).issues ?? [])).toBe(
			'a.b: Invalid type: Expected number but received "x"',
		);
		expect(describeIssue(v.safeParse(Shape, 5).issues ?? [])).toBe(
			"(root): Invalid type: Expected Object but received 5",
		);
	});
});
