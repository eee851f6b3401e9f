/**
 * @module The newsroom age scale: how long ago something was published, in words.
 *
 * Pure and dependency-free on purpose: the server renders it, and the browser's live-age
 * script is built from this same file, so the two can never disagree.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * The scale as data, checked top to bottom against the elapsed time. `n` is the whole number
 * of `unit`s elapsed, rounded down.
 */
const SCALE: ReadonlyArray<{ below: number; label: (elapsedMs: number) => string }> = [
	{ below: MINUTE, label: () => "just now" },
	{ below: 2 * MINUTE, label: () => "1 min ago" },
	{ below: HOUR, label: (ms) => `${Math.floor(ms / MINUTE)} mins ago` },
	{ below: 2 * HOUR, label: () => "about 1 hour ago" },
	{ below: DAY, label: (ms) => `${Math.floor(ms / HOUR)} hours ago` },
	{ below: 2 * DAY, label: () => "1 day ago" },
	{ below: 7 * DAY, label: (ms) => `${Math.floor(ms / DAY)} days ago` },
];

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** `Nov 6, 2024` in the site's time zone; formatters are cached because building one is slow. */
export function calendarDate(date: Date, timeZone = "UTC"): string {
	let format = dateFormats.get(timeZone);
	if (!format) {
		format = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", year: "numeric", timeZone });
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
	const elapsed = nowMs - publishedMs;
	if (elapsed > -MINUTE) {
		for (const step of SCALE) {
			if (elapsed < step.below) return step.label(Math.max(elapsed, 0));
		}
	}
	return calendarDate(new Date(publishedMs), timeZone);
}
