/**
 * @module The site's feed and each section's, in Atom and JSON Feed: what a feed document
 * describes, where each format lives, and the alternate links a page announces them with.
 */
import { sectionPath } from "../publishing/paths";
import type { Headline } from "../schemas/article";

/** One feed as both formats render it. */
export type FeedDocument = {
	origin: string;
	siteName: string;
	/** The feed's title: the site's name, or `edgewire: Politics` for a section. */
	title: string;
	description: string;
	/** The page the feed follows: `/`, or the section's page. */
	homePath: string;
	/** The section's URL slug, for a section's feed. */
	sectionSlug?: string;
	/** Live headlines, newest first. */
	headlines: Headline[];
	/** The newest entry's time (the index's when there is none). */
	updated: string;
	/** The WebSub hub to declare (config `websubHub`). */
	hub?: string;
};

export type FeedFormat = "atom" | "json";

/** The media type each format is announced and served as (the response adds its charset). */
export const FEED_TYPES: Record<FeedFormat, string> = {
	atom: "application/atom+xml",
	json: "application/feed+json",
};

const FILES: Record<FeedFormat, string> = { atom: "feed.xml", json: "feed.json" };

/** `/feed.xml`, `/feed.json`, or a section's `/sections/<slug>/feed.xml` and `.json`. */
export function feedPath(format: FeedFormat, sectionSlug?: string): string {
	return sectionSlug === undefined ? `/${FILES[format]}` : `${sectionPath(sectionSlug)}/${FILES[format]}`;
}

/** One `<link rel="alternate">` a page carries for a feed. */
export type AlternateFeed = { type: string; title: string; href: string };

/** Both formats of one feed: the site's (titled `edgewire: latest articles`), or a section's (`edgewire: Politics`). */
export function alternateFeeds(siteName: string, section?: { slug: string; name: string }): AlternateFeed[] {
	const title = section ? `${siteName}: ${section.name}` : `${siteName}: latest articles`;
	return [
		{ type: FEED_TYPES.atom, title, href: feedPath("atom", section?.slug) },
		{ type: FEED_TYPES.json, title: `${title} (JSON Feed)`, href: feedPath("json", section?.slug) },
	];
}
