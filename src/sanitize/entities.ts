/** @module Output escaping for sanitized HTML and for our plain-text-to-HTML helpers, on the `entities` library. */
import { escapeText as escapeForText } from "entities";

/** Control characters other than tab, newline and carriage return: never meaningful in HTML output, so dropped. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/** Escape text for an HTML text node (`&`, `<`, `>`, and NBSP as `&nbsp;`). */
export function escapeText(text: string): string {
	return escapeForText(text.replace(CONTROLS, ""));
}

/**
 * Escape text for a double-quoted attribute value. `<` and `>` are escaped too, which the library's
 * `escapeAttribute` leaves alone: current browsers' serializers escape them as a guard against mutation XSS,
 * and it keeps `<script` from appearing anywhere in our output, even inside a value.
 */
export function escapeAttribute(text: string): string {
	return escapeText(text).replace(/"/g, "&quot;");
}
