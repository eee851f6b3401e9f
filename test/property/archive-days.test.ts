// Property tests for the date archive: every instant of the date domain, in any time zone, is filed
// under a day the archive's routes can name, and the route's own parameters read that day back.
import fc from "fast-check";
import * as v from "valibot";
import { describe, expect, it } from "vitest";
import { localDay, zoneOffsetMs } from "../../src/archive/local-day";
import { archivePath } from "../../src/publishing/paths";
import { ArchiveDayParam, ArchiveMonthParam, Day } from "../../src/schemas/archive";
import { EARLIEST_INSTANT, LATEST_INSTANT } from "../../src/schemas/date-time";
import { RUNS, SEED } from "./runs";

const DAY_MS = 86_400_000;

const instant = fc.oneof(
	fc.integer({ min: EARLIEST_INSTANT, max: LATEST_INSTANT }),
	fc.integer({ min: EARLIEST_INSTANT, max: EARLIEST_INSTANT + 2 * DAY_MS }),
	fc.integer({ min: LATEST_INSTANT - 2 * DAY_MS, max: LATEST_INSTANT }),
);

/** Zones from the far west to the far east, with half- and quarter-hour offsets and summer time. */
const zone = fc.constantFrom(
	"UTC",
	"Pacific/Pago_Pago",
	"America/Los_Angeles",
	"America/New_York",
	"America/St_Johns",
	"Europe/London",
	"Asia/Kolkata",
	"Asia/Kathmandu",
	"Australia/Lord_Howe",
	"Pacific/Chatham",
	"Pacific/Kiritimati",
);

describe("The archive's days", () => {
	it("Should file every instant of the domain, in any zone, under a day the routes name and read back", () => {
		fc.assert(
			fc.property(instant, zone, (ms, timeZone) => {
				const day = localDay(ms, timeZone);
				expect(v.is(Day, day), day).toBe(true);
				const [, , year, month, date] = archivePath(day).split("/");
				expect(v.parse(ArchiveDayParam, { year, month, day: date })).toEqual({ day });
				expect(v.parse(ArchiveMonthParam, { year, month })).toEqual({ month: day.slice(0, 7) });
			}),
			{ numRuns: RUNS, seed: SEED },
		);
	});

	it("Should file an instant under the day its local wall clock shows, away from the domain's edges", () => {
		fc.assert(
			fc.property(
				fc.integer({ min: EARLIEST_INSTANT + DAY_MS, max: LATEST_INSTANT - DAY_MS }),
				zone,
				(ms, timeZone) => {
					const wall = new Date(ms + zoneOffsetMs(ms, timeZone)).toISOString().slice(0, 10);
					expect(localDay(ms, timeZone)).toBe(wall);
					// Days never run backwards: a later instant is never filed on an earlier day.
					expect(localDay(ms + 3_600_000, timeZone) >= localDay(ms, timeZone)).toBe(true);
				},
			),
			{ numRuns: RUNS, seed: SEED },
		);
	});

	it("Should agree with Intl's own calendar date in the zone", () => {
		fc.assert(
			fc.property(
				fc.integer({ min: Date.parse("1900-01-01T00:00:00Z"), max: Date.parse("2200-01-01T00:00:00Z") }),
				zone,
				(ms, timeZone) => {
					const parts = new Intl.DateTimeFormat("en-CA", {
						timeZone,
						year: "numeric",
						month: "2-digit",
						day: "2-digit",
					}).format(ms);
					expect(localDay(ms, timeZone)).toBe(parts);
				},
			),
			{ numRuns: RUNS, seed: SEED },
		);
	});
});
