/** @module The page shell every HTML response shares: head, masthead with sections, main column, footer. */

import { html } from "hono/html";
import type { Child } from "hono/jsx";
import { sectionPath } from "../publishing/paths";
import type { SectionLink } from "../publishing/sections";
import type { PageMeta } from "../seo/article";
import { type AlternateFeed, alternateFeeds } from "../syndication/feeds";
import { MetaTags } from "./head";
import { AgeScript } from "./scripts";
import { SITE_CSS } from "./styles";

export type LayoutProps = {
	siteName: string;
	/** The document title; the site name is appended. */
	title?: string;
	/** Used when there is no `meta` (error pages). */
	description?: string;
	/** Canonical URL, social cards and structured data. */
	meta?: PageMeta;
	/** The site time zone, for the live-age script's calendar dates. */
	timeZone?: string;
	/** Sections for the masthead; `current` is marked with `aria-current`. */
	nav?: { sections: SectionLink[]; current?: string };
	/** Pages that show ages carry the live-age script. */
	liveAges?: boolean;
	/** `noindex` for pages crawlers should not list (search results). */
	robots?: string;
	/** The masthead search box's text (on the results page). */
	searchText?: string;
	/** Feeds announced besides the site's own (a section's, on its pages). */
	feeds?: AlternateFeed[];
	children: Child;
};

export function Layout(props: LayoutProps) {
	const { siteName, title, description, meta, timeZone, nav, liveAges, children } = props;
	const summary = meta?.description ?? description;
	return (
		<>
			{html`<!DOCTYPE html>`}
			<html lang="en" data-tz={timeZone}>
				<head>
					<meta charset="utf-8" />
					<meta name="viewport" content="width=device-width, initial-scale=1" />
					<title>{title ? `${title} | ${siteName}` : siteName}</title>
					{summary ? <meta name="description" content={summary} /> : null}
					{props.robots ? <meta name="robots" content={props.robots} /> : null}
					{meta ? <MetaTags meta={meta} siteName={siteName} /> : null}
					<meta name="color-scheme" content="light dark" />
					<link rel="icon" href="/favicon.svg" type="image/svg+xml" />
					{[...alternateFeeds(siteName), ...(props.feeds ?? [])].map((feed) => (
						<link rel="alternate" type={feed.type} title={feed.title} href={feed.href} />
					))}
					<style>{SITE_CSS}</style>
				</head>
				<body>
					<a class="skip" href="#main">
						Skip to content
					</a>
					<header class="masthead">
						<div class="masthead-inner">
							<a class="brand" href="/">
								{siteName}
							</a>
							{nav && nav.sections.length > 0 ? (
								<nav class="sections" aria-label="Sections">
									<ul>
										{nav.sections.map((s) => (
											<li>
												<a href={sectionPath(s.slug)} aria-current={s.slug === nav.current ? "page" : undefined}>
													{s.name}
												</a>
											</li>
										))}
									</ul>
								</nav>
							) : null}
							<search class="masthead-search">
								<form action="/search" method="get">
									<label class="visually-hidden" for="masthead-q">
										Search stories
									</label>
									<input
										id="masthead-q"
										name="q"
										type="search"
										placeholder="Search"
										value={props.searchText}
										maxlength={200}
										required
									/>
									<button type="submit">Search</button>
								</form>
							</search>
						</div>
					</header>
					{children}
					<footer class="site-footer">
						<div class="footer-inner">
							<p>{siteName}: news from the edge.</p>
							<nav aria-label="Site">
								<ul>
									<li>
										<a href="/feed.xml">Atom feed</a>
									</li>
									<li>
										<a href="/archive">Archive</a>
									</li>
									<li>
										<a href="/sitemap.xml">Sitemap</a>
									</li>
									<li>
										<a href="/api/docs">API</a>
									</li>
								</ul>
							</nav>
						</div>
					</footer>
					{liveAges ? <AgeScript /> : null}
				</body>
			</html>
		</>
	);
}
