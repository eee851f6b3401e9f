/** @module Where a reader finds things: the site-relative path of an article, a section page and the archive's pages. */

export function articlePath(slug: string): string {
	return `/articles/${slug}`;
}

/** `slug` is a section slug (`sectionSlug` in sections.ts), not a section's name. */
export function sectionPath(slug: string): string {
	return `/sections/${slug}`;
}

/** `/archive`, a month's page (`YYYY-MM`) or a day's (`YYYY-MM-DD`). */
export function archivePath(period?: string): string {
	return period === undefined ? "/archive" : `/archive/${period.replaceAll("-", "/")}`;
}
