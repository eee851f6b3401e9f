/** @module The home page and section pages: a paged list of live headlines, newest first. */
import type { SiteConfig } from "../config";
import type { HeadlinePage } from "../publishing/headline-pages";
import type { SectionLink } from "../publishing/sections";
import type { Article } from "../schemas/article";
import type { PageMeta } from "../seo/article";
import { alternateFeeds } from "../syndication/feeds";
import { HeadlineList } from "./headline-list";
import { Layout } from "./layout";
import { LeadStory } from "./lead-story";
import { Pager } from "./pager";
import { NewStoriesNotice, NewStoriesScript } from "./scripts";

export type ListPageProps = {
	config: SiteConfig;
	page: HeadlinePage;
	now: Date;
	meta: PageMeta;
	/** The visible heading, e.g. `Latest headlines` or the section's name. */
	heading: string;
	/** The document title; omitted on the home page's first page. */
	title?: string;
	/** Path of this list's first page, for the "newest" link on older pages. */
	firstPage: string;
	/** True on an older page (`?before=`). */
	older: boolean;
	sections: SectionLink[];
	currentSection?: string;
	/** The home page's lead story, shown above the list (and not in it). */
	lead?: Article;
	/** Where the new-stories notice polls (a first page only). */
	noticeSrc?: string;
};

export function ListPage(props: ListPageProps) {
	const { config, page, now, meta, heading, firstPage, older, currentSection } = props;
	// A section's heading is its name, so its feeds are titled as its page is.
	const feeds = currentSection ? alternateFeeds(config.siteName, { slug: currentSection, name: heading }) : undefined;
	return (
		<Layout
			siteName={config.siteName}
			title={props.title}
			meta={meta}
			timeZone={config.timeZone}
			nav={{ sections: props.sections, current: currentSection }}
			feeds={feeds}
			liveAges
		>
			<main class="page" id="main">
				<section class="list" aria-labelledby="list-title">
					<h1 id="list-title" class="page-title">
						{heading}
					</h1>
					{props.lead ? <LeadStory article={props.lead} now={now} timeZone={config.timeZone} /> : null}
					{props.noticeSrc ? <NewStoriesNotice src={props.noticeSrc} /> : null}
					{page.headlines.length > 0 || props.lead ? (
						<HeadlineList headlines={page.headlines} now={now} timeZone={config.timeZone} />
					) : (
						<p class="empty">{older ? "No older headlines." : "No headlines yet."}</p>
					)}
					<Pager
						label="More headlines"
						newer={older ? { href: firstPage, text: "← Newest headlines" } : undefined}
						older={page.older ? { href: `${firstPage}?before=${page.older}`, text: "Older headlines →" } : undefined}
					/>
					{props.noticeSrc ? <NewStoriesScript /> : null}
				</section>
			</main>
		</Layout>
	);
}
