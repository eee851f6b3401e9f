/**
 * @module KV values derived from the articles table (list pages, archive days and months, sitemaps),
 * kept in step with it within KV's one write per key per second.
 *
 * Each kind of derived value is a producer: which of its keys a changed row touches, and how to
 * compute a key's value from SQLite. A change set marks the touched keys dirty in SQLite (so a crash
 * or a failed write loses nothing), then writes every dirty key whose KV key is free; the rest wait
 * for the StoreWriter's alarm (the same trailing write as the headlines index, see index-writes.ts).
 * A value is always computed from the table as it stands when written, never from the change
 * alone, so a late write is still a correct one.
 */
import type { PacedKv } from "./kv-pacing";

/** What producers need of a changed row: where it sits in the lists and sitemaps, and its last change. */
export type DerivedRow = { slug: string; publishedAt: string; section?: string; updatedAt?: string };

/** The derived view of a table row. */
export function derivedRow(row: { slug: string; article: Omit<DerivedRow, "slug"> }): DerivedRow {
	const { publishedAt, section, updatedAt } = row.article;
	return {
		slug: row.slug,
		publishedAt,
		...(section === undefined ? {} : { section }),
		...(updatedAt === undefined ? {} : { updatedAt }),
	};
}

export type DerivedProducer = {
	/** Every key this producer writes starts with it (e.g. `v1:list:`); keys are routed by it. */
	prefix: string;
	/**
	 * The keys a row touches, called with the row as it was before the change set and as it is
	 * after (either may be undefined). May read SQLite (and update its own tables, e.g. chunk bounds).
	 */
	touched: (sql: SqlStorage, before: DerivedRow | undefined, after: DerivedRow | undefined) => string[];
	/** The value of `key` as the table stands at `nowMs`; null deletes the key. */
	compute: (sql: SqlStorage, key: string, nowMs: number) => string | null;
	/** After `key` got a new value (not when it was unchanged): e.g. a month's sitemap dates the index. */
	changed?: (sql: SqlStorage, key: string, nowMs: number) => void;
};

const producers: DerivedProducer[] = [];

/** Registers a producer once per isolate (call at module load of the producer's module). */
export function registerProducer(producer: DerivedProducer): void {
	if (!producers.some((p) => p.prefix === producer.prefix)) producers.push(producer);
}

export function migrateDerivedKeys(sql: SqlStorage): void {
	sql.exec("CREATE TABLE IF NOT EXISTS derived_dirty (k TEXT PRIMARY KEY)");
	// What each key last got, as a SHA-256: an unchanged value is not written again (KV writes are the scarce budget).
	sql.exec("CREATE TABLE IF NOT EXISTS derived_written (k TEXT PRIMARY KEY, sig TEXT NOT NULL)");
}

async function signature(value: string | null): Promise<string> {
	if (value === null) return "deleted";
	const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(value));
	return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** Marks the keys each producer says the changed rows touch. */
export function markTouched(
	sql: SqlStorage,
	changes: { before: DerivedRow | undefined; after: DerivedRow | undefined }[],
): void {
	migrateDerivedKeys(sql);
	for (const producer of producers) {
		for (const { before, after } of changes) {
			for (const key of producer.touched(sql, before, after)) markDirty(sql, key);
		}
	}
}

export function markDirty(sql: SqlStorage, key: string): void {
	sql.exec("INSERT INTO derived_dirty (k) VALUES (?) ON CONFLICT (k) DO NOTHING", key);
}

/** Keys still waiting for their write. */
export function dirtyKeys(sql: SqlStorage): string[] {
	migrateDerivedKeys(sql);
	return sql
		.exec<{ k: string }>("SELECT k FROM derived_dirty ORDER BY k")
		.toArray()
		.map((r) => r.k);
}

/**
 * Writes every dirty key whose KV key is free now, or within `waitUpToMs` (waiting that out). Answers
 * how many writes it made and, when some are left, when the next is due.
 * A failed write throws and leaves that key (and the rest) dirty.
 */
export async function flushDerived(
	sql: SqlStorage,
	kv: PacedKv,
	{ waitUpToMs }: { waitUpToMs: number },
): Promise<{ kvWrites: number; nextAt?: number }> {
	let kvWrites = 0;
	let nextAt: number | undefined;
	for (const key of dirtyKeys(sql)) {
		const producer = producers.find((p) => key.startsWith(p.prefix));
		if (!producer) {
			sql.exec("DELETE FROM derived_dirty WHERE k = ?", key);
			continue;
		}
		if (kv.freeAt(key) > kv.now()) {
			// A short wait is cheaper than another alarm; a long one would hold the write queue (an editor's
			// publish waits behind it), so that key waits for the next alarm instead.
			if (kv.freeAt(key) - kv.now() > waitUpToMs) {
				nextAt = Math.min(nextAt ?? Number.POSITIVE_INFINITY, kv.freeAt(key));
				continue;
			}
			await kv.waitFor(key);
		}
		const nowMs = Date.now();
		const value = producer.compute(sql, key, nowMs);
		const sig = await signature(value);
		const last = sql.exec<{ sig: string }>("SELECT sig FROM derived_written WHERE k = ?", key).toArray()[0]?.sig;
		if (sig !== last) {
			if (value === null) await kv.delete(key);
			else await kv.put(key, value);
			kvWrites++;
			// A deletion is remembered too ("deleted"), so an absent value is not deleted again and again.
			sql.exec(
				"INSERT INTO derived_written (k, sig) VALUES (?, ?) ON CONFLICT (k) DO UPDATE SET sig = excluded.sig",
				key,
				sig,
			);
			producer.changed?.(sql, key, nowMs);
		}
		sql.exec("DELETE FROM derived_dirty WHERE k = ?", key);
	}
	// Keys skipped as busy, and any a computation marked (an index a month's count changed): the alarm's.
	for (const key of dirtyKeys(sql))
		nextAt = Math.min(nextAt ?? Number.POSITIVE_INFINITY, Math.max(kv.freeAt(key), kv.now()));
	return nextAt === undefined ? { kvWrites } : { kvWrites, nextAt };
}
