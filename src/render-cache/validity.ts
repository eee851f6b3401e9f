/**
 * @module How long a rendered list of ages stays exact: the next moment any shown label changes,
 * derived from the age scale's own table, or a scheduled article goes live.
 */
import { SCALE } from "../age/scale";
import type { Headline, HeadlinesIndex } from "../schemas/article";

/** Labels apply while the elapsed time is above minus this (the scale's grace for clocks a little ahead). */
const FUTURE_GRACE = SCALE[0]?.below ?? 60_000;

/**
 * The first moment after `nowMs` at which `ageLabel(publishedMs, t)` can differ from
 * `ageLabel(publishedMs, nowMs)`; `Infinity` once the calendar date shows for good.
 */
export function labelChangesAt(publishedMs: number, nowMs: number): number {
	const elapsed = nowMs - publishedMs;
	// A minute or more in the future shows the date until it comes within the grace window.
	if (elapsed <= -FUTURE_GRACE) return publishedMs - FUTURE_GRACE + 1;
	for (const step of SCALE) {
		if (elapsed < step.below) {
			const nextUnit = (Math.floor(Math.max(elapsed, 0) / step.unit) + 1) * step.unit;
			return publishedMs + Math.min(step.below, nextUnit);
		}
	}
	return Number.POSITIVE_INFINITY;
}

/**
 * Until when a render of `shown` (taken from `index` at `nowMs`) stays exact: the earliest label
 * change among them, and the moment the earliest scheduled headline in the index goes live.
 */
export function headlinesValidUntil(
	index: HeadlinesIndex,
	shown: readonly Pick<Headline, "publishedAt">[],
	nowMs: number,
): number {
	let until = Number.POSITIVE_INFINITY;
	for (const headline of shown) until = Math.min(until, labelChangesAt(Date.parse(headline.publishedAt), nowMs));
	for (const headline of index.headlines) {
		const publishedMs = Date.parse(headline.publishedAt);
		if (publishedMs > nowMs) until = Math.min(until, publishedMs);
	}
	return until;
}
