/**
 * @module Lenient date parsing for feed timestamps: ISO 8601 / RFC 3339 variants and RFC 822/1123/2822
 * with named zones, plus the common deviations (no seconds, no zone, two-digit years, full month names).
 * Returns undefined for anything it cannot read, and for an instant outside the stored date domain
 * (src/schemas/date-time.ts), so such a date is treated as missing; never throws.
 */
import { inDateDomain } from "../schemas/date-time";

const ISO =
	/^(\d{4})-(\d{1,2})-(\d{1,2})(?:[Tt\s]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*([Zz]|(?:UTC|GMT)|[+-]\d{2}(?::?\d{2})?)?$/;

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const DAYS = new Set(["mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun"]);

/** Zone abbreviations in minutes east of UTC: RFC 822 §5.1's North American set plus the ones feeds use. */
const ZONES: ReadonlyMap<string, number> = new Map([
	...(["z", "ut", "utc", "gmt", "wet"].map((z) => [z, 0]) as [string, number][]),
	["est", -300],
	["edt", -240],
	["cst", -360],
	["cdt", -300],
	["mst", -420],
	["mdt", -360],
	["pst", -480],
	["pdt", -420],
	["akst", -540],
	["akdt", -480],
	["hst", -600],
	["bst", 60],
	["cet", 60],
	["cest", 120],
	["met", 60],
	["mest", 120],
	["west", 60],
	["eet", 120],
	["eest", 180],
	["msk", 180],
	["ist", 330],
	["sgt", 480],
	["hkt", 480],
	["jst", 540],
	["kst", 540],
	["aest", 600],
	["aedt", 660],
	["acst", 570],
	["awst", 480],
	["nzst", 720],
	["nzdt", 780],
	["brt", -180],
	["art", -180],
]);

/** Parse a feed date; undefined when the text is not a date this module understands. */
export function parseDate(text: string | undefined): Date | undefined {
	if (text === undefined) return undefined;
	const trimmed = text.trim();
	if (trimmed === "" || trimmed.length > 80) return undefined;
	return parseIso(trimmed) ?? parseRfc822(trimmed) ?? parseWords(trimmed);
}

/** The canonical RFC 822/1123 shape most feeds use, read in one match; everything else goes word by word. */
const RFC_822 =
	/^(?:[A-Za-z]{3},\s*)?(\d{1,2})\s+([A-Za-z]{3})\s+(\d{4})\s+(\d{2}):(\d{2})(?::(\d{2}))?\s+(GMT|UTC?|Z|[+-]\d{4})$/;

function parseRfc822(text: string): Date | undefined {
	const m = RFC_822.exec(text);
	const month = m === null ? -1 : MONTHS.indexOf((m[2] ?? "").toLowerCase());
	if (m === null || month === -1) return undefined;
	const [, d, , y, h, mi, s = "0", zone = "GMT"] = m;
	const offset = /^[+-]/.test(zone) ? isoOffset(zone) : 0;
	return build(Number(y), month + 1, Number(d), Number(h), Number(mi), Number(s), offset, 0);
}

function parseIso(text: string): Date | undefined {
	const m = ISO.exec(text);
	if (m === null) return undefined;
	const [, y, mo, d, h = "0", mi = "0", s = "0", fraction = "", zone] = m;
	const offset = zone === undefined ? 0 : isoOffset(zone);
	const ms = Number(`0.${fraction || "0"}`) * 1000;
	return build(Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(s), offset, ms);
}

function isoOffset(zone: string): number {
	const z = zone.toLowerCase();
	if (z === "z" || z === "utc" || z === "gmt") return 0;
	const sign = z.startsWith("-") ? -1 : 1;
	const digits = z.slice(1).replace(":", "");
	return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || "0"));
}

type Parts = { year?: number; month?: number; day?: number; time?: number[]; offset?: number; pm?: boolean };

/**
 * Word-by-word reading of RFC 822-like dates ("Tue, 05 Apr 2022 22:00:00 GMT", "April 5, 2022 10:00 PM EST",
 * "Tue Apr 5 22:00:00 UTC 2022"). Every word must be understood, so prose is rejected.
 */
