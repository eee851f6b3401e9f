import { describe, expect, it } from "vitest";
import { ageLabel } from "../age/scale";
import type { Headline } from "../schemas/article";
import { headlinesValidUntil, labelChangesAt } from "./validity";

const S = 1_000;
const MIN = 60 * S;
const H = 60 * MIN;
const D = 24 * H;
const PUBLISHED = Date.parse("2026-11-25T09:00:00Z");

describe("labelChangesAt", () => {
	it.each([
		["just now, just published", 0, MIN],
		["just now, 30 s in the future", -30 * S, MIN],
		["date, exactly a minute in the future", -MIN, -MIN + 1],
		["1 min ago", MIN + 5 * S, 2 * MIN],
		["2 mins ago", 2 * MIN, 3 * MIN],
		["59 mins ago", 59 * MIN + 59 * S, H],
		["about 1 hour ago", H, 2 * H],
		["about 1 hour ago, late", 119 * MIN, 2 * H],
		["2 hours ago", 2 * H + 1, 3 * H],
		["23 hours ago", 23 * H + 59 * MIN, D],
		["1 day ago", D, 2 * D],
		["6 days ago", 6 * D + 23 * H, 7 * D],
	])("Should give the next change for %s", (_name, elapsed, changesAfter) => {
		expect(labelChangesAt(PUBLISHED, PUBLISHED + elapsed)).toBe(PUBLISHED + changesAfter);
	});

	it("Should never change once the date shows for good", () => {
		expect(labelChangesAt(PUBLISHED, PUBLISHED + 7 * D)).toBe(Number.POSITIVE_INFINITY);
	});

	it("Should keep the label the same up to the change and different at it", () => {
		for (const elapsed of [-2 * H, -MIN, -1, 0, 61 * S, 3 * MIN + 1, 90 * MIN, 5 * H, 30 * H, 3 * D]) {
			const now = PUBLISHED + elapsed;
			const until = labelChangesAt(PUBLISHED, now);
			expect(ageLabel(PUBLISHED, until - 1)).toBe(ageLabel(PUBLISHED, now));
			expect(ageLabel(PUBLISHED, until)).not.toBe(ageLabel(PUBLISHED, now));
		}
	});
});

describe("headlinesValidUntil", () => {
	const headline = (slug: string, publishedMs: number): Headline => ({
		slug,
		title: slug,
		publishedAt: new Date(publishedMs).toISOString(),
	});

	it("Should end at the earliest label change among the shown headlines", () => {
		const now = PUBLISHED + 10 * MIN + 20 * S;
		const shown = [headline("a", PUBLISHED), headline("b", PUBLISHED - 3 * H - 10 * S)];
		expect(headlinesValidUntil({ updatedAt: "", headlines: shown }, shown, now)).toBe(PUBLISHED + 11 * MIN);
	});

	it("Should end when a scheduled headline goes live, even one not shown yet", () => {
		const now = PUBLISHED + 10 * MIN;
		const live = headline("live", PUBLISHED - 3 * D);
		const scheduled = headline("later", now + 5 * S);
		const until = headlinesValidUntil({ updatedAt: "", headlines: [scheduled, live] }, [live], now);
		expect(until).toBe(now + 5 * S);
	});
});
