// Property tests for the age scale (issue #2's table): never throws on a valid date, never a
// wrong unit, monotone in elapsed time, exact at every boundary; and the render cache's
// validity window agrees with it everywhere.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ageLabel } from "../../src/age/scale";
import { labelChangesAt } from "../../src/render-cache/validity";
import { RUNS, SEED } from "./runs";

const S = 1_000;
const MIN = 60 * S;
const H = 60 * MIN;
const D = 24 * H;
const options = { numRuns: RUNS, seed: SEED };

/** Timestamps well inside the range Date supports, in whole milliseconds. */
const instant = fc.integer({ min: Date.UTC(1971, 0, 1), max: Date.UTC(2200, 0, 1) });
/** Elapsed times from a day in the future to a month past, dense near every boundary. */
const elapsed = fc.oneof(
	fc.integer({ min: -D, max: 30 * D }),
	fc
		.constantFrom(0, MIN, 2 * MIN, H, 2 * H, D, 2 * D, 7 * D, -MIN)
		.chain((b) => fc.integer({ min: b - 2, max: b + 2 })),
);

const dateFormat = new Intl.DateTimeFormat("en-US", {
	month: "short",
	day: "numeric",
	year: "numeric",
	timeZone: "UTC",
});

/** The table, written out independently of the implementation. */
function expected(published: number, e: number): string {
	if (e <= -MIN || e >= 7 * D) return dateFormat.format(new Date(published));
	if (e < MIN) return "just now";
	if (e < 2 * MIN) return "1 min ago";
	if (e < H) return `${Math.floor(e / MIN)} mins ago`;
	if (e < 2 * H) return "about 1 hour ago";
	if (e < D) return `${Math.floor(e / H)} hours ago`;
	if (e < 2 * D) return "1 day ago";
	return `${Math.floor(e / D)} days ago`;
}

/** Minutes that a label says at least have passed; the calendar date ranks above every relative label. */
function rank(label: string): number {
	if (label === "just now") return 0;
	if (label === "1 min ago") return 1;
	if (label === "about 1 hour ago") return 60;
	if (label === "1 day ago") return 1440;
	const m = /^(\d+) (mins|hours|days) ago$/.exec(label);
	if (!m) return Number.POSITIVE_INFINITY;
	return Number(m[1]) * { mins: 1, hours: 60, days: 1440 }[m[2] as "mins" | "hours" | "days"];
}

describe("age scale properties", () => {
	it("Should give the table's label, never a throw, for any valid pair of dates, in any form", () => {
		fc.assert(
			fc.property(fc.date({ noInvalidDate: true }), fc.date({ noInvalidDate: true }), (published, now) => {
				expect(ageLabel(published, now)).toBe(expected(published.getTime(), now.getTime() - published.getTime()));
				expect(ageLabel(published.toISOString(), now.getTime())).toBe(ageLabel(published, now));
			}),
			options,
		);
	});

	it("Should give exactly the table's words and unit for every elapsed time", () => {
		fc.assert(
			fc.property(instant, elapsed, (published, e) => {
				expect(ageLabel(published, published + e)).toBe(expected(published, e));
			}),
			options,
		);
	});

	it("Should be monotone in elapsed time", () => {
		fc.assert(
			fc.property(instant, elapsed, elapsed, (published, a, b) => {
				const [early, late] = a <= b ? [a, b] : [b, a];
				if (early <= -MIN) return; // the future's date label sits outside the order
				expect(rank(ageLabel(published, published + early))).toBeLessThanOrEqual(
					rank(ageLabel(published, published + late)),
				);
			}),
			options,
		);
	});

	it.each([
		[59_999, "just now"],
		[60_000, "1 min ago"],
		[119_000, "1 min ago"],
		[120_000, "2 mins ago"],
		[59 * MIN + 59 * S, "59 mins ago"],
		[60 * MIN, "about 1 hour ago"],
		[119 * MIN + 59 * S, "about 1 hour ago"],
		[2 * H, "2 hours ago"],
		[23 * H + 59 * MIN, "23 hours ago"],
		[24 * H, "1 day ago"],
		[48 * H, "2 days ago"],
		[6 * D + 23 * H, "6 days ago"],
		[-59_999, "just now"],
	])("Should be exact at the %i ms boundary from any publication time", (e, label) => {
		fc.assert(
			fc.property(instant, (published) => {
				expect(ageLabel(published, published + e)).toBe(label);
			}),
			options,
		);
	});

	it("Should show the calendar date from 7 days, and from a minute in the future", () => {
		fc.assert(
			fc.property(instant, fc.integer({ min: 7 * D, max: 3650 * D }), (published, e) => {
				const date = dateFormat.format(new Date(published));
				expect(ageLabel(published, published + e)).toBe(date);
				expect(ageLabel(published, published - MIN - (e - 7 * D))).toBe(date);
			}),
			options,
		);
	});

	it("Should reject any string that is not a date with a RangeError", () => {
		fc.assert(
			fc.property(
				fc.string().filter((s) => Number.isNaN(Date.parse(s))),
				(garbage) => {
					expect(() => ageLabel(garbage, Date.now())).toThrow(RangeError);
				},
			),
			options,
		);
		expect(() => ageLabel(Number.NaN, Date.now())).toThrow(RangeError);
		expect(() => ageLabel(Date.now(), Number.POSITIVE_INFINITY)).toThrow(RangeError);
	});
});

describe("render cache validity against the scale", () => {
	it("Should keep every label unchanged until labelChangesAt, and changed at it", () => {
		fc.assert(
			fc.property(instant, elapsed, fc.double({ min: 0, max: 1, noNaN: true }), (published, e, fraction) => {
				const now = published + e;
				const label = ageLabel(published, now);
				const until = labelChangesAt(published, now);
				expect(until).toBeGreaterThan(now);
				if (until === Number.POSITIVE_INFINITY) {
					expect(ageLabel(published, now + 3650 * D)).toBe(label);
					return;
				}
				const inside = now + Math.floor((until - 1 - now) * fraction);
				expect(ageLabel(published, inside)).toBe(label);
				expect(ageLabel(published, until - 1)).toBe(label);
				expect(ageLabel(published, until)).not.toBe(label);
			}),
			options,
		);
	});
});
