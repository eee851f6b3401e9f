/**
 * @module What changed between two versions of an article, for the revisions panel and the conflict
 * view: each version written out as plain text (its fields, then its body) and compared line by line with
 * the `diff` package, within a bound on the work, so a huge rewrite costs a bounded slice of the 10 ms budget.
 */
import { diffLines } from "diff";
import type { DeskFields } from "../schemas/article-desk";

export type DiffPart = { kind: "same" | "added" | "removed"; text: string };

/** At most this many changed lines are traced, and for at most this long; past either, no diff is drawn. */
const MAX_EDIT_LENGTH = 2000;
const TIMEOUT_MS = 4;

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
	const changes = diffLines(before, after, { maxEditLength: MAX_EDIT_LENGTH, timeout: TIMEOUT_MS });
	if (!changes) return undefined;
	return changes.map((change) => ({
		kind: change.added ? "added" : change.removed ? "removed" : "same",
		text: change.value,
	}));
}
