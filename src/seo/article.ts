/**
 * @module What an article page tells search engines and link previews: OpenGraph and Twitter
 * card tags, `article:*` times, and a schema.org `NewsArticle`. Data only; views/head.tsx renders it.
 */

import { articlePath } from "../publishing/paths";
import type { Article } from "../schemas/article";
import { articleSummary } from "./summary";

export type ShareImage = { url: string; alt: string; width?: number; height?: number };

/** Everything the `<head>` says about a page beyond its title. */
export type PageMeta = {
	/** Absolute URL of the page's preferred address. */
	canonical: string;
	description: string;
	/** `og:type` */
	type: "website" | "article";
	/** Title for link previews (no site name suffix). */
	title: string;
	image?: ShareImage;
	/** Extra robots directives, e.g. `max-image-preview:large`. */
	robots?: string;
	article?: { publishedTime: string; modifiedTime: string; section?: string; tags: string[] };
	/** A schema.org object for `<script type="application/ld+json">`. */
	jsonLd?: Record<string, unknown>;
};

/** The meta of one article page; `origin` is the site's scheme and host (`https://example.com`). */
export function articleMeta(article: Article, origin: string, siteName: string): PageMeta {
	const canonical = `${origin}${articlePath(article.slug)}`;
	const description = articleSummary(article);
	const modified = article.updatedAt ?? article.publishedAt;
	const meta: PageMeta = {
		canonical,
		description,
		type: "article",
		title: article.title,
		article: {
			publishedTime: article.publishedAt,
			modifiedTime: modified,
			tags: article.tags ?? [],
			...(article.section ? { section: article.section } : {}),
		},
		jsonLd: {
			"@context": "https://schema.org",
			"@type": "NewsArticle",
			headline: article.title,
			description,
			...(article.image ? { image: [article.image.url] } : {}),
			datePublished: article.publishedAt,
			dateModified: modified,
			author: article.author
				? [{ "@type": "Person", name: article.author.name }]
				: [{ "@type": "Organization", name: article.source ?? siteName }],
			publisher: { "@type": "Organization", name: siteName, url: `${origin}/` },
			mainEntityOfPage: { "@type": "WebPage", "@id": canonical },
			...(article.section ? { articleSection: article.section } : {}),
			...(article.tags?.length ? { keywords: article.tags.join(", ") } : {}),
		},
	};
	if (article.image) {
		meta.image = { url: article.image.url, alt: article.image.alt };
		if (article.image.width && article.image.height) {
			meta.image.width = article.image.width;
			meta.image.height = article.image.height;
		}
		// Lets search show the lead image large in results (Google's robots meta directives).
		meta.robots = "max-image-preview:large";
	}
	return meta;
}

/** Meta of a list page (home, section): a website card pointing at `path`. */
export function listMeta(origin: string, path: string, title: string, description: string): PageMeta {
	return { canonical: `${origin}${path}`, description, type: "website", title };
}
