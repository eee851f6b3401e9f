/**
 * @module The articles table projected onto KV: a change set applied as one unit (each article
 * record, then the index at most once, see index-writes.ts), put back as it was when a write fails,
 * and the best-effort repair of records a failed rollback left behind. Every KV write is paced to
 * one per key per second (kv-pacing.ts).
 */
import { keys } from "../kv/keys";
import { err, ok, type Result } from "../result";
import type { HeadlinesIndex } from "../schemas/article";
import { type ArticleRow, deleteRow, findBySlug, pruneExpired, upsertRow } from "./articles-table";
import { derivedRow, flushDerived, markTouched } from "./derived-keys";
import { type StoreError, storeError } from "./errors";
import { flushIndex, projectIndexToKv } from "./index-writes";
import type { PacedKv } from "./kv-pacing";
import { recordPut } from "./record-writes";
import {
	clearRepair,
	markForRepair,
	nextRepairDue,
	pendingRepairs,
	recordRepairFailure,
	retryDelayMs,
} from "./repair-queue";

/** A batch of article changes applied as one unit: every article write, then at most one index write. */
export type ChangeSet = { put: ArticleRow[]; remove: string[] };
export type ChangeResult = { index: HeadlinesIndex; kvWrites: number };

/** What projecting needs from the StoreWriter, taken per call (tests swap its KV binding). */
export type Projection = {
	sql: SqlStorage;
	kv: PacedKv;
	/** Asks for the alarm within `ms` (the soonest asked for wins). */
	wakeIn: (ms: number) => Promise<void>;
};

/**
 * Applies a change set: article records first, then the index (now, or by the trailing write). If
 * a write fails, the table and the records already written are put back as they were, so a failed
 * change set changes nothing that readers see. Repairs that are due are tried first, but one that
 * fails never stops the change set.
 */
export async function applyChanges(target: Projection, changes: ChangeSet): Promise<Result<ChangeResult, StoreError>> {
	await repairRecords(target, { dueOnly: true });
	const { sql, kv } = target;
	const before = new Map<string, ArticleRow | undefined>();
	for (const row of changes.put) before.set(row.slug, findBySlug(sql, row.slug));
	for (const slug of changes.remove) before.set(slug, findBySlug(sql, slug));
	const written: string[] = [];
	let kvWrites = 0;
	try {
		for (const change of changes.put) {
			const previous = before.get(change.slug);
			// A write that names no status keeps the row's (the refresh's rewrite of an unpublished story stays unpublished).
			const row = { ...change, status: change.status ?? previous?.status ?? "published" };
			if (!staysUnpublished(sql, previous, row)) {
				await recordPut(kv, row, Date.now());
				kvWrites++;
			}
			written.push(row.slug);
			upsertRow(sql, row);
		}
		for (const slug of changes.remove) {
			await kv.delete(keys.article(slug));
			written.push(slug);
			kvWrites++;
			deleteRow(sql, slug);
		}
		const pruned = pruneExpired(sql, Date.now());
		const projected = await projectIndexToKv(sql, kv);
		if (projected.trailingAt !== undefined) await target.wakeIn(projected.trailingAt - kv.now());
		// Derived values (list pages, archive, sitemaps): marked dirty with the change, written now when free.
		// From the change set's own rows (no re-reading), and the expired rows just pruned.
		markTouched(sql, [
			...changes.put.map((row) => ({ before: derivedOf(before.get(row.slug)), after: derivedRow(row) })),
			...changes.remove.map((slug) => ({ before: derivedOf(before.get(slug)), after: undefined })),
			...pruned.map((row) => ({ before: row, after: undefined })),
		]);
		const derived = await flushDerivedNow(target);
		// These records now match the table, whatever a failed rollback left in KV before.
		for (const slug of written) clearRepair(sql, slug);
		return ok({ index: projected.index, kvWrites: kvWrites + projected.kvWrites + derived.kvWrites });
	} catch (error) {
		await restore(target, before, written);
		// Derived values a part of this change set may have reached are recomputed from the restored table.
		markTouched(sql, [
			...changes.put.map((row) => ({ before: derivedRow(row), after: derivedOf(before.get(row.slug)) })),
			...changes.remove.map((slug) => ({ before: undefined, after: derivedOf(before.get(slug)) })),
		]);
		await target.wakeIn(0);
		return err(storeError("store.write_failed", String(error)));
	}
}

/**
 * Whether a write keeps an unpublished row unpublished (a draft's autosave, every few seconds): it has
 * no record, so deleting one would spend KV's daily deletes (1,000 on the free plan) for nothing. A
 * slug queued for repair may still have one, so it is deleted as usual.
 */
