/** @module Which date an item is published at: published, else updated, else dc:date, else now. */
import { parseDate } from "../dates";
import type { Draft } from "./draft";

/** Clock skew we forgive: a date this little in the future is the publisher's clock, clamped to now. */
const FUTURE_TOLERANCE_MS = 10 * 60_000;
/** Earlier dates are placeholders (the Unix epoch, Go's zero time), not publication dates: no feed is that old. */
const EARLIEST = Date.UTC(1990, 0, 1);

export type Timestamps = { publishedAt: string; dated: boolean; updatedAt?: string };

export function timestamps(draft: Draft, now: Date): Timestamps {
	const published = [draft.published, draft.updated, draft.dcDate].map((d) => plausible(d, now)).find(Boolean);
	const updated = plausible(draft.updated, now);
	const result: Timestamps = { publishedAt: (published ?? now).toISOString(), dated: published !== undefined };
	if (updated !== undefined && published !== undefined && updated.getTime() > published.getTime()) {
		result.updatedAt = updated.toISOString();
	}
	return result;
}

/** The date if it parses and is plausible; slightly-future dates come back as `now`. */
function plausible(text: string | undefined, now: Date): Date | undefined {
	const date = parseDate(text);
	if (date === undefined) return undefined;
	const t = date.getTime();
	if (t < EARLIEST || t > now.getTime() + FUTURE_TOLERANCE_MS) return undefined;
	return t > now.getTime() ? now : date;
}
