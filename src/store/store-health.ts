/**
 * @module The StoreWriter's own bookkeeping for KV (write times, the repair queue): its migration,
 * and what it tells `/healthz`.
 */
import { migrateKvPacing } from "./kv-pacing";
import { migrateRepairQueue, repairStatus } from "./repair-queue";

/** Needs the `meta` table (articles-table.ts creates it first). */
export function migrateStoreState(sql: SqlStorage): void {
	migrateKvPacing(sql);
	migrateRepairQueue(sql);
}

/** Records a failed rollback left behind in KV: how many, since when, and the last error KV gave. */
export type StoreHealth = {
	pendingRepairs: number;
	oldestSince: string | null;
	attempts: number;
	lastError: string | null;
};

export function storeHealth(sql: SqlStorage): StoreHealth {
	const status = repairStatus(sql);
	return {
		pendingRepairs: status.pending,
		oldestSince: status.oldestSince === null ? null : new Date(status.oldestSince).toISOString(),
		attempts: status.attempts,
		lastError: status.lastError,
	};
}
