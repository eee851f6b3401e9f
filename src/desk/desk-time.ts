/** @module Times on desk pages: on the site's clocks, to the minute, with the zone named. */

const formats = new Map<string, Intl.DateTimeFormat>();

/** "6 Dec 2026, 09:30" in `timeZone`; the input as given when it is not a date. */
export function deskTime(iso: string, timeZone: string): string {
	const ms = Date.parse(iso);
	if (Number.isNaN(ms)) return iso;
	let format = formats.get(timeZone);
	if (!format) {
		format = new Intl.DateTimeFormat("en-GB", { timeZone, dateStyle: "medium", timeStyle: "short", hourCycle: "h23" });
		formats.set(timeZone, format);
	}
	return format.format(ms);
}
