/**
 * @module Sections as readers navigate them. A section is stored as its editor wrote it (its
 * display name); its URL slug is derived here, and lookups, grouping and config matches use the slug.
 */
import type { HeadlinesIndex } from "../schemas/article";
import { isPublished } from "./visibility";

export type SectionLink = { slug: string; name: string };

const slugs = new Map<string, string | undefined>();

/** `Real Estate` → `real-estate`; undefined when nothing URL-worthy is left. Cached per isolate. */
export function sectionSlug(section: string | undefined): string | undefined {
	if (section === undefined) return undefined;
	if (slugs.has(section)) return slugs.get(section);
	const slug =
		section
			.toLowerCase()
			.normalize("NFKD")
			.replace(/[^a-z0-9]+/g, "-")
			.replace(/^-+|-+$/g, "") || undefined;
	if (slugs.size < 1000) slugs.set(section, slug);
	return slug;
}

/**
 * A section's name as a heading: as written, except that an all-lowercase one (every section
 * stored before names kept their capitals, and sources' sections) starts with a capital.
 */
export function sectionName(section: string): string {
	if (section !== section.toLowerCase()) return section;
	return section.charAt(0).toUpperCase() + section.slice(1);
}

/** Whether `section` is one of `configured` (OPINION_SECTIONS): compared by slug, so capitals never matter. */
export function inSections(configured: ReadonlySet<string>, section: string | undefined): boolean {
	const slug = sectionSlug(section);
	if (slug === undefined) return false;
	for (const name of configured) if (sectionSlug(name) === slug) return true;
	return false;
}

/**
 * The `limit` most recently active sections of live headlines, in alphabetical order so the
 * masthead doesn't reshuffle with every story; each named as its newest headline spells it.
 */
export function activeSections(index: HeadlinesIndex, now: Date, limit: number): SectionLink[] {
	const seen = new Map<string, SectionLink>();
	for (const headline of index.headlines) {
		if (seen.size >= limit) break;
		const slug = sectionSlug(headline.section);
		if (slug && !seen.has(slug) && isPublished(headline, now)) seen.set(slug, { slug, name: headline.section! });
	}
	return [...seen.values()].sort((a, b) => (a.slug < b.slug ? -1 : 1));
}
