/**
 * @module The newsroom age scale: how long ago something was published, in words.
 *
 * Pure and dependency-free on purpose: the server renders it, and the browser's live-age
 * script (`live-script.ts`) is built from this same file at isolate start, so the two can never
 * disagree. That is why the table is plain JSON-safe data and `scaleWords` is self-contained.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** One step of the scale: applies while the elapsed time is `below` ms; `{n}` is whole `unit`s elapsed, rounded down. */
export type ScaleStep = { below: number; unit: number; text: string };

/** The scale as data, checked top to bottom against the elapsed time. */
export const SCALE: readonly ScaleStep[] = [
	{ below: MINUTE, unit: MINUTE, text: "just now" },
	{ below: 2 * MINUTE, unit: MINUTE, text: "1 min ago" },
	{ below: HOUR, unit: MINUTE, text: "{n} mins ago" },
	{ below: 2 * HOUR, unit: HOUR, text: "about 1 hour ago" },
	{ below: DAY, unit: HOUR, text: "{n} hours ago" },
	{ below: 2 * DAY, unit: DAY, text: "1 day ago" },
	{ below: 7 * DAY, unit: DAY, text: "{n} days ago" },
];

/** Past the scale (a week or more, or a minute or more in the future): `Nov 6, 2024`. */
export const DATE_FORMAT = {
	locale: "en-US",
	options: { month: "short", day: "numeric", year: "numeric" },
} as const satisfies { locale: string; options: Intl.DateTimeFormatOptions };

/**
 * The scale's words for `elapsed` ms, or `""` when the calendar date applies (a week or more,
 * or a minute or more in the future; the first step's bound is also the future's grace).
 *
 * Self-contained (no free variables, no inner functions) because the browser script embeds
 * this function's source text; keep it that way.
 */
export function scaleWords(scale: readonly ScaleStep[], elapsed: number): string {
	if (!(elapsed > -scale[0]!.below)) return "";
	for (const step of scale) {
		if (elapsed < step.below) return step.text.replace("{n}", String(Math.floor(Math.max(elapsed, 0) / step.unit)));
	}
	return "";
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** `Nov 6, 2024` in the site's time zone; formatters are cached because building one is slow. */
export function calendarDate(date: Date, timeZone = "UTC"): string {
	let format = dateFormats.get(timeZone);
	if (!format) {
		format = new Intl.DateTimeFormat(DATE_FORMAT.locale, { ...DATE_FORMAT.options, timeZone });
		dateFormats.set(timeZone, format);
	}
	return format.format(date);
}

/**
 * The age of something published at `published`, as seen at `now`: `just now`, `20 mins ago`,
 * `about 1 hour ago`, `2 hours ago`, `1 day ago`, `3 days ago`, else the calendar date (also
 * for anything a minute or more in the future). Throws a RangeError for an invalid date.
 *
 * @example ageLabel("2026-11-25T09:40:00Z", new Date("2026-11-25T10:00:00Z")) // "20 mins ago"
 */
export function ageLabel(published: Date | string | number, now: Date | number, timeZone = "UTC"): string {
	const publishedMs =
		published instanceof Date ? published.getTime() : typeof published === "number" ? published : Date.parse(published);
	const nowMs = now instanceof Date ? now.getTime() : now;
	if (!Number.isFinite(publishedMs)) throw new RangeError(`ageLabel: invalid published date: ${String(published)}`);
	if (!Number.isFinite(nowMs)) throw new RangeError(`ageLabel: invalid now: ${String(now)}`);
	return scaleWords(SCALE, nowMs - publishedMs) || calendarDate(new Date(publishedMs), timeZone);
}
