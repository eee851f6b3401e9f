/**
 * @module The one date domain every stored date lies in: an ISO 8601 date-time with an offset (RFC 3339
 * §5.6) naming a real calendar day, whose instant in UTC falls in the years 0001 to 9999. Writes and
 * reads check the same set, and the canonical UTC form of a member is a member, so whatever a write
 * accepts reads back.
 */
import * as v from "valibot";

/** RFC 3339 §5.6 `date-time`, seconds optional (editors write `09:30Z`); the offset is required. */
const SHAPE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:Z|([+-])(\d{2}):(\d{2}))$/;

/** `0001-01-01T00:00:00.000Z` and `9999-12-31T23:59:59.999Z`: past them, `toISOString()` leaves four digits (`+010000-…`). */
export const EARLIEST_INSTANT = Date.parse("0001-01-01T00:00:00.000Z");
export const LATEST_INSTANT = Date.parse("9999-12-31T23:59:59.999Z");

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** True when `ms` is an instant of the domain. */
export function inDateDomain(ms: number): boolean {
	return ms >= EARLIEST_INSTANT && ms <= LATEST_INSTANT;
}

/** Days in a month of the proleptic Gregorian calendar (ISO 8601 §4.3.2.1), `month` 1–12. */
export function daysInMonth(year: number, month: number): number {
	const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
	return month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
}

/**
 * Milliseconds since the epoch of a date-time with an offset, or undefined when the text is not one, names
 * a day or time that does not exist (`2026-02-30`, `25:00`), or falls outside the domain.
 */
export function parseIsoDateTime(text: string): number | undefined {
	const instant = calendarInstant(text);
	return typeof instant === "number" && inDateDomain(instant) ? instant : undefined;
}

/**
 * The instant the text names, whatever its year; "shape" when it is not an RFC 3339 date-time, "calendar"
 * when its fields name no real day or time.
 *
 * A leap second (`23:59:60`, RFC 3339 §5.7) reads as the last millisecond before the next second:
 * JavaScript's clock has no leap seconds, and clamping keeps the instant in the minute, day and year the
 * writer named (moving on to the next second would turn `9999-12-31T23:59:60Z` into year 10000) and still
 * after every instant of second :59. Fractions past milliseconds are cut, never rounded up, for the same
 * reason.
 */
function calendarInstant(text: string): number | "shape" | "calendar" {
	const m = SHAPE.exec(text);
	if (m === null) return "shape";
	const field = (group: number) => Number(m[group] ?? "0");
	const [year, month, day, hour, minute, second] = [field(1), field(2), field(3), field(4), field(5), field(6)];
	const [offsetHours, offsetMinutes] = [field(9), field(10)];
	if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return "calendar";
	if (hour > 23 || minute > 59 || second > 60 || offsetHours > 23 || offsetMinutes > 59) return "calendar";
	const leap = second === 60;
	const ms = leap ? 999 : Number((m[7] ?? "").padEnd(3, "0").slice(0, 3));
	const local = new Date(0);
	// setUTCFullYear, not Date.UTC: Date.UTC reads years 0–99 as 1900–1999.
	local.setUTCFullYear(year, month - 1, day);
	local.setUTCHours(hour, minute, leap ? 59 : second, ms);
	const offset = (m[8] === "-" ? -1 : 1) * (offsetHours * 60 + offsetMinutes);
	return local.getTime() - offset * 60_000;
}

/** The canonical UTC form (`toISOString()`) of a member of the domain; the identity on canonical text. */
export function toUtcIso(text: string): string {
	const instant = parseIsoDateTime(text);
	if (instant === undefined) throw new RangeError(`not a date-time of the domain: ${text}`);
	return new Date(instant).toISOString();
}

const MESSAGES = {
	shape: "must be an ISO 8601 date-time with an offset, e.g. 2026-11-25T09:30:00Z",
	calendar: "must name a real calendar day and time (no February 30, no hour 24)",
	range: "must fall in the years 0001 to 9999 once converted to UTC",
} as const;

/** A date-time of the domain, as stored and as read: the same check on every path, one message per failure. */
export const IsoDateTime = v.pipe(
	v.string(),
	// The pattern alone is what the OpenAPI document can state; the check below says the rest.
	v.regex(SHAPE, MESSAGES.shape),
	v.rawCheck(({ dataset, addIssue }) => {
		if (!dataset.typed) return;
		const instant = calendarInstant(dataset.value);
		if (instant === "calendar") addIssue({ message: MESSAGES.calendar });
		else if (typeof instant === "number" && !inDateDomain(instant)) addIssue({ message: MESSAGES.range });
	}),
);

/** A date-time as a write takes it: checked as `IsoDateTime`, then stored in its canonical UTC form. */
export const UtcDateTime = v.pipe(IsoDateTime, v.transform(toUtcIso));
