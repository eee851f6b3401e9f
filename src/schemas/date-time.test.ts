import * as v from "valibot";
import { describe, expect, it } from "vitest";
import { IsoDateTime, parseIsoDateTime, toUtcIso, UtcDateTime } from "./date-time";
import { formatIssues } from "./issues";

const issuesOf = (text: string) => {
	const parsed = v.safeParse(IsoDateTime, text);
	return parsed.success ? [] : formatIssues(parsed.issues).map((issue) => issue.message);
};

describe("the date domain", () => {
	it.each([
		["0001-01-01T00:00:00Z", "0001-01-01T00:00:00.000Z"],
		["9999-12-31T23:59:59Z", "9999-12-31T23:59:59.000Z"],
		["9999-12-31T23:59:59.999999999Z", "9999-12-31T23:59:59.999Z"],
		["0000-12-31T23:00:00-01:00", "0001-01-01T00:00:00.000Z"],
		["9999-12-31T23:59:59+14:00", "9999-12-31T09:59:59.000Z"],
	])("Should read %j as %s", (text, utc) => {
		expect(toUtcIso(text)).toBe(utc);
	});

	it.each([
		["2016-12-31T23:59:60Z", "2016-12-31T23:59:59.999Z"],
		["2017-01-01T00:59:60.5+01:00", "2016-12-31T23:59:59.999Z"],
		["9999-12-31T23:59:60Z", "9999-12-31T23:59:59.999Z"],
	])("Should clamp the leap second %j to the last millisecond of its minute, %s", (text, utc) => {
		expect(toUtcIso(text)).toBe(utc);
	});

	it.each([
		["2024-02-29T00:00:00Z", "2024-02-29T00:00:00.000Z"],
		["2000-02-29T00:00:00Z", "2000-02-29T00:00:00.000Z"],
		["2026-11-25T09:30+14:00", "2026-11-24T19:30:00.000Z"],
		["2026-11-25T09:30-12:00", "2026-11-25T21:30:00.000Z"],
	])("Should read the leap day or offset in %j as %s", (text, utc) => {
		expect(toUtcIso(text)).toBe(utc);
	});

	it.each([
		"2026-02-30T00:00:00Z",
		"2026-13-01T00:00:00Z",
		"2026-04-31T00:00:00Z",
		"2025-02-29T00:00:00Z",
		"1900-02-29T00:00:00Z",
		"2026-00-10T00:00:00Z",
		"2026-01-00T00:00:00Z",
		"2026-01-01T24:00:00Z",
		"2026-01-01T12:60:00Z",
		"2026-01-01T12:00:61Z",
		"2026-01-01T12:00:00+24:00",
	])("Should reject %j, which names no real day or time", (text) => {
		expect(parseIsoDateTime(text)).toBeUndefined();
		expect(issuesOf(text)).toEqual(["must name a real calendar day and time (no February 30, no hour 24)"]);
	});

	it.each([
		"9999-12-31T23:59:59-05:00",
		"9999-12-31T23:59:60-00:01",
		"0000-01-01T00:00:00+01:00",
		"0000-12-31T23:59:59.999Z",
		"0001-01-01T00:00:00+00:01",
	])("Should reject %j, whose instant in UTC leaves the years 0001 to 9999", (text) => {
		expect(parseIsoDateTime(text)).toBeUndefined();
		expect(issuesOf(text)).toEqual(["must fall in the years 0001 to 9999 once converted to UTC"]);
	});

	it.each(["yesterday", "2026-11-25", "2026-11-25T09:30:00", "+010000-01-01T04:59:59.000Z", "2026-11-25 09:30Z"])(
		"Should reject %j with the shape message only",
		(text) => {
			expect(issuesOf(text)).toEqual(["must be an ISO 8601 date-time with an offset, e.g. 2026-11-25T09:30:00Z"]);
		},
	);

	it("Should store a write's date in canonical UTC, which reads back unchanged", () => {
		const written = v.parse(UtcDateTime, "2026-11-25T09:30:00.5-05:00");
		expect(written).toBe("2026-11-25T14:30:00.500Z");
		expect(v.parse(IsoDateTime, written)).toBe(written);
		expect(new Date(written).toISOString()).toBe(written);
	});
});
