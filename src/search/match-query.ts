/**
 * @module A reader's search text turned into an FTS5 MATCH expression that can never be a syntax
 * error: only runs of letters and digits are kept, each one quoted and made a prefix (`"flood"*`),
 * so quotes, `*`, `-`, `NEAR(`, `AND`/`OR`/`NOT` and parentheses are read as plain words or dropped.
 */

/** More terms than anyone types; bounds the work one query can ask of FTS5. */
export const MAX_TERMS = 12;

/** The words of `text` as FTS5 sees them: letters, digits and combining marks, lowercased. */
export function searchTerms(text: string): string[] {
	const terms: string[] = [];
	for (const match of text.toLowerCase().matchAll(/[\p{L}\p{N}\p{M}]+/gu)) {
		if (terms.length === MAX_TERMS) break;
		if (!terms.includes(match[0])) terms.push(match[0]);
	}
	return terms;
}

/**
 * `flood defences` → `"flood"* "defences"*` (every term, each by prefix), or with `exact`
 * `"flood" "defences"` (each a whole word, stemmed like the index: `flooding` still finds `flood`);
 * undefined when no term is left.
 */
export function matchExpression(text: string, { exact = false }: { exact?: boolean } = {}): string | undefined {
	const terms = searchTerms(text);
	if (terms.length === 0) return undefined;
	// A term holds no `"` (only letters, digits and marks), so quoting it needs no escaping.
	return terms.map((t) => (exact ? `"${t}"` : `"${t}"*`)).join(" ");
}
