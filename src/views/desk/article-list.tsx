/**
 * @module The article desk's list (GET /admin): filters by status, section, author and source, a title
 * search, paging, and a "New article" button. The filters are a GET form, so it all works without script.
 */
import type { Actor } from "../../auth/actor";
import { deskTime } from "../../desk/desk-time";
import type { DeskFilter, DeskListItem } from "../../schemas/article-desk";
import { Flash, type FlashMessage, FlashText } from "./flash";
import { DeskLayout } from "./layout";

export type ListFilters = Partial<Record<"status" | "section" | "author" | "source" | "q", string>>;

export type ArticleListProps = {
	actor: Actor;
	articles: DeskListItem[];
	filters: ListFilters;
	/** The query string of the next page, when there is one. */
	nextQuery?: string | undefined;
	/** Whether this is a later page (a link back to the first is offered). */
	paged?: boolean;
	timeZone: string;
	flash?: FlashMessage | undefined;
	/** A problem with the filters themselves (shown instead of the list). */
	filterError?: string | undefined;
};

const STATUS_LABELS: Record<DeskFilter, string> = {
	draft: "Draft",
	review: "In review",
	scheduled: "Scheduled",
	published: "Published",
};

export function statusOf(item: { status: string; scheduled: boolean }): DeskFilter {
	if (item.status === "published") return item.scheduled ? "scheduled" : "published";
	return item.status === "review" ? "review" : "draft";
}

export function StatusBadge({ item }: { item: { status: string; scheduled: boolean } }) {
	const status = statusOf(item);
	return <span class={`badge ${status}`}>{STATUS_LABELS[status]}</span>;
}

export function ArticleListPage(props: ArticleListProps) {
	const { actor, articles, filters, timeZone } = props;
	const filtered = Object.values(filters).some(Boolean);
	return (
		<DeskLayout title="Articles" actor={actor} active="articles">
			<div class="page-head">
				<h1>Articles</h1>
				<a class="button primary" href="/admin/articles/new">
					New article
				</a>
			</div>
			<FlashText flash={props.flash} />
			<search>
				<form class="filters" method="get" action="/admin" aria-label="Filter articles">
					<div class="field grow">
						<label for="f-q">Search titles</label>
						<input id="f-q" name="q" type="search" value={filters.q ?? ""} maxlength={200} />
					</div>
					<div class="field">
						<label for="f-status">Status</label>
						<select id="f-status" name="status">
							<option value="">Any status</option>
							{(Object.keys(STATUS_LABELS) as DeskFilter[]).map((status) => (
								<option value={status} selected={filters.status === status}>
									{STATUS_LABELS[status]}
								</option>
							))}
						</select>
					</div>
					<div class="field">
						<label for="f-section">Section</label>
						<input id="f-section" name="section" type="text" value={filters.section ?? ""} maxlength={60} />
					</div>
					<div class="field">
						<label for="f-author">Author</label>
						<input id="f-author" name="author" type="text" value={filters.author ?? ""} maxlength={200} />
					</div>
					<div class="field">
						<label for="f-source">Source id</label>
						<input id="f-source" name="source" type="text" value={filters.source ?? ""} maxlength={120} />
					</div>
					<button type="submit">Filter</button>
					{filtered ? <a href="/admin">Clear filters</a> : null}
				</form>
			</search>
			{props.filterError ? (
				<Flash kind="error">
					<p>{props.filterError}</p>
				</Flash>
			) : articles.length === 0 ? (
				<p class="empty">{filtered ? "No articles match these filters." : "No articles yet."}</p>
			) : (
				<div class="table-wrap">
					<table>
						<caption class="visually-hidden">Articles, most recently saved first</caption>
						<thead>
							<tr>
								<th scope="col">Title</th>
								<th scope="col">Status</th>
								<th scope="col">Section</th>
								<th scope="col">Author</th>
								<th scope="col">Goes live</th>
								<th scope="col">Last saved</th>
							</tr>
						</thead>
						<tbody>
							{articles.map((item) => (
								<tr>
									<td>
										<a href={`/admin/articles/${item.slug}`}>{item.title}</a>
										{item.url ? (
											<>
												{" "}
												<a class="muted" href={item.url}>
													(view<span class="visually-hidden"> {item.title} on the site</span>)
												</a>
											</>
										) : null}
									</td>
									<td>
										<StatusBadge item={item} />
									</td>
									<td>{item.section ?? "—"}</td>
									<td>{item.author ?? "—"}</td>
									<td class="num">
										<time datetime={item.publishedAt}>{deskTime(item.publishedAt, timeZone)}</time>
									</td>
									<td class="num">
										<time datetime={item.updatedAt}>{deskTime(item.updatedAt, timeZone)}</time>
										{item.updatedBy ? <span class="muted"> by {item.updatedBy.name}</span> : null}
									</td>
								</tr>
							))}
						</tbody>
					</table>
				</div>
			)}
			<nav class="pager" aria-label="Pages">
				{props.paged ? <a href={`/admin${queryOf(filters)}`}>First page</a> : null}
				{props.nextQuery ? <a href={`/admin?${props.nextQuery}`}>Older articles</a> : null}
			</nav>
			<p class="muted">Times are shown in {timeZone}.</p>
		</DeskLayout>
	);
}

function queryOf(filters: ListFilters): string {
	const params = new URLSearchParams();
	for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
	const text = params.toString();
	return text ? `?${text}` : "";
}
