// The `?before=` cursor reads back every position a stored article can have, the year 1 to 9999.
import fc from "fast-check";
import * as v from "valibot";
import { describe, expect, it } from "vitest";
import { CursorText, cursorText } from "./paging";

describe("CursorText", () => {
	it("Should read back the cursor of any date in the stored domain, before 1970 included", () => {
		const year1 = new Date(0);
		year1.setUTCFullYear(1, 0, 1);
		const year9999 = Date.UTC(9999, 11, 31, 23, 59, 59, 999);
		fc.assert(
			fc.property(
				fc.integer({ min: year1.getTime(), max: year9999 }),
				fc.stringMatching(/^[a-z0-9]{1,20}(-[a-z0-9]{1,10}){0,3}$/),
				(ms, slug) => {
					expect(v.parse(CursorText, cursorText({ publishedMs: ms, slug }))).toEqual({ publishedMs: ms, slug });
				},
			),
		);
		expect(v.parse(CursorText, "-62135596800000-first-story")).toEqual({
			publishedMs: -62135596800000,
			slug: "first-story",
		});
	});

	it("Should refuse what this site never links", () => {
		for (const text of ["", "-", "12-", "--12-a", "12-A", "x-12", "1234567890123456-a"]) {
			expect(v.safeParse(CursorText, text).success, text).toBe(false);
		}
	});
});
