/** @module The `<head>` tags that describe a page to search engines and link previews. */
import type { PageMeta } from "../seo/article";
import { JsonLd } from "./scripts";

/** Canonical link, robots, OpenGraph, Twitter card, `article:*` times and JSON-LD for `meta`. */
export function MetaTags({ meta, siteName }: { meta: PageMeta; siteName: string }) {
	const { image, article } = meta;
	return (
		<>
			<link rel="canonical" href={meta.canonical} />
			{meta.robots ? <meta name="robots" content={meta.robots} /> : null}
			<meta property="og:type" content={meta.type} />
			<meta property="og:site_name" content={siteName} />
			<meta property="og:title" content={meta.title} />
			<meta property="og:description" content={meta.description} />
			<meta property="og:url" content={meta.canonical} />
			{image ? (
				<>
					<meta property="og:image" content={image.url} />
					<meta property="og:image:alt" content={image.alt} />
					{image.width ? <meta property="og:image:width" content={String(image.width)} /> : null}
					{image.height ? <meta property="og:image:height" content={String(image.height)} /> : null}
				</>
			) : null}
			<meta name="twitter:card" content={image ? "summary_large_image" : "summary"} />
			<meta name="twitter:title" content={meta.title} />
			<meta name="twitter:description" content={meta.description} />
			{image ? <meta name="twitter:image" content={image.url} /> : null}
			{image ? <meta name="twitter:image:alt" content={image.alt} /> : null}
			{article ? (
				<>
					<meta property="article:published_time" content={article.publishedTime} />
					<meta property="article:modified_time" content={article.modifiedTime} />
					{article.section ? <meta property="article:section" content={article.section} /> : null}
					{article.tags.map((tag) => (
						<meta property="article:tag" content={tag} />
					))}
				</>
			) : null}
			{meta.jsonLd ? <JsonLd data={meta.jsonLd} /> : null}
		</>
	);
}
