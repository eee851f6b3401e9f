import { describe, expect, it } from "vitest";
import { fromLocalInput, toLocalInput } from "./zoned-time";

describe("the editor's schedule field in the site's time zone", () => {
	it("Should read a wall-clock time in the zone as the right UTC instant, both sides of a clock change", () => {
		expect(fromLocalInput("2026-12-06T09:30", "America/New_York")).toBe("2026-12-06T14:30:00Z");
		expect(fromLocalInput("2026-07-06T09:30", "America/New_York")).toBe("2026-07-06T13:30:00Z");
		expect(fromLocalInput("2026-12-06T09:30", "Asia/Kolkata")).toBe("2026-12-06T04:00:00Z");
		expect(fromLocalInput("2026-12-06T09:30", "UTC")).toBe("2026-12-06T09:30:00Z");
	});

	it("Should show a stored instant on the zone's clocks", () => {
		expect(toLocalInput("2026-12-06T14:30:00Z", "America/New_York")).toBe("2026-12-06T09:30");
		expect(toLocalInput("2026-12-06T04:00:00.000Z", "Asia/Kolkata")).toBe("2026-12-06T09:30");
	});

	it("Should round-trip every quarter hour of a day with a clock change", () => {
		for (let q = 0; q < 96; q++) {
			const iso = new Date(Date.UTC(2026, 2, 8, 0, q * 15)).toISOString().replace(".000Z", "Z");
			expect(fromLocalInput(toLocalInput(iso, "America/New_York"), "America/New_York")).toBe(iso);
		}
	});

	it("Should refuse text that is not a wall-clock time", () => {
		for (const text of ["", "tomorrow", "2026-02-30T10:00", "2026-12-06 09:30", "2026-12-06T25:00"]) {
			expect(fromLocalInput(text, "UTC")).toBeUndefined();
		}
	});
});