function staysUnpublished(sql: SqlStorage, previous: ArticleRow | undefined, row: ArticleRow): boolean {
	if (previous === undefined || (previous.status ?? "published") === "published" || row.status === "published") {
		return false;
	}
	return !pendingRepairs(sql).includes(row.slug);
}

function derivedOf(row: ArticleRow | undefined) {
	return row && derivedRow(row);
}

/**
 * Writes the derived keys that are free now and asks the alarm for the rest. A failed write is
 * logged and left dirty for the alarm: the change itself is already in the table and its records,
 * and a derived value is recomputed from the table whenever it is written.
 */
async function flushDerivedNow(target: Projection): Promise<{ kvWrites: number }> {
	try {
		const derived = await flushDerived(target.sql, target.kv, { waitUpToMs: 0 });
		if (derived.nextAt !== undefined) await target.wakeIn(derived.nextAt - target.kv.now());
		return derived;
	} catch (error) {
		await target.wakeIn(INDEX_RETRY_MS);
		console.error(JSON.stringify({ event: "store.derived_write_failed", error: String(error) }));
		return { kvWrites: 0 };
	}
}

/** The alarm's work: every queued repair, then the trailing index write, then the next alarm if anything is left. */
export async function settle(target: Projection): Promise<void> {
	await repairRecords(target, { dueOnly: false });
	try {
		// The index too waits only briefly; when its key is busy for longer, the alarm comes back for it.
		const indexFreeIn = target.kv.freeAt(keys.headlines) - target.kv.now();
		if (indexFreeIn > ALARM_WAIT_MS) await target.wakeIn(indexFreeIn);
		else await flushIndex(target.sql, target.kv);
		const derived = await flushDerived(target.sql, target.kv, { waitUpToMs: ALARM_WAIT_MS });
		if (derived.nextAt !== undefined) await target.wakeIn(derived.nextAt - target.kv.now());
	} catch (error) {
		// Left dirty: the next change set or this retry writes it.
		await target.wakeIn(INDEX_RETRY_MS);
		console.error(JSON.stringify({ event: "store.index_write_failed", error: String(error) }));
	}
}

/**
 * The longest the alarm waits for a busy derived key while it holds the write queue; a key busy for
 * longer gets the next alarm, so a burst of publishes never queues behind a second of waiting.
 */
const ALARM_WAIT_MS = 50;

/** How soon the alarm tries a trailing index write again after KV refused it. */
const INDEX_RETRY_MS = 5_000;

/**
 * Re-projects queued records from the table (all of them, or only those due). A failure is logged
 * and counted with the slug, which backs off; it never fails the caller. Answers how many are left.
 */
export async function repairRecords(target: Projection, { dueOnly }: { dueOnly: boolean }): Promise<number> {
	const { sql } = target;
	for (const slug of pendingRepairs(sql, dueOnly ? Date.now() : undefined)) {
		try {
			await projectRecord(target, slug);
		} catch (error) {
			const attempts = recordRepairFailure(sql, slug, Date.now(), String(error));
			await target.wakeIn(retryDelayMs(attempts));
			console.error(JSON.stringify({ event: "store.repair_failed", slug, attempts, error: String(error) }));
			continue;
		}
		clearRepair(sql, slug);
		console.log(JSON.stringify({ event: "store.repaired", slug }));
	}
	return pendingRepairs(sql).length;
}

/**
 * Puts back the table rows and KV records touched by a failed change set. When KV is still
 * failing, the slug is queued and the alarm re-projects it from the table later, so a KV outage
 * delays the rollback but never leaves KV wrong for good, and never holds up later writes.
 */
async function restore(
	target: Projection,
	before: Map<string, ArticleRow | undefined>,
	written: string[],
): Promise<void> {
	const { sql } = target;
	for (const slug of written) {
		const row = before.get(slug);
		if (row) upsertRow(sql, row);
		else deleteRow(sql, slug);
		try {
			await projectRecord(target, slug);
		} catch (error) {
			markForRepair(sql, slug, Date.now(), String(error));
			await target.wakeIn((nextRepairDue(sql) ?? Date.now()) - Date.now());
			console.error(JSON.stringify({ event: "store.restore_failed", slug, error: String(error) }));
		}
	}
}

/** Makes `slug`'s KV record match the table: its row's article, or nothing. A row already expired goes too. */
async function projectRecord({ sql, kv }: Projection, slug: string): Promise<void> {
	const nowMs = Date.now();
	const row = findBySlug(sql, slug);
	if (!row) return kv.delete(keys.article(slug));
	if (row.expiresAt !== null && row.expiresAt <= nowMs) deleteRow(sql, slug);
	await recordPut(kv, row, nowMs);
}
