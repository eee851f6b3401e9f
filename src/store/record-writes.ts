/**
 * @module One article's KV record written from its row, within KV's rules: feed articles carry
 * their expiry, and a record that would expire less than a minute ahead is deleted instead, since
 * KV refuses such an expiration (and a rollback re-putting one used to fail on every retry).
 */
import { keys } from "../kv/keys";
import type { ArticleRow } from "./articles-table";
import type { PacedKv } from "./kv-pacing";

/** KV's floor is 60 s ahead; the margin covers the time the put takes and the clocks' difference. */
export const MIN_EXPIRATION_AHEAD_MS = 70_000;

/**
 * Writes `row`'s record, or deletes it when its expiry is too close for KV to accept (or already past),
 * or when the row is not published: a draft or an article in review has no record readers could read.
 */
export function recordPut(kv: PacedKv, row: ArticleRow, nowMs: number): Promise<void> {
	const key = keys.article(row.slug);
	if (row.status !== undefined && row.status !== "published") return kv.delete(key);
	if (row.expiresAt === null) return kv.put(key, JSON.stringify(row.article));
	const expiration = Math.floor(row.expiresAt / 1000);
	if (expiration * 1000 - nowMs < MIN_EXPIRATION_AHEAD_MS) return kv.delete(key);
	return kv.put(key, JSON.stringify(row.article), { expiration });
}