function parseWords(text: string): Date | undefined {
	const parts: Parts = {};
	const words = text
		.replace(/\([^)]*\)/g, " ")
		.replace(/[,]/g, " ")
		.replace(/(\d)(st|nd|rd|th)\b/gi, "$1")
		.toLowerCase()
		.split(/\s+/)
		.filter((w) => w !== "" && w !== "at");
	for (const word of words) if (!readWord(word, parts)) return undefined;
	const { year, month, day, time = [0, 0, 0] } = parts;
	if (year === undefined || month === undefined || day === undefined) return undefined;
	let [hour = 0, minute = 0, second = 0] = time;
	if (parts.pm !== undefined) {
		if (hour < 1 || hour > 12) return undefined;
		hour = (hour % 12) + (parts.pm ? 12 : 0);
	}
	return build(year, month, day, hour, minute, second, parts.offset ?? 0, 0);
}

function readWord(word: string, parts: Parts): boolean {
	const time = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(z|[+-]\d{2}:?\d{2})?$/.exec(word);
	if (time !== null && parts.time === undefined) {
		parts.time = [Number(time[1]), Number(time[2]), Number(time[3] ?? "0")];
		if (time[4] !== undefined) parts.offset = isoOffset(time[4]);
		return true;
	}
	if (/^[+-]\d{4}$/.test(word) || /^[+-]\d{2}:\d{2}$/.test(word)) return setOffset(parts, isoOffset(word));
	const zoned = /^(gmt|utc|ut)([+-]\d{1,2})(?::?(\d{2}))?$/.exec(word);
	if (zoned !== null) {
		const hours = Number(zoned[2]);
		return setOffset(parts, Math.sign(hours) * (Math.abs(hours) * 60 + Number(zoned[3] ?? "0")));
	}
	if (/^\d+$/.test(word)) return readNumber(word, parts);
	const ymd = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})$/.exec(word);
	if (ymd !== null && parts.year === undefined) {
		[parts.year, parts.month, parts.day] = [Number(ymd[1]), Number(ymd[2]), Number(ymd[3])];
		return true;
	}
	return readName(word.replace(/\.$/, ""), parts);
}

function readNumber(word: string, parts: Parts): boolean {
	const n = Number(word);
	if (word.length === 4 && parts.year === undefined) parts.year = n;
	else if (word.length <= 2 && parts.day === undefined) parts.day = n;
	// RFC 822 §5.1 allows two-digit years; RFC 2822 §4.3 reads 00–49 as 20xx and 50–99 as 19xx.
	else if (word.length === 2 && parts.year === undefined) parts.year = n < 50 ? 2000 + n : 1900 + n;
	else return false;
	return true;
}

function readName(word: string, parts: Parts): boolean {
	if (DAYS.has(word) || (word.length > 3 && DAYS.has(word.slice(0, 3)) && word.endsWith("day"))) return true;
	const month = MONTHS.indexOf(word.slice(0, 3));
	if (month !== -1 && parts.month === undefined && isMonthName(word)) {
		parts.month = month + 1;
		return true;
	}
	if (word === "am" || word === "a.m" || word === "pm" || word === "p.m") {
		parts.pm = word.startsWith("p");
		return true;
	}
	const zone = ZONES.get(word);
	if (zone !== undefined) return setOffset(parts, zone);
	// RFC 2822 §4.3: military single-letter zones are unreliable and read as UTC.
	return /^[a-ik-z]$/.test(word) && setOffset(parts, 0);
}

const MONTH_NAMES = "january february march april may june july august september october november december".split(" ");

function isMonthName(word: string): boolean {
	return (
		word.length >= 3 && MONTH_NAMES.some((name) => name.startsWith(word) || (word === "sept" && name === "september"))
	);
}

function setOffset(parts: Parts, minutes: number): boolean {
	if (parts.offset !== undefined) return true; // "GMT+0000": keep the first, they agree in practice
	parts.offset = minutes;
	return true;
}

/**
 * A UTC date from local fields and an offset, or undefined when a field is out of range (Feb 30, 25:00…) or
 * the instant leaves the date domain. A leap second reads as :59.999, as the write schema reads it.
 */
function build(y: number, mo: number, d: number, h: number, mi: number, s: number, offset: number, ms: number) {
	if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 60 || Math.abs(offset) > 18 * 60) return undefined;
	const local = Date.UTC(y, mo - 1, d, h, mi, Math.min(s, 59), s === 60 ? 999 : ms);
	if (new Date(local).getUTCDate() !== d || y < 100) return undefined;
	const instant = local - offset * 60_000;
	return inDateDomain(instant) ? new Date(instant) : undefined;
}
