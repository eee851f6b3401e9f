/**
 * @module The desk's side of each article (issue 12): who owns it, its latest revision and its
 * write version (the ETag), who saved it last, and the desk list over the articles table, any
 * status, newest change first, in bounded pages.
 */
import type { Actor } from "../auth/actor";
import { articlePath } from "../publishing/paths";
import { sectionSlug } from "../publishing/sections";
import type { Article, Headline } from "../schemas/article";
import type { DeskArticle, DeskFields, DeskList, DeskListItem, DeskListQuery } from "../schemas/article-desk";
import { type ArticleRow, SAVED_ORDER } from "./articles-table";
import { parseItemKey, storedItemKey } from "./item-identity";
import type { ArticleStatus } from "./public-rows";

export function migrateDeskArticles(sql: SqlStorage): void {
	sql.exec(`CREATE TABLE IF NOT EXISTS desk_articles (
		slug TEXT PRIMARY KEY,
		owner_staff_id TEXT,
		owner_name TEXT,
		revision INTEGER NOT NULL DEFAULT 0,
		version INTEGER NOT NULL DEFAULT 0,
		saved_at INTEGER,
		saved_by_id TEXT,
		saved_by_name TEXT
	)`);
	sql.exec("CREATE INDEX IF NOT EXISTS desk_by_owner ON desk_articles (owner_staff_id)");
}

/** What the desk's rules and preconditions read of an article before a change. */
export type DeskState = {
	status: ArticleStatus;
	ownerStaffId: string | null;
	revision: number;
	etag: string;
};

type StateRow = {
	status: string;
	published_at: number;
	row_saved_at: number | null;
	owner_staff_id: string | null;
	revision: number | null;
	version: number | null;
};

const STATE_SELECT = `SELECT a.status, a.published_at, a.saved_at AS row_saved_at, d.owner_staff_id, d.revision, d.version
	FROM articles a LEFT JOIN desk_articles d ON d.slug = a.slug WHERE a.slug = ?`;

/** The article's desk state; undefined when there is no article (a row that no longer parses still counts). */
export function deskStateAt(sql: SqlStorage, slug: string): DeskState | undefined {
	const row = sql.exec<StateRow>(STATE_SELECT, slug).toArray()[0];
	return row && stateOf(row);
}

function stateOf(row: StateRow): DeskState {
	return {
		status: row.status as ArticleStatus,
		ownerStaffId: row.owner_staff_id,
		revision: row.revision ?? 0,
		etag: etagOf(row.version ?? 0, row.row_saved_at ?? row.published_at),
	};
}

/**
 * Strong, and changed by any write of the row: the desk's saves bump the version, and the refresh's
 * rewrite of a feed story moves the row's own save time, so a stale `If-Match` never passes either.
 */
function etagOf(version: number, rowSavedMs: number): string {
	return `"v${version}.${rowSavedMs.toString(36)}"`;
}

/**
 * After a save went through: the desk row's new revision and version. The owner is whoever created
 * the article through the desk; an article that existed before (a feed story, or one from before the
 * desk) keeps no owner.
 */
export function recordDeskSave(
	sql: SqlStorage,
	save: { slug: string; actor: Actor; revision: number; atMs: number; created: boolean },
): void {
	const { slug, actor, revision, atMs, created } = save;
	sql.exec(
		`INSERT INTO desk_articles (slug, owner_staff_id, owner_name, revision, version, saved_at, saved_by_id, saved_by_name)
		 VALUES (?, ?, ?, ?, 1, ?, ?, ?)
		 ON CONFLICT (slug) DO UPDATE SET revision = excluded.revision, version = desk_articles.version + 1,
		 saved_at = excluded.saved_at, saved_by_id = excluded.saved_by_id, saved_by_name = excluded.saved_by_name`,
		slug,
		created ? actor.staffId : null,
		created ? actor.name : null,
		revision,
		atMs,
		actor.staffId,
		actor.name,
	);
}

export function forgetDesk(sql: SqlStorage, slug: string): void {
	sql.exec("DELETE FROM desk_articles WHERE slug = ?", slug);
}

