/**
 * @module The review queue: new feed items held for an editor (their source has `review: true`, or
 * a rule's outcome could not be checked) or blocked by a rule. Each row keeps the article the item
 * would have been, so approving publishes it through the ordinary change set; rejecting leaves a
 * tombstone. A source keeps at most MAX_QUEUED_PER_SOURCE, and a row lives as long as a feed
 * article would (REFRESH_ARTICLE_TTL_DAYS): past either, the oldest go.
 */
import * as v from "valibot";
import { slugBase, uniqueSlug } from "../ingest/to-article";
import { Article } from "../schemas/article";
import { MatchedRule, type ReviewItem, type ReviewList } from "../schemas/rules";
import { type ArticleRow, slugTaken } from "./articles-table";
import type { QueuedItem } from "./ingest-plan";
import { storedItemKey } from "./item-identity";
import type { TakenDown } from "./tombstones";

/** Enough for days of a busy review source; an unattended one loses its oldest items, not the store's space. */
export const MAX_QUEUED_PER_SOURCE = 200;

export function migrateReviewQueue(sql: SqlStorage): void {
	// AUTOINCREMENT: ids only grow, so the list pages by id and an id is never given to another item.
	// item_key is the stored form (item-identity.ts), unique so an item is queued once; item its key within its source.
	sql.exec(`CREATE TABLE IF NOT EXISTS review_queue (
		id INTEGER PRIMARY KEY AUTOINCREMENT,
		item_key TEXT NOT NULL UNIQUE,
		source_id TEXT NOT NULL,
		item TEXT NOT NULL,
		slug TEXT NOT NULL,
		title TEXT NOT NULL,
		link TEXT NOT NULL,
		published_at TEXT NOT NULL,
		reason TEXT NOT NULL,
		rule TEXT,
		note TEXT,
		article TEXT NOT NULL,
		queued_at INTEGER NOT NULL
	)`);
	sql.exec("CREATE INDEX IF NOT EXISTS review_by_source ON review_queue (source_id, id)");
}

/** Whether item `itemKey` of `sourceId` waits in the queue. */
export function isQueued(sql: SqlStorage, sourceId: string, itemKey: string): boolean {
	const key = storedItemKey(sourceId, itemKey);
	return sql.exec("SELECT 1 FROM review_queue WHERE item_key = ?", key).toArray().length > 0;
}

/** Queues a commit's held and blocked items, then drops what is past its source's cap or its time. */
export function enqueue(sql: SqlStorage, items: readonly QueuedItem[], nowMs: number, ttlMs: number): void {
	const sources = new Set<string>();
	for (const { row, reason, rule, note } of items) {
		if (row.sourceId === null || row.itemKey === null) continue;
		sources.add(row.sourceId);
		sql.exec(
			`INSERT INTO review_queue (item_key, source_id, item, slug, title, link, published_at, reason, rule, note, article, queued_at)
			 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (item_key) DO NOTHING`,
			storedItemKey(row.sourceId, row.itemKey),
			row.sourceId,
			row.itemKey,
			row.slug,
			row.article.title,
			row.article.sourceUrl ?? "",
			row.article.publishedAt,
			reason,
			rule === undefined ? null : JSON.stringify(rule),
			note ?? null,
			JSON.stringify(row.article),
			nowMs,
		);
	}
	sql.exec("DELETE FROM review_queue WHERE queued_at <= ?", nowMs - ttlMs);
	for (const sourceId of sources) {
		const dropped = sql.exec(
			`DELETE FROM review_queue WHERE source_id = ? AND id NOT IN
			 (SELECT id FROM review_queue WHERE source_id = ? ORDER BY id DESC LIMIT ?)`,
			sourceId,
			sourceId,
			MAX_QUEUED_PER_SOURCE,
		).rowsWritten;
		if (dropped > 0) console.log(JSON.stringify({ event: "review.dropped_oldest", sourceId, dropped }));
	}
}

type QueueRow = {
	id: number;
	source_id: string;
	item: string;
	slug: string;
	title: string;
	link: string;
	published_at: string;
	reason: string;
	rule: string | null;
	note: string | null;
	article: string;
	queued_at: number;
};

/** Newest first, `limit` at a time, from before `cursor` (the last id of the page before). */
export function listQueue(sql: SqlStorage, limit: number, cursor: number | undefined): ReviewList {
	const rows = sql
		.exec<QueueRow>(
			`SELECT id, source_id, item, slug, title, link, published_at, reason, rule, note, '' AS article, queued_at
			 FROM review_queue WHERE id < ? ORDER BY id DESC LIMIT ?`,
			cursor ?? Number.MAX_SAFE_INTEGER,
			limit + 1,
		)
		.toArray();
	const items = rows.slice(0, limit).map(toItem);
	const last = items.at(-1);
	return rows.length > limit && last ? { items, next: String(last.id) } : { items };
}

function toItem(row: QueueRow): ReviewItem {
	const item: ReviewItem = {
		id: row.id,
		sourceId: row.source_id,
		itemKey: row.item,
		title: row.title,
		link: row.link,
		publishedAt: row.published_at,
		reason: row.reason === "blocked" ? "blocked" : "held",
		queuedAt: new Date(row.queued_at).toISOString(),
	};
	const rule = row.rule === null ? undefined : v.safeParse(MatchedRule, JSON.parse(row.rule));
	if (rule?.success) item.rule = rule.output;
	if (row.note !== null) item.note = row.note;
	return item;
}

/**
 * A queued item: the row the change set takes to publish it (undefined if its stored article no
 * longer reads, which only rejecting can clear), and the tombstone rejecting it leaves.
 */
export type Queued = { id: number; row: Omit<ArticleRow, "expiresAt"> | undefined; takenDown: TakenDown };

export function findQueued(sql: SqlStorage, id: number): Queued | undefined {
	const row = sql
		.exec<QueueRow>(
			"SELECT id, source_id, item, slug, title, link, published_at, reason, rule, note, article, queued_at FROM review_queue WHERE id = ?",
			id,
		)
		.toArray()[0];
	if (!row) return undefined;
	const takenDown: TakenDown = {
		itemKey: storedItemKey(row.source_id, row.item) ?? row.item,
		slug: row.slug,
		title: row.title,
		link: row.link === "" ? null : row.link,
	};
	const article = v.safeParse(Article, JSON.parse(row.article));
	const readable = article.success
		? { slug: row.slug, article: article.output, sourceId: row.source_id, itemKey: row.item }
		: undefined;
	return { id, row: readable, takenDown };
}

/**
 * The row that publishes the item now, living as long as a feed article (`expiresAt`). Its slug is
 * the one chosen when it was queued unless another story took it since (or it was ever issued to
 * one); then the next free one from its title.
 */
export function approvalRow(sql: SqlStorage, row: NonNullable<Queued["row"]>, expiresAt: number): ArticleRow {
	const { sourceId, itemKey, article } = row;
	const taken = (s: string) => slugTaken(sql, s, sourceId ?? "", itemKey ?? "");
	const slug = taken(row.slug) ? uniqueSlug(slugBase(article.title), taken) : row.slug;
	return { ...row, slug, article: { ...article, slug }, expiresAt };
}

export function removeQueued(sql: SqlStorage, id: number): void {
	sql.exec("DELETE FROM review_queue WHERE id = ?", id);
}
