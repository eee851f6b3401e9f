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

describe("the diff's shared start and end", () => {
	it("Should give the same picture as a full line diff, for edits anywhere", () => {
		const lines = ["a", "b", "c", "d", "e"];
		const cases: [string, string][] = [
			[lines.join("\n"), ["a", "b", "X", "d", "e"].join("\n")],
			[`${lines.join("\n")}\n`, `${["X", ...lines.slice(1)].join("\n")}\n`],
			[`${lines.join("\n")}\n`, `${[...lines.slice(0, 4), "X"].join("\n")}\n`],
			["x\n", "x\ny\n"],
			["x", "xy\n"],
			["same\n", "same\n"],
			["", "new\n"],
			["A\nB\nZ\n", "A\nC\nZ\n"],
			["keep\nkeep\n", "keep\n"],
		];
		for (const [a, b] of cases) {
			const parts = textDiff(a, b) ?? [];
			expect(
				parts
					.filter((p) => p.kind !== "added")
					.map((p) => p.text)
					.join(""),
			).toBe(a);
			expect(
				parts
					.filter((p) => p.kind !== "removed")
					.map((p) => p.text)
					.join(""),
			).toBe(b);
		}
		const parts = textDiff("A\nB\nZ\n", "A\nC\nZ\n") ?? [];
		expect(parts).toEqual([
			{ kind: "same", text: "A\n" },
			{ kind: "removed", text: "B\n" },
			{ kind: "added", text: "C\n" },
			{ kind: "same", text: "Z\n" },
		]);
	});
});

describe("the diff, for any two texts", () => {
	it("Should always rebuild both versions from its parts", async () => {
		const fc = await import("fast-check");
		const text = fc.array(fc.constantFrom("a", "b", "\n", "c\n", "ab\n"), { maxLength: 30 }).map((xs) => xs.join(""));
		fc.assert(
			fc.property(text, text, (a, b) => {
				const parts = textDiff(a, b);
				if (!parts) return true;
				return (
					parts
						.filter((p) => p.kind !== "added")
						.map((p) => p.text)
						.join("") === a &&
					parts
						.filter((p) => p.kind !== "removed")
						.map((p) => p.text)
						.join("") === b
				);
			}),
			{ numRuns: 500 },
		);
	});
});
