/** @module Where a reader finds things: the site-relative path of an article and of a section page. */

export function articlePath(slug: string): string {
	return `/articles/${slug}`;
}

/** `slug` is a section slug (`sectionSlug` in sections.ts), not a section's name. */
export function sectionPath(slug: string): string {
	return `/sections/${slug}`;
}
