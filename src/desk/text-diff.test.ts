import { describe, expect, it } from "vitest";
import { articleText, textDiff } from "./text-diff";

const base = { title: "Cranes return", publishedAt: "2026-12-06T10:00:00Z", body: "One.\n\nTwo.\n" };

describe("a revision's diff", () => {
	it("Should mark the lines that changed and keep the rest", () => {
		const parts = textDiff(
			articleText(base),
			articleText({ ...base, title: "Cranes are back", body: "One.\n\nThree.\n" }),
		);
		expect(parts?.filter((p) => p.kind === "removed").map((p) => p.text)).toEqual(["Title: Cranes return\n", "Two.\n"]);
		expect(parts?.filter((p) => p.kind === "added").map((p) => p.text)).toEqual([
			"Title: Cranes are back\n",
			"Three.\n",
		]);
		expect(parts?.map((p) => p.text).join("")).toContain("One.");
	});

	it("Should give up rather than spend unbounded work on a total rewrite", () => {
		const a = Array.from({ length: 6000 }, (_, i) => `a line ${i}`).join("\n");
		const b = Array.from({ length: 6000 }, (_, i) => `another ${i}`).join("\n");
		const started = performance.now();
		expect(textDiff(a, b)).toBeUndefined();
		expect(performance.now() - started).toBeLessThan(200);
	});
});
