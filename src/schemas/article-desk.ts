/**
 * @module The article desk's API shapes (issue 12): the desk list's query, a revision's path, and
 * what the desk answers (an article with its status, revision and owner; the list; revisions).
 */
import * as v from "valibot";
import { ARTICLE_STATUSES } from "../store/public-rows";
import { Article } from "./article";
import { IsoDateTime, Slug } from "./common";
import { LimitParam } from "./paging";
import { ArticleResponse } from "./responses";

export const ArticleStatus = v.picklist(ARTICLE_STATUSES, `must be one of ${ARTICLE_STATUSES.join(", ")}`);

/** The desk list's status filter: `scheduled` is published with a future `publishedAt`, `published` is live now. */
export const DESK_FILTERS = ["draft", "review", "scheduled", "published"] as const;
export type DeskFilter = (typeof DESK_FILTERS)[number];

/** `<saved ms>-<slug>`: the last row a page of the desk list showed (or scanned). */
const DeskCursor = v.pipe(
	v.string(),
	v.regex(/^-?\d{1,15}-[a-z0-9]+(-[a-z0-9]+)*$/, "must be the next value of the page before"),
	v.transform((text) => {
		const dash = text.indexOf("-", 1);
		return { savedMs: Number(text.slice(0, dash)), slug: text.slice(dash + 1) };
	}),
);
export type DeskCursor = v.InferOutput<typeof DeskCursor>;

/** `GET /api/articles`: strict, so a misspelt filter is a 400 rather than an unfiltered list. */
export const DeskListQuery = v.strictObject({
	status: v.optional(v.picklist(DESK_FILTERS, `must be one of ${DESK_FILTERS.join(", ")}`)),
	/** A section's name or its URL slug. */
	section: v.optional(v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(60))),
	/** The author's name, exactly (case aside). */
	author: v.optional(v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(200))),
	/** A source's id: only articles that came from that feed. */
	source: v.optional(Slug),
	/** Words in the title. */
	q: v.optional(v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(200))),
	limit: LimitParam(100, 25),
	cursor: v.optional(DeskCursor),
});
export type DeskListQuery = v.InferOutput<typeof DeskListQuery>;

/** `/api/articles/:slug/revisions/:n`. */
export const RevisionParam = v.object({
	slug: Slug,
	n: v.pipe(v.string(), v.regex(/^[1-9]\d{0,8}$/, "must be a revision number"), v.transform(Number)),
});

const Person = v.object({ staffId: v.nullable(v.string()), name: v.string() });

/** One row of the desk list. */
export const DeskListItem = v.object({
	slug: Slug,
	title: v.string(),
	section: v.nullable(v.string()),
	author: v.nullable(v.string()),
	status: ArticleStatus,
	/** Published with a `publishedAt` still ahead. */
	scheduled: v.boolean(),
	publishedAt: IsoDateTime,
	updatedAt: IsoDateTime,
	updatedBy: v.nullable(Person),
	revision: v.number(),
	sourceId: v.nullable(v.string()),
	url: v.optional(v.string()),
});
export type DeskListItem = v.InferOutput<typeof DeskListItem>;

export const DeskList = v.object({ articles: v.array(DeskListItem), next: v.optional(v.string()) });
export type DeskList = v.InferOutput<typeof DeskList>;

/**
 * The editable fields of an article, as a revision keeps them: the stored Article's (ArticleInput's
 * keys, dates in UTC), without what the site derives (`slug`, `bodyHtml`) or a feed sets (`source`, `origin`).
 */
export const DeskFields = v.omit(Article, ["slug", "bodyHtml", "source", "origin"]);
export type DeskFields = v.InferOutput<typeof DeskFields>;

/** `GET /api/articles/:slug` with a credential: the desk copy, whatever its status. */
export const DeskArticle = v.object({
	...DeskFields.entries,
	slug: Slug,
	status: ArticleStatus,
	scheduled: v.boolean(),
	/** The latest revision's number (0 for an article no one has saved through the desk). */
	revision: v.number(),
	/** The ETag's value, quoted as in the header: send it back as `If-Match`. */
	etag: v.string(),
	owner: v.nullable(Person),
	savedAt: v.nullable(IsoDateTime),
	savedBy: v.nullable(Person),
	sourceId: v.nullable(v.string()),
	source: v.optional(v.string()),
	/** The public URL, once published. */
	url: v.optional(v.string()),
});
export type DeskArticle = v.InferOutput<typeof DeskArticle>;

export const RevisionSummary = v.object({
	n: v.number(),
	at: IsoDateTime,
	by: Person,
	status: ArticleStatus,
	title: v.string(),
	autosave: v.boolean(),
});
export type RevisionSummary = v.InferOutput<typeof RevisionSummary>;

export const RevisionList = v.object({ revisions: v.array(RevisionSummary) });

/** One revision in full: its summary and the fields it kept. */
export const Revision = v.object({ ...RevisionSummary.entries, fields: DeskFields });
export type Revision = v.InferOutput<typeof Revision>;

export const PreviewResponse = v.object({ html: v.string() });

/** What a save (PUT, restore) answers: the article as the public JSON shows it, with its desk state. */
export const SavedArticle = v.object({
	...ArticleResponse.entries,
	status: ArticleStatus,
	scheduled: v.boolean(),
	revision: v.number(),
	etag: v.string(),
});
