/** @module Sections as readers navigate them: URL slugs and the masthead's list. */
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

/** `real estate` → `Real estate`: sections are stored lowercase, headings start with a capital. */
export function sectionName(section: string): string {
	return section.charAt(0).toUpperCase() + section.slice(1);
}

/**
 * The `limit` most recently active sections of live headlines, in alphabetical order so the
 * masthead doesn't reshuffle with every story.
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
