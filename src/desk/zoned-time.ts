/**
 * @module The editor's schedule field: a `datetime-local` value (wall-clock time, no zone) read and
 * written in the site's time zone (`SITE_TIME_ZONE`), so an editor in any browser schedules by the
 * newsroom's clock, and the server stores UTC.
 */
import { zoneOffsetMs } from "../archive/local-day";

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** `YYYY-MM-DDTHH:mm` of the instant `iso` on the clocks of `timeZone`. */
export function toLocalInput(iso: string, timeZone: string): string {
	const ms = Date.parse(iso);
	if (Number.isNaN(ms)) return "";
	return new Date(ms + zoneOffsetMs(ms, timeZone)).toISOString().slice(0, 16);
}

/**
 * The UTC instant (ISO 8601, `Z`) a wall-clock time in `timeZone` names; undefined for text that is not
 * one. A time skipped by a clock change resolves to the same wall time under the earlier offset, which
 * lands just after the gap; a repeated hour takes its first occurrence.
 */
export function fromLocalInput(local: string, timeZone: string): string | undefined {
	const m = LOCAL.exec(local.trim());
	if (!m) return undefined;
	const [y, mo, d, h, mi, s] = m.slice(1).map((part) => Number(part ?? 0)) as [
		number,
		number,
		number,
		number,
		number,
		number,
	];
	if (h > 23 || mi > 59 || s > 59) return undefined;
	const wall = Date.UTC(y, mo - 1, d, h, mi, s);
	// Date.UTC rolls an impossible date (2026-02-30) into the next month: refuse it instead.
	if (new Date(wall).toISOString().slice(0, 16) !== local.trim().slice(0, 16)) return undefined;
	// Two rounds find the offset in force at the instant itself, not at the wall time read as UTC.
	const first = wall - zoneOffsetMs(wall - zoneOffsetMs(wall, timeZone), timeZone);
	return new Date(first).toISOString().replace(".000Z", "Z");
}
