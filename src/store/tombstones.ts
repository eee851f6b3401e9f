/**
 * @module Tombstones: the feed items an editor took down. Deleting an article that came from a feed
 * leaves one, keyed by the stored item key (source and item), so the refresh never recreates the
 * story when the feed carries it again; lifting it lets the item back in at its feed's next change.
 */
import type { Tombstone } from "../schemas/tombstone";
import { lookupKeys, parseItemKey } from "./item-identity";

export function migrateTombstones(sql: SqlStorage): void {
	// AUTOINCREMENT: a lifted tombstone's id is never given to another.
	sql.exec(`CREATE TABLE IF NOT EXISTS tombstones (
		id INTEGER PRIMARY KEY AUTOINCREMENT,
		item_key TEXT NOT NULL UNIQUE,
		slug TEXT NOT NULL,
		title TEXT NOT NULL,
		link TEXT,
		deleted_at TEXT NOT NULL
	)`);
}

/** What a tombstone records about the article being deleted; read raw, so even a record that no longer parses can be taken down. */
export type TakenDown = { itemKey: string; slug: string; title: string; link: string | null };

/** The feed item behind `slug`, or undefined for an editor's own article (nothing to keep out). */
export function feedItemAt(sql: SqlStorage, slug: string): TakenDown | undefined {
	const row = sql
		.exec<{ item_key: string | null; title: SqlStorageValue; link: SqlStorageValue }>(
			"SELECT item_key, json_extract(json, '$.title') AS title, json_extract(json, '$.sourceUrl') AS link FROM articles WHERE slug = ?",
			slug,
		)
		.toArray()[0];
	if (!row || row.item_key === null) return undefined;
	return {
		itemKey: row.item_key,
		slug,
		title: typeof row.title === "string" ? row.title : "",
		link: typeof row.link === "string" ? row.link : null,
	};
}

export function leaveTombstone(sql: SqlStorage, item: TakenDown, at: Date): void {
	sql.exec(
		`INSERT INTO tombstones (item_key, slug, title, link, deleted_at) VALUES (?, ?, ?, ?, ?)
		 ON CONFLICT (item_key) DO UPDATE SET slug = excluded.slug, title = excluded.title, link = excluded.link, deleted_at = excluded.deleted_at`,
		item.itemKey,
		item.slug,
		item.title,
		item.link,
		at.toISOString(),
	);
}

/** Whether the item `itemKey` of `sourceId` was taken down (under its own key, or the bare key of a row from before). */
export function isTombstoned(sql: SqlStorage, sourceId: string, itemKey: string): boolean {
	const [own, bare] = lookupKeys(sourceId, itemKey);
	return sql.exec("SELECT 1 FROM tombstones WHERE item_key IN (?, ?)", own, bare).toArray().length > 0;
}

/** Every tombstone, the latest first. */
export function listTombstones(sql: SqlStorage): Tombstone[] {
	return sql
		.exec<{ id: number; item_key: string; slug: string; title: string; link: string | null; deleted_at: string }>(
			"SELECT id, item_key, slug, title, link, deleted_at FROM tombstones ORDER BY id DESC",
		)
		.toArray()
		.map((r) => {
			const { sourceId, itemKey } = parseItemKey(r.item_key);
			return {
				id: r.id,
				sourceId,
				itemKey: itemKey ?? r.item_key,
				slug: r.slug,
				title: r.title,
				link: r.link,
				deletedAt: r.deleted_at,
			};
		});
}

/** Lifts tombstone `id`; false when there is none. */
export function liftTombstone(sql: SqlStorage, id: number): boolean {
	if (sql.exec("SELECT 1 FROM tombstones WHERE id = ?", id).toArray().length === 0) return false;
	sql.exec("DELETE FROM tombstones WHERE id = ?", id);
	return true;
}
