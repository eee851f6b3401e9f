/** @module Small valibot schemas shared by every record: slugs, timestamps, URLs. */
import * as v from "valibot";

export const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const SLUG_MAX_LENGTH = 120;

/** Lowercase words of letters and digits joined by single hyphens. */
export const Slug = v.pipe(
	v.string(),
	v.maxLength(SLUG_MAX_LENGTH, `must be at most ${SLUG_MAX_LENGTH} characters`),
	v.regex(SLUG_PATTERN, "must be lowercase letters and digits in words joined by single hyphens"),
);

// Dates have their own module (the one domain, its parser and bounds); their schemas are shared from here too.
export { IsoDateTime, UtcDateTime } from "./date-time";

function hasScheme(schemes: readonly string[]) {
	return (s: string) => {
		try {
			return schemes.includes(new URL(s).protocol);
		} catch {
			return false;
		}
	};
}

/** An absolute http(s) URL. */
export const HttpUrl = v.pipe(
	v.string(),
	v.maxLength(2048, "must be at most 2048 characters"),
	v.check(hasScheme(["http:", "https:"]), "must be an absolute http or https URL"),
);

/** An absolute https URL (images: mixed content would be blocked on our https pages). */
export const HttpsUrl = v.pipe(
	v.string(),
	v.maxLength(2048, "must be at most 2048 characters"),
	v.check(hasScheme(["https:"]), "must be an absolute https URL"),
);

/** Plain text of bounded length: titles, names, captions. */
export const text = (max: number) =>
	v.pipe(
		v.string(),
		v.trim(),
		v.minLength(1, "must not be empty"),
		v.maxLength(max, `must be at most ${max} characters`),
	);
