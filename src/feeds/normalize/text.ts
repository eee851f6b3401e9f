/** @module Plain-text helpers for titles, summaries and authors. */
import { escapeText } from "../../sanitize/entities";

export function collapse(text: string): string {
	return text.replace(/[\s\u200b]+/g, " ").trim();
}

/** At most `max` characters, cut at a word boundary when one is near, ending in "…". */
export function truncateAtWord(text: string, max: number): string {
	if (text.length <= max) return text;
	let cut = text.slice(0, max - 1);
	const space = cut.lastIndexOf(" ");
	if (space > max * 0.6) cut = cut.slice(0, space);
	if (/[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1); // never split a surrogate pair
	return `${cut.replace(/[\s.,;:!?\-–—]+$/, "")}…`;
}

/** Plain text as HTML paragraphs: blank lines split paragraphs, single newlines become <br>. */
export function textToHtml(text: string): string {
	return text
		.trim()
		.split(/\n\s*\n/)
		.filter((p) => p.trim() !== "")
		.map((p) => `<p>${escapeText(p.trim()).replace(/\n/g, "<br>")}</p>`)
		.join("");
}
