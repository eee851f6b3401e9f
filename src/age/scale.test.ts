import { describe, expect, it } from "vitest";
import { ageLabel } from "./scale";

const NOW = Date.parse("2026-11-25T12:00:00Z");
const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;

describe("ageLabel", () => {
	// Every boundary of the contract in issue #2, both sides where the scale changes.
	it.each([
		[0, "just now"],
		[59_999, "just now"],
		[60 * S, "1 min ago"],
		[119 * S, "1 min ago"],
		[120 * S, "2 mins ago"],
		[20 * M, "20 mins ago"],
		[59 * M + 59 * S, "59 mins ago"],
		[60 * M, "about 1 hour ago"],
		[119 * M + 59 * S, "about 1 hour ago"],
		[2 * H, "2 hours ago"],
		[23 * H + 59 * M, "23 hours ago"],
		[24 * H, "1 day ago"],
		[47 * H + 59 * M, "1 day ago"],
		[48 * H, "2 days ago"],
		[6 * D + 23 * H, "6 days ago"],
		[7 * D, "Nov 18, 2026"],
		[400 * D, "Oct 21, 2025"],
	])("Should label an age of %d ms as %j", (elapsed, label) => {
		expect(ageLabel(NOW - elapsed, NOW)).toBe(label);
	});

	it("Should treat less than a minute in the future as just now", () => {
		expect(ageLabel(NOW + 59_999, NOW)).toBe("just now");
	});

	it("Should show the date for a minute or more in the future", () => {
		expect(ageLabel(NOW + 60 * S, NOW)).toBe("Nov 25, 2026");
		expect(ageLabel(NOW + 3 * D, NOW)).toBe("Nov 28, 2026");
	});

	it("Should format dates in the site's time zone", () => {
		const lateEvening = Date.parse("2026-11-01T23:30:00Z");
		expect(ageLabel(lateEvening, NOW, "UTC")).toBe("Nov 1, 2026");
		expect(ageLabel(lateEvening, NOW, "Asia/Tokyo")).toBe("Nov 2, 2026");
	});

	it("Should accept ISO strings, Dates and epoch milliseconds alike", () => {
		const iso = new Date(NOW - 28 * M).toISOString();
		expect(ageLabel(iso, new Date(NOW))).toBe("28 mins ago");
		expect(ageLabel(new Date(iso), NOW)).toBe("28 mins ago");
	});

	it.each([["not a date"], [""], [Number.NaN], [new Date("nope")]])("Should reject the invalid date %j", (bad) => {
		expect(() => ageLabel(bad as string, NOW)).toThrow(RangeError);
	});

	it("Should reject an invalid now", () => {
		expect(() => ageLabel(NOW, Number.NaN)).toThrow(RangeError);
	});
});
