/**
 * @module Each source's last fetched items, as rules read them (src/rules/item.ts), for the dry
 * run (`POST /api/sources/:id/rules/test`): replaced at every fetch that parsed, the newest
 * LAST_ITEMS_PER_SOURCE only, each capped (64 KiB of text), so a source's copy stays a few MB at most.
 */
import * as v from "valibot";
import { RuleItem, type RuleItem as RuleItemType, ruleItemOf } from "../rules/item";
import type { FeedItem } from "../schemas/feed-item";

export const LAST_ITEMS_PER_SOURCE = 50;

export function migrateLastItems(sql: SqlStorage): void {
	sql.exec(`CREATE TABLE IF NOT EXISTS last_items (
		source_id TEXT NOT NULL,
		position INTEGER NOT NULL,
		item TEXT NOT NULL,
		fetched_at TEXT NOT NULL,
		PRIMARY KEY (source_id, position)
	)`);
}

/** Replaces `sourceId`'s copy with these items (feed order: newest first, as the run took them). */
export function saveLastItems(sql: SqlStorage, sourceId: string, items: readonly FeedItem[], at: Date): void {
	sql.exec("DELETE FROM last_items WHERE source_id = ?", sourceId);
	items.slice(0, LAST_ITEMS_PER_SOURCE).forEach((item, position) => {
		sql.exec(
			"INSERT INTO last_items (source_id, position, item, fetched_at) VALUES (?, ?, ?, ?)",
			sourceId,
			position,
			JSON.stringify(ruleItemOf(item)),
			at.toISOString(),
		);
	});
}

export type LastItems = { fetchedAt: string | null; items: RuleItemType[] };

export function lastItems(sql: SqlStorage, sourceId: string): LastItems {
	const rows = sql
		.exec<{ item: string; fetched_at: string }>(
			"SELECT item, fetched_at FROM last_items WHERE source_id = ? ORDER BY position",
			sourceId,
		)
		.toArray();
	const items = rows.flatMap((row) => {
		const parsed = v.safeParse(RuleItem, JSON.parse(row.item));
		return parsed.success ? [parsed.output] : [];
	});
	return { fetchedAt: rows[0]?.fetched_at ?? null, items };
}
