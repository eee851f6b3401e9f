/**
 * @module Every save of an article through the desk, kept as a revision (issue 12): who saved it,
 * when, with which status, and the editable fields as they were. A row holds one article's fields
 * (the body is capped at 200,000 characters), so it stays under SQLite's 2 MB per row here, and an
 * article keeps its newest `REVISIONS_KEPT`, so its history's size is bounded too.
 */
import type { Actor } from "../auth/actor";
import type { DeskFields, Revision, RevisionSummary } from "../schemas/article-desk";
import type { ArticleStatus } from "./public-rows";

/** An autosave by the same person this soon after their last autosave replaces it instead of adding one. */
export const AUTOSAVE_WINDOW_MS = 10 * 60_000;

export function migrateRevisions(sql: SqlStorage): void {
	sql.exec(`CREATE TABLE IF NOT EXISTS article_revisions (
		slug TEXT NOT NULL,
		n INTEGER NOT NULL,
		at INTEGER NOT NULL,
		by_staff_id TEXT,
		by_name TEXT NOT NULL,
		status TEXT NOT NULL,
		autosave INTEGER NOT NULL DEFAULT 0,
		title TEXT NOT NULL,
		json TEXT NOT NULL,
		PRIMARY KEY (slug, n)
	)`);
}

export type NewRevision = {
	slug: string;
	fields: DeskFields;
	status: ArticleStatus;
	actor: Actor;
	atMs: number;
	autosave: boolean;
};

type SummaryRow = {
	n: number;
	at: number;
	by_staff_id: string | null;
	by_name: string;
	status: string;
	autosave: number;
	title: string;
};

/**
 * Keeps `revision` and answers its number. An autosave replaces the latest revision when that one
 * is an autosave by the same person within `AUTOSAVE_WINDOW_MS`, so saving every few seconds keeps
 * one revision per sitting.
 */
export function keepRevision(sql: SqlStorage, revision: NewRevision): number {
	const { slug, fields, status, actor, atMs, autosave } = revision;
	const latest = latestRow(sql, slug);
	const json = JSON.stringify(fields);
	if (
		autosave &&
		latest?.autosave === 1 &&
		latest.by_staff_id === actor.staffId &&
		latest.by_name === actor.name &&
		atMs - latest.at <= AUTOSAVE_WINDOW_MS
	) {
		sql.exec(
			"UPDATE article_revisions SET at = ?, status = ?, title = ?, json = ? WHERE slug = ? AND n = ?",
			atMs,
			status,
			fields.title,
			json,
			slug,
			latest.n,
		);
		return latest.n;
	}
	const n = (latest?.n ?? 0) + 1;
	sql.exec(
		`INSERT INTO article_revisions (slug, n, at, by_staff_id, by_name, status, autosave, title, json)
		 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		slug,
		n,
		atMs,
		actor.staffId,
		actor.name,
		status,
		autosave ? 1 : 0,
		fields.title,
		json,
	);
	// A range of the primary key: one row at most once the history is full.
	sql.exec("DELETE FROM article_revisions WHERE slug = ? AND n <= ?", slug, n - REVISIONS_KEPT);
	return n;
}

function latestRow(sql: SqlStorage, slug: string): SummaryRow | undefined {
	return sql
		.exec<SummaryRow>(
			`SELECT n, at, by_staff_id, by_name, status, autosave, title FROM article_revisions
			 WHERE slug = ? ORDER BY n DESC LIMIT 1`,
			slug,
		)
		.toArray()[0];
}

function summaryOf(row: SummaryRow): RevisionSummary {
	return {
		n: row.n,
		at: new Date(row.at).toISOString(),
		by: { staffId: row.by_staff_id, name: row.by_name },
		status: row.status as ArticleStatus,
		title: row.title,
		autosave: row.autosave === 1,
	};
}

/**
 * How many revisions an article keeps, newest first (autosaves coalesce, so this is a long history),
 * and so how many its list answers: each can hold a ~1 MB body, so an article saved without end
 * never grows the store without end.
 */
export const REVISIONS_KEPT = 200;

export function listRevisions(sql: SqlStorage, slug: string): RevisionSummary[] {
	return sql
		.exec<SummaryRow>(
			`SELECT n, at, by_staff_id, by_name, status, autosave, title FROM article_revisions
			 WHERE slug = ? ORDER BY n DESC LIMIT ?`,
			slug,
			REVISIONS_KEPT,
		)
		.toArray()
		.map(summaryOf);
}

export function readRevision(sql: SqlStorage, slug: string, n: number): Revision | undefined {
	const row = sql
		.exec<SummaryRow & { json: string }>(
			`SELECT n, at, by_staff_id, by_name, status, autosave, title, json FROM article_revisions
			 WHERE slug = ? AND n = ?`,
			slug,
			n,
		)
		.toArray()[0];
	return row && { ...summaryOf(row), fields: JSON.parse(row.json) as DeskFields };
}

/** An article's history goes with it: a story later published under the same slug starts its own. */
export function forgetRevisions(sql: SqlStorage, slug: string): void {
	sql.exec("DELETE FROM article_revisions WHERE slug = ?", slug);
}
