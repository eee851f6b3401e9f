/** @module The "newer / older" links under a paged list (headlines, search results). */

export type PagerLink = { href: string; text: string };

/** A labelled pager; a missing side keeps its place, so "older" stays on the right. */
export function Pager({ label, newer, older }: { label: string; newer?: PagerLink; older?: PagerLink }) {
	if (!newer && !older) return null;
	return (
		<nav class="pager" aria-label={label}>
			{newer ? <a href={newer.href}>{newer.text}</a> : <span />}
			{older ? (
				<a href={older.href} rel="next">
					{older.text}
				</a>
			) : null}
		</nav>
	);
}
