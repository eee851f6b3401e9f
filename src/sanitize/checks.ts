/** @module Value checks for the sanitizer's non-URL attributes: each returns the cleaned value or undefined. */
import { decodeHTMLAttribute } from "entities";

type Check = (value: string) => string | undefined;

const pattern =
	(re: RegExp): Check =>
	(value) =>
		re.test(value) ? value : undefined;
const integer = (min: number, max: number): Check => {
	return (value) => {
		if (!/^-?\d{1,6}$/.test(value)) return undefined;
		const n = Number(value);
		return n >= min && n <= max ? String(n) : undefined;
	};
};
const oneOf =
	(...allowed: string[]): Check =>
	(value) =>
		allowed.includes(value.toLowerCase()) ? value.toLowerCase() : undefined;
/** Free text (alt, title, datetime): anything goes once escaped, within reason. */
const text: Check = (value) => (value.length <= 1000 ? value : undefined);

/** Checks by attribute name; `element:attribute` entries override for one element. */
const CHECKS: ReadonlyMap<string, Check> = new Map([
	["alt", text],
	["title", text],
	["datetime", text],
	["width", integer(0, 10000)],
	["height", integer(0, 10000)],
	["colspan", integer(1, 1000)],
	["rowspan", integer(0, 65534)],
	["start", integer(-999999, 999999)],
	["value", integer(-999999, 999999)],
	["scope", oneOf("row", "col", "rowgroup", "colgroup")],
	["ol:type", pattern(/^[1aAiI]$/)],
	["dir", oneOf("ltr", "rtl", "auto")],
	["lang", pattern(/^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$/)],
]);

/** The cleaned value of a non-URL attribute, or undefined to drop it. */
export function checkAttribute(element: string, attribute: string, raw: string): string | undefined {
	const check = CHECKS.get(`${element}:${attribute}`) ?? CHECKS.get(attribute);
	if (check === undefined) return undefined;
	const value = decodeHTMLAttribute(raw);
	return check(attribute === "alt" || attribute === "title" ? value : value.trim());
}

/** A 1×1 (or 0×0) image is a tracking beacon, not content (Miniflux drops these too). */
export function isPixelTracker(attributes: ReadonlyMap<string, string>): boolean {
	const width = attributes.get("width");
	const height = attributes.get("height");
	return width !== undefined && height !== undefined && Number(width) <= 1 && Number(height) <= 1;
}
