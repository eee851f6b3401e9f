/**
 * @module The calendar day an instant falls on in the site's time zone, the one rule the archive's
 * days are filed by (src/store/archive-days.ts) and its pages are named by (`/archive/YYYY/MM/DD`).
 */
import { EARLIEST_INSTANT, LATEST_INSTANT } from "../schemas/date-time";

const offsetFormats = new Map<string, Intl.DateTimeFormat>();

/** `GMT`, `GMT+05:30`, `GMT-04:56:02` (local mean time before 1883 has seconds). */
const OFFSET = /^GMT(?:([+-])(\d{1,2})(?::(\d{2}))?(?::(\d{2}))?)?$/;

/** The zone's offset from UTC at `ms`, in milliseconds (east positive). */
export function zoneOffsetMs(ms: number, timeZone: string): number {
	let format = offsetFormats.get(timeZone);
	if (!format) {
		format = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" });
		offsetFormats.set(timeZone, format);
	}
	const name = format.formatToParts(ms).find((p) => p.type === "timeZoneName")?.value ?? "GMT";
	const m = OFFSET.exec(name);
	if (!m?.[1]) return 0;
	const sign = m[1] === "-" ? -1 : 1;
	return sign * ((Number(m[2]) * 60 + Number(m[3] ?? 0)) * 60 + Number(m[4] ?? 0)) * 1000;
}

/**
 * `YYYY-MM-DD` of the day `ms` falls on in `timeZone`. The first and last hours of the date domain
 * (years 0001–9999 in UTC) can fall on a local day outside it; those are filed under its first or
 * last day, so every stored article has a day the archive's routes can name.
 *
 * @example localDay(Date.parse("2026-12-04T02:00:00Z"), "America/New_York") // "2026-12-03"
 */
export function localDay(ms: number, timeZone: string): string {
	const local = Math.min(Math.max(ms + zoneOffsetMs(ms, timeZone), EARLIEST_INSTANT), LATEST_INSTANT);
	return new Date(local).toISOString().slice(0, 10);
}

/** The `YYYY-MM` a `YYYY-MM-DD` day belongs to. */
export function monthOf(day: string): string {
	return day.slice(0, 7);
}