/** The editable fields of a stored article, as the editor and the revisions hold them. */
export function deskFieldsOf(article: Article): DeskFields {
	const { title, dek, section, author, publishedAt, updatedAt, body, sourceUrl, image, tags } = article;
	const fields: DeskFields = { title, publishedAt, body };
	if (dek !== undefined) fields.dek = dek;
	if (section !== undefined) fields.section = section;
	if (author !== undefined) fields.author = author;
	if (updatedAt !== undefined) fields.updatedAt = updatedAt;
	if (sourceUrl !== undefined) fields.sourceUrl = sourceUrl;
	if (image !== undefined) fields.image = image;
	if (tags !== undefined) fields.tags = tags;
	return fields;
}

type DeskRow = {
	owner_staff_id: string | null;
	owner_name: string | null;
	saved_at: number | null;
	saved_by_id: string | null;
	saved_by_name: string | null;
};

/** The desk copy of `row`: its fields, status, revision, ETag, owner, last save and, once published, its URL. */
export function deskCopy(sql: SqlStorage, row: ArticleRow, nowMs: number): DeskArticle {
	const state = deskStateAt(sql, row.slug);
	const desk = sql
		.exec<DeskRow>(
			"SELECT owner_staff_id, owner_name, saved_at, saved_by_id, saved_by_name FROM desk_articles WHERE slug = ?",
			row.slug,
		)
		.toArray()[0];
	const status = state?.status ?? "published";
	const copy: DeskArticle = {
		...deskFieldsOf(row.article),
		slug: row.slug,
		status,
		scheduled: status === "published" && Date.parse(row.article.publishedAt) > nowMs,
		revision: state?.revision ?? 0,
		etag: state?.etag ?? etagOf(0, 0),
		owner: desk?.owner_name ? { staffId: desk.owner_staff_id, name: desk.owner_name } : null,
		savedAt: desk?.saved_at ? new Date(desk.saved_at).toISOString() : null,
		savedBy: desk?.saved_by_name ? { staffId: desk.saved_by_id, name: desk.saved_by_name } : null,
		sourceId: row.sourceId,
	};
	if (row.article.source !== undefined) copy.source = row.article.source;
	if (status === "published") copy.url = articlePath(row.slug);
	return copy;
}

/**
 * How many rows one page of the desk list walks at most, in its order, before filtering: a filter
 * that matches little answers an empty (or short) page with `next` instead of scanning the table.
 */
export const DESK_SCAN = 1000;

type ListRow = {
	slug: string;
	k: number;
	published_at: number;
	status: string;
	headline: string;
	item_key: string | null;
	author: string | null;
	revision: number | null;
	saved_by_id: string | null;
	saved_by_name: string | null;
};

/** Who is looking: a contributor sees published articles and their own, anyone else everything. */
export type DeskViewer = { seesAll: boolean; staffId: string | null };

