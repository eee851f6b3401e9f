/** @module A plain-text summary of an article for meta descriptions and feeds: its dek, else its opening words. */
import type { Article } from "../schemas/article";

/** Search engines show about this much; longer descriptions are cut. */
export const SUMMARY_MAX = 160;

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

/** Text of sanitized HTML: tags dropped, the entities our renderer emits decoded, whitespace collapsed. */
export function htmlText(html: string): string {
	return html
		.replace(/<[^>]*(>|$)/g, " ")
		.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
			if (name[0] !== "#") return ENTITIES[name.toLowerCase()] ?? entity;
			const code = name[1] === "x" || name[1] === "X" ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
			return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
		})
		.replace(/\s+/g, " ")
		.trim();
}

/** At most `max` characters, cut at a word boundary with an ellipsis. */
export function clip(text: string, max = SUMMARY_MAX): string {
	if (text.length <= max) return text;
	const cut = text.slice(0, max - 1);
	const space = cut.lastIndexOf(" ");
	return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.-]+$/, "")}…`;
}

/** The dek when there is one, else the body's opening words (only its first few KB are read). */
export function articleSummary(article: Pick<Article, "dek" | "bodyHtml">): string {
	if (article.dek?.trim()) return clip(article.dek.trim());
	return clip(htmlText(article.bodyHtml.slice(0, 4000)));
}
