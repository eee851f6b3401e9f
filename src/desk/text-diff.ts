/**
 * @module What changed between two versions of an article, for the revisions panel and the conflict
 * view: each version written out as plain text (its fields, then its body) and compared line by line with
 * the `diff` package, within a bound on the work, so a huge rewrite costs a bounded slice of the 10 ms budget.
 */
import { diffLines } from "diff";
import type { DeskFields } from "../schemas/article-desk";

export type DiffPart = { kind: "same" | "added" | "removed"; text: string };

/**
 * At most this many changed lines are traced; past that, no diff is drawn. (A time limit would not do:
 * a Worker's clock stands still while it computes.) The lines both versions share at their start and
 * end are set aside first (a plain scan), so a small edit to a long story costs the edit, not the story.
 */
const MAX_EDIT_LENGTH = 200;

/** An article's editable fields as the lines a person would compare (empty fields left out). */
export function articleText(fields: DeskFields): string {
	const lines: string[] = [`Title: ${fields.title}`];
	if (fields.dek) lines.push(`Dek: ${fields.dek}`);
	if (fields.section) lines.push(`Section: ${fields.section}`);
	if (fields.author) lines.push(`Author: ${fields.author.name}${fields.author.bio ? ` (${fields.author.bio})` : ""}`);
	lines.push(`Publish time: ${fields.publishedAt}`);
	if (fields.image) {
		const size = fields.image.width && fields.image.height ? ` ${fields.image.width}×${fields.image.height}` : "";
		lines.push(`Image: ${fields.image.url}${size}`, `Image alt: ${fields.image.alt}`);
		if (fields.image.credit) lines.push(`Image credit: ${fields.image.credit}`);
	}
	if (fields.sourceUrl) lines.push(`Source link: ${fields.sourceUrl}`);
	if (fields.tags?.length) lines.push(`Tags: ${fields.tags.join(", ")}`);
	return `${lines.join("\n")}\n\n${fields.body.replace(/\n*$/, "\n")}`;
}

/** The change from `before` to `after`, or undefined when it is too large to trace within the bound. */
export function textDiff(before: string, after: string): DiffPart[] | undefined {
	const [head, tail] = sharedEnds(before, after);
	const middle = diffLines(before.slice(head, before.length - tail), after.slice(head, after.length - tail), {
		maxEditLength: MAX_EDIT_LENGTH,
	});
	if (!middle) return undefined;
	const parts: DiffPart[] = [];
	if (head > 0) parts.push({ kind: "same", text: before.slice(0, head) });
	for (const change of middle) {
		parts.push({ kind: change.added ? "added" : change.removed ? "removed" : "same", text: change.value });
	}
	if (tail > 0) parts.push({ kind: "same", text: before.slice(before.length - tail) });
	return parts;
}

/** Lengths of the whole lines `a` and `b` share at the start and, in what is left, at the end. */
function sharedEnds(a: string, b: string): [number, number] {
	const limit = Math.min(a.length, b.length);
	let i = 0;
	while (i < limit && a.charCodeAt(i) === b.charCodeAt(i)) i++;
	// Back to the start of the line the first difference is in.
	const head = i === limit && a.length === b.length ? i : i === 0 ? 0 : a.lastIndexOf("\n", i - 1) + 1;
	let j = 0;
	const rest = limit - head;
	while (j < rest && a.charCodeAt(a.length - 1 - j) === b.charCodeAt(b.length - 1 - j)) j++;
	// Forward to just after a line end inside the shared part (so both have it): the tail is whole lines.
	const cut = j > 0 ? a.indexOf("\n", a.length - j) : -1;
	const tail = cut === -1 ? 0 : a.length - cut - 1;
	return [head, tail];
}
