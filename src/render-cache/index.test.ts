import { describe, expect, it } from "vitest";
import { RenderCache } from "./index";

describe("RenderCache", () => {
	it("Should serve a copy only from the same inputs and within its window", () => {
		const cache = new RenderCache<string>(4);
		const index = {};
		const home = { key: "home", deps: { index, timeZone: "UTC" } };
		cache.store(home, 1_000, 2_000, "page");
		expect(cache.lookup(home, 1_000)).toBe("page");
		// Another object naming the very same records is the same copy.
		expect(cache.lookup({ key: "home", deps: { index, timeZone: "UTC" } }, 1_999)).toBe("page");
		expect(cache.lookup(home, 2_000)).toBeUndefined();
		expect(cache.lookup(home, 999)).toBeUndefined();
		expect(cache.lookup({ key: "home", deps: { index: {}, timeZone: "UTC" } }, 1_500)).toBeUndefined();
		expect(cache.lookup({ key: "home", deps: { index, timeZone: "Europe/Paris" } }, 1_500)).toBeUndefined();
		// A copy made from fewer (or more) records is another copy.
		expect(cache.lookup({ key: "home", deps: { index } }, 1_500)).toBeUndefined();
		expect(cache.lookup({ key: "home", deps: { index, timeZone: "UTC", extra: 1 } }, 1_500)).toBeUndefined();
	});

	it("Should keep nothing that is already out of date, and drop the oldest beyond capacity", () => {
		const cache = new RenderCache<string>(2);
		const entry = (key: string) => ({ key, deps: { index: null } });
		cache.store(entry("stale"), 1_000, 1_000, "x");
		expect(cache.lookup(entry("stale"), 1_000)).toBeUndefined();
		for (const key of ["a", "b", "c"]) cache.store(entry(key), 0, 10, key);
		expect(cache.lookup(entry("a"), 5)).toBeUndefined();
		expect(cache.lookup(entry("c"), 5)).toBe("c");
	});

	it("Should render only on a miss, and keep the render until the moment it returned", async () => {
		const cache = new RenderCache<string>(2);
		const entry = { key: 10, deps: { index: null } };
		let renders = 0;
		const render = async () => ({ value: `render ${++renders}`, until: 2_000 });
		expect(await cache.through(entry, 1_000, render)).toBe("render 1");
		expect(await cache.through(entry, 1_999, render)).toBe("render 1");
		expect(await cache.through(entry, 2_000, render)).toBe("render 2");
		expect(renders).toBe(2);
	});
});
