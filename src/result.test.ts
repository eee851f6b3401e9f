import { describe, expect, it } from "vitest";
import { err, ok, type Result } from "./result";

describe("Result", () => {
	it("Should carry a value on success and a typed error on failure", () => {
		const good: Result<number, "e.bad"> = ok(3);
		const bad: Result<number, "e.bad"> = err("e.bad");
		expect(good).toEqual({ ok: true, value: 3 });
		expect(bad).toEqual({ ok: false, error: "e.bad" });
	});
});
