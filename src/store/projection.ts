/**
 * @module The articles table projected onto KV: a change set applied as one unit (each article
 * record, then the index at most once), put back as it was when a write fails, and the repair of
 * records a failed rollback left behind.
 */
import { keys } from "../kv/keys";
import { err, ok, type Result } from "../result";
import type { HeadlinesIndex } from "../schemas/article";
import {
	type ArticleRow,
	clearRepair,
	deleteRow,
	findBySlug,
	lastIndexSignature,
	markForRepair,
	pendingRepairs,
	projectIndex,
	pruneExpired,
	setLastIndexSignature,
	upsertRow,
} from "./articles-table";
import { type StoreError, storeError } from "./errors";

/** A batch of article changes applied as one unit: every article write, then at most one index write. */
export type ChangeSet = { put: ArticleRow[]; remove: string[] };
export type ChangeResult = { index: HeadlinesIndex; kvWrites: number };

/** What projecting needs from the StoreWriter, taken per call (tests swap its KV binding). */
export type Projection = {
	sql: SqlStorage;
	kv: KVNamespace;
	/** Asks for another repair attempt later (the StoreWriter's alarm). */
	retryRepairLater: () => Promise<void>;
};

/**
 * Applies a change set: article records first, then the index once. If any write fails, the
 * table and the records already written are put back as they were, so a failed change set
 * changes nothing that readers see.
 */
export async function applyChanges(target: Projection, changes: ChangeSet): Promise<Result<ChangeResult, StoreError>> {
	// Records a failed rollback left behind are put right before anything new is written.
	const repaired = await repairRecords(target);
	if (!repaired.ok) return repaired;
	const { sql, kv } = target;
	const before = new Map<string, ArticleRow | undefined>();
	for (const row of changes.put) before.set(row.slug, findBySlug(sql, row.slug));
	for (const slug of changes.remove) before.set(slug, findBySlug(sql, slug));
	const written: string[] = [];
	let kvWrites = 0;
	try {
		for (const row of changes.put) {
			await putRecord(kv, row);
			written.push(row.slug);
			kvWrites++;
			upsertRow(sql, row);
		}
		for (const slug of changes.remove) {
			await kv.delete(keys.article(slug));
			written.push(slug);
			kvWrites++;
			deleteRow(sql, slug);
		}
		const now = new Date();
		pruneExpired(sql, now.getTime());
		const index = projectIndex(sql, now);
		const signature = JSON.stringify(index.headlines);
		if (signature !== lastIndexSignature(sql)) {
			await kv.put(keys.headlines, JSON.stringify(index));
			kvWrites++;
			setLastIndexSignature(sql, signature);
		}
		return ok({ index, kvWrites });
	} catch (error) {
		await restore(target, before, written);
		return err(storeError("store.write_failed", String(error)));
	}
}

/** Re-projects every record a failed rollback left behind; stops at the first KV still refuses, leaving the rest pending. */
export async function repairRecords(target: Projection): Promise<Result<void, StoreError>> {
	for (const slug of pendingRepairs(target.sql)) {
		try {
			await projectRecord(target, slug);
		} catch (error) {
			return err(storeError("store.repair_pending", `${slug}: ${String(error)}`));
		}
		clearRepair(target.sql, slug);
		console.log(JSON.stringify({ event: "store.repaired", slug }));
	}
	return ok(undefined);
}

/**
 * Puts back the table rows and KV records touched by a failed change set. When KV is still
 * failing, the slug is remembered and the alarm (and the next write) re-project it from the
 * table, so a KV outage delays the rollback but never leaves KV wrong for good.
 */
async function restore(
	target: Projection,
	before: Map<string, ArticleRow | undefined>,
	written: string[],
): Promise<void> {
	for (const slug of written) {
		const row = before.get(slug);
		if (row) upsertRow(target.sql, row);
		else deleteRow(target.sql, slug);
		try {
			await projectRecord(target, slug);
		} catch (error) {
			markForRepair(target.sql, slug);
			await target.retryRepairLater();
			console.error(JSON.stringify({ event: "store.restore_failed", slug, error: String(error) }));
		}
	}
}

/** Writes `row`'s KV record; feed articles carry their expiry so storage stays bounded. */
function putRecord(kv: KVNamespace, row: ArticleRow): Promise<void> {
	const options = row.expiresAt === null ? {} : { expiration: Math.floor(row.expiresAt / 1000) };
	return kv.put(keys.article(row.slug), JSON.stringify(row.article), options);
}

/** Makes `slug`'s KV record match the table: its row's article, or nothing. */
async function projectRecord({ sql, kv }: Projection, slug: string): Promise<void> {
	const row = findBySlug(sql, slug);
	if (row) await putRecord(kv, row);
	else await kv.delete(keys.article(slug));
}
