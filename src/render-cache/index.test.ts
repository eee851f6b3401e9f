import { describe, expect, it } from "vitest";
import { RenderCache } from "./index";

describe("RenderCache", () => {
	it("Should serve a copy only from the same inputs and within its window", () => {
		const cache = new RenderCache<string>(4);
		const index = {};
		cache.store("home", 1_000, 2_000, "page", index, "UTC");
		expect(cache.lookup("home", 1_000, index, "UTC")).toBe("page");
		expect(cache.lookup("home", 1_999, index, "UTC")).toBe("page");
		expect(cache.lookup("home", 2_000, index, "UTC")).toBeUndefined();
		expect(cache.lookup("home", 999, index, "UTC")).toBeUndefined();
		expect(cache.lookup("home", 1_500, {}, "UTC")).toBeUndefined();
		expect(cache.lookup("home", 1_500, index, "Europe/Paris")).toBeUndefined();
	});

	it("Should keep nothing that is already out of date, and drop the oldest beyond capacity", () => {
		const cache = new RenderCache<string>(2);
		cache.store("stale", 1_000, 1_000, "x", null);
		expect(cache.lookup("stale", 1_000, null)).toBeUndefined();
		for (const key of ["a", "b", "c"]) cache.store(key, 0, 10, key, null);
		expect(cache.lookup("a", 5, null)).toBeUndefined();
		expect(cache.lookup("c", 5, null)).toBe("c");
	});
});