/** One page of the desk list, newest change first: one walk of at most `DESK_SCAN` index entries. */
export function listDesk(sql: SqlStorage, query: DeskListQuery, viewer: DeskViewer, nowMs: number): DeskList {
	const windowWhere: string[] = [];
	const windowParams: (string | number)[] = [];
	if (query.status) {
		windowWhere.push("status = ?");
		windowParams.push(query.status === "scheduled" ? "published" : query.status);
	}
	if (query.cursor) {
		const { savedMs, slug } = query.cursor;
		windowWhere.push(`${SAVED_ORDER} <= ? AND (${SAVED_ORDER} < ? OR slug > ?)`);
		windowParams.push(savedMs, savedMs, slug);
	}
	const window = `SELECT slug, ${SAVED_ORDER} AS k FROM articles
		${windowWhere.length ? `WHERE ${windowWhere.join(" AND ")}` : ""}
		ORDER BY ${SAVED_ORDER} DESC, slug ASC LIMIT ${DESK_SCAN}`;

	const where: string[] = [];
	const params: (string | number)[] = [];
	const filter = (clause: string, ...values: (string | number)[]) => {
		where.push(clause);
		params.push(...values);
	};
	if (query.status === "published") filter("a.published_at <= ?", nowMs);
	if (query.status === "scheduled") filter("a.published_at > ?", nowMs);
	if (query.section) filter("a.section_slug = ?", sectionSlug(query.section) ?? "");
	if (query.author) filter("json_extract(a.json, '$.author.name') = ? COLLATE NOCASE", query.author);
	if (query.source) {
		const prefix = storedItemKey(query.source, "") ?? "";
		filter("substr(a.item_key, 1, ?) = ?", prefix.length, prefix);
	}
	if (query.q) {
		const words = query.q.replace(/[\\%_]/g, (c) => `\\${c}`);
		filter("json_extract(a.headline, '$.title') LIKE ? ESCAPE '\\'", `%${words}%`);
	}
	if (!viewer.seesAll) filter("(a.status = 'published' OR d.owner_staff_id = ?)", viewer.staffId ?? "");

	const rows = sql
		.exec<ListRow>(
			`WITH win AS (${window})
			 SELECT win.slug, win.k, a.published_at, a.status, a.headline, a.item_key,
			   json_extract(a.json, '$.author.name') AS author, d.revision, d.saved_by_id, d.saved_by_name
			 FROM win JOIN articles a ON a.slug = win.slug LEFT JOIN desk_articles d ON d.slug = win.slug
			 ${where.length ? `WHERE ${where.join(" AND ")}` : ""}
			 ORDER BY win.k DESC, win.slug ASC LIMIT ?`,
			...windowParams,
			...params,
			query.limit + 1,
		)
		.toArray();
	const page = rows.slice(0, query.limit).map((row) => listItem(row, nowMs));
	const list: DeskList = { articles: page };
	const last = rows[query.limit - 1];
	if (rows.length > query.limit && last) list.next = `${last.k}-${last.slug}`;
	else {
		// The walk may have stopped at its bound with rows left: the next page walks on from there.
		const scanned = sql
			.exec<{ n: number; k: number | null; slug: string | null }>(
				`WITH win AS (${window}) SELECT COUNT(*) AS n, MIN(k) AS k,
				   (SELECT slug FROM win ORDER BY k ASC, slug DESC LIMIT 1) AS slug FROM win`,
				...windowParams,
			)
			.toArray()[0];
		if (scanned && scanned.n >= DESK_SCAN && scanned.k !== null && scanned.slug !== null)
			list.next = `${scanned.k}-${scanned.slug}`;
	}
	return list;
}

function listItem(row: ListRow, nowMs: number): DeskListItem {
	const headline = JSON.parse(row.headline) as Headline;
	const status = row.status as ArticleStatus;
	const item: DeskListItem = {
		slug: row.slug,
		title: headline.title,
		section: headline.section ?? null,
		author: row.author,
		status,
		scheduled: status === "published" && row.published_at > nowMs,
		publishedAt: headline.publishedAt,
		updatedAt: new Date(row.k).toISOString(),
		updatedBy: row.saved_by_name ? { staffId: row.saved_by_id, name: row.saved_by_name } : null,
		revision: row.revision ?? 0,
		sourceId: parseItemKey(row.item_key).sourceId,
	};
	if (status === "published") item.url = articlePath(row.slug);
	return item;
}

/** Why the desk refused a change; the route answers 403, 412 or 404 with `detail`. */
export type DeskRefusal =
	| { code: "desk.forbidden"; detail: string }
	| { code: "desk.precondition"; detail: string; revision: number; etag: string | null }
	| { code: "desk.missing"; detail: string }
	| { code: "desk.too_large"; detail: string };

/** A write's preconditions, as the request's headers carried them. */
export type Conditions = { ifMatch?: string; ifNoneMatch?: string };

function listsTag(header: string, etag: string): boolean {
	return header.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag);
}

/**
 * `If-Match` that names none of the current ETag (or any ETag, for an article that does not exist)
 * and `If-None-Match: *` on an existing article fail, so two editors never overwrite each other.
 */
export function preconditionFailure(
	slug: string,
	state: DeskState | undefined,
	{ ifMatch, ifNoneMatch }: Conditions,
): DeskRefusal | undefined {
	const current = { revision: state?.revision ?? 0, etag: state?.etag ?? null };
	if (ifNoneMatch !== undefined && state && (ifNoneMatch.trim() === "*" || listsTag(ifNoneMatch, state.etag))) {
		return { code: "desk.precondition", detail: `article '${slug}' already exists`, ...current };
	}
	if (ifMatch !== undefined) {
		if (!state) return { code: "desk.precondition", detail: `no article '${slug}' to match`, ...current };
		if (ifMatch.trim() !== "*" && !listsTag(ifMatch, state.etag)) {
			return {
				code: "desk.precondition",
				detail: `article '${slug}' changed since you opened it: it is now at revision ${state.revision} (ETag ${state.etag})`,
				...current,
			};
		}
	}
	return undefined;
}
