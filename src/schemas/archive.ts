/**
 * @module The date archive's records in KV (src/store/archive-days.ts writes them) and its routes'
 * parameters. Days are the site time zone's, `YYYY-MM-DD`, in the years 0001–9999 like every stored date.
 */
import * as v from "valibot";
import { daysInMonth } from "./date-time";
import { Month } from "./sitemap";

export { Month };

/** A day's record holds its newest this many; its page links on to the home list for the rest. */
export const DAY_MAX = 1000;

/** A real calendar day, `YYYY-MM-DD`, years 0001–9999. */
export const Day = v.pipe(
	v.string(),
	v.regex(/^(?!0000)\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, "must be a day, YYYY-MM-DD"),
	v.check((day) => {
		const [year, month, date] = day.split("-").map(Number) as [number, number, number];
		return date <= daysInMonth(year, month);
	}, "must be a day of the calendar"),
);

/** Milliseconds since the epoch (negative before 1970), an integer. */
const Ms = v.pipe(v.number(), v.integer(), v.safeInteger());

/** A neighbouring day or month and when its first article goes live: a link to it shows from then. */
const Neighbour = <S extends typeof Day | typeof Month>(name: S) => v.object({ at: name, from: Ms });

/** One day's articles, newest first (entries checked one by one on read), and the days on either side that have any. */
export const ArchiveDayRecord = v.object({
	day: Day,
	headlines: v.array(v.unknown()),
	prev: v.optional(Day),
	next: v.optional(Neighbour(Day)),
});
export type ArchiveDayRecord = {
	day: string;
	headlines: unknown[];
	prev?: string;
	next?: { at: string; from: number };
};

/** A month's days that have articles, oldest first, each with when its first one goes live. */
export const ArchiveMonthRecord = v.object({
	month: Month,
	days: v.array(v.object({ day: Day, from: Ms })),
	prev: v.optional(Month),
	next: v.optional(Neighbour(Month)),
});
export type ArchiveMonthRecord = v.InferOutput<typeof ArchiveMonthRecord>;

/** Every month that has articles, newest first: `/archive`. */
export const ArchiveMonthsRecord = v.object({ months: v.array(v.object({ month: Month, from: Ms })) });
export type ArchiveMonthsRecord = v.InferOutput<typeof ArchiveMonthsRecord>;

const YEAR = v.pipe(v.string(), v.regex(/^(?!0000)\d{4}$/, "must be a year, YYYY"));
const MONTH = v.pipe(v.string(), v.regex(/^(0[1-9]|1[0-2])$/, "must be a month, MM"));

/** `/archive/:year/:month`. */
export const ArchiveMonthParam = v.pipe(
	v.object({ year: YEAR, month: MONTH }),
	v.transform(({ year, month }) => ({ month: `${year}-${month}` })),
);

/** `/archive/:year/:month/:day`, a day that exists in the calendar. */
export const ArchiveDayParam = v.pipe(
	v.object({ year: YEAR, month: MONTH, day: v.pipe(v.string(), v.regex(/^\d{2}$/, "must be a day, DD")) }),
	v.transform(({ year, month, day }) => `${year}-${month}-${day}`),
	Day,
	v.transform((day) => ({ day })),
);
