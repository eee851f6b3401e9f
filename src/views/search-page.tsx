/** @module The `/search` page: the query, its ranked results with highlighted snippets, and paging. */
import type { SiteConfig } from "../config";
import { articlePath, sectionPath } from "../publishing/paths";
import { sectionName, sectionSlug } from "../publishing/sections";
import { MARK_END, MARK_START, type SearchPage } from "../search/results";
import { Age } from "./age";
import { Layout } from "./layout";
import { Pager } from "./pager";

export type SearchResultsPageProps = {
	config: SiteConfig;
	now: Date;
	/** Absent: no query yet, so just the form. */
	query?: { text: string; limit: number; offset: number };
	page?: SearchPage;
};

/** The snippet's text with its matched words in `<mark>`; every piece is text, so JSX escapes it. */
function Snippet({ snippet }: { snippet: string }) {
	const parts: (string | { mark: string })[] = [];
	for (const [i, piece] of snippet.split(MARK_START).entries()) {
		if (i === 0) {
			parts.push(piece);
			continue;
		}
		const end = piece.indexOf(MARK_END);
		if (end === -1) parts.push(piece);
		else parts.push({ mark: piece.slice(0, end) }, piece.slice(end + 1));
	}
	return <p class="snippet">{parts.map((p) => (typeof p === "string" ? p : <mark>{p.mark}</mark>))}</p>;
}

function searchHref(text: string, offset: number): string {
	const params = new URLSearchParams({ q: text });
	if (offset > 0) params.set("cursor", String(offset));
	return `/search?${params}`;
}

export function SearchResultsPage({ config, now, query, page }: SearchResultsPageProps) {
	const title = query ? `Search: ${query.text}` : "Search";
	const hits = page?.hits ?? [];
	return (
		<Layout
			siteName={config.siteName}
			title={title}
			description="Search edgewire's stories."
			timeZone={config.timeZone}
			robots="noindex"
			searchText={query?.text}
			liveAges
		>
			<main class="page" id="main">
				<section class="list search-results" aria-labelledby="search-title">
					<h1 id="search-title" class="page-title">
						{query ? `Results for “${query.text}”` : "Search the stories"}
					</h1>
					<search class="search-again">
						<form action="/search" method="get">
							<label for="search-page-q">Search for</label>
							<input id="search-page-q" name="q" type="search" value={query?.text ?? ""} maxlength={200} required />
							<button type="submit">Search</button>
						</form>
					</search>
					{query && hits.length === 0 ? (
						<div class="empty">
							<p>{query.offset > 0 ? "No more stories match." : "No stories match your search."}</p>
							<ul>
								<li>Try fewer or different words: every word you type must appear.</li>
								<li>Words match by their beginning, so “flood” finds “flooding”.</li>
								<li>
									Or browse <a href="/">the latest headlines</a>.
								</li>
							</ul>
						</div>
					) : null}
					{hits.length > 0 ? (
						<ol class="headlines" start={(query?.offset ?? 0) + 1}>
							{hits.map(({ headline, snippet }) => {
								const slug = sectionSlug(headline.section);
								return (
									<li class="headline">
										<a class="headline-title" href={articlePath(headline.slug)}>
											{headline.title}
										</a>
										<Snippet snippet={snippet} />
										<p class="headline-meta">
											{slug && headline.section ? (
												<a href={sectionPath(slug)}>{sectionName(headline.section)}</a>
											) : null}
											{slug ? " · " : null}
											<Age publishedAt={headline.publishedAt} now={now} timeZone={config.timeZone} />
										</p>
									</li>
								);
							})}
						</ol>
					) : null}
					{query ? (
						<Pager
							label="More results"
							newer={
								query.offset > 0
									? { href: searchHref(query.text, Math.max(0, query.offset - query.limit)), text: "← Better matches" }
									: undefined
							}
							older={
								page?.more
									? { href: searchHref(query.text, query.offset + query.limit), text: "More results →" }
									: undefined
							}
						/>
					) : null}
				</section>
			</main>
		</Layout>
	);
}
