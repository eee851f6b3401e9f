/**
 * @module KV's one write per key per second, kept by the StoreWriter: it records when it last wrote
 * each key, and a write that would come sooner waits out the rest of that second.
 *
 * Production answers a second write within the second with 429 (Miniflare never does). Only the
 * StoreWriter writes KV, and it runs one call at a time, so its own record is the whole truth. The
 * times live in SQLite (the object's own in-process store, so a read is a synchronous lookup), so a
 * restart inside the second still respects it. A wait is wall time, not CPU, and at most a second.
 */

/** KV's limit is 1000 ms; the margin covers the distance between our clock and KV's. */
export const KV_WRITE_GAP_MS = 1_050;

/** Where pacing reads the time and how it waits: the real clock in production, a test clock under the harness. */
export type PacingClock = { now: () => number; pause: (ms: number) => Promise<void> };

export const REAL_CLOCK: PacingClock = {
	now: () => Date.now(),
	pause: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** KV writes that never come within `KV_WRITE_GAP_MS` of the last write to the same key. */
export type PacedKv = {
	put: (key: string, value: string, options?: KVNamespacePutOptions) => Promise<void>;
	delete: (key: string) => Promise<void>;
	/** When `key` may next be written, on the pacing clock (at or before `now()`: at once). */
	freeAt: (key: string) => number;
	now: () => number;
	/** Waits until `key` may be written. */
	waitFor: (key: string) => Promise<void>;
};

export function migrateKvPacing(sql: SqlStorage): void {
	sql.exec("CREATE TABLE IF NOT EXISTS kv_written (key TEXT PRIMARY KEY, at INTEGER NOT NULL)");
}

export function pacedKv(sql: SqlStorage, kv: KVNamespace, clock: PacingClock): PacedKv {
	const freeAt = (key: string) => {
		const at = sql.exec<{ at: number }>("SELECT at FROM kv_written WHERE key = ?", key).toArray()[0]?.at;
		return at === undefined ? Number.NEGATIVE_INFINITY : at + KV_WRITE_GAP_MS;
	};
	const waitFor = async (key: string) => {
		const wait = freeAt(key) - clock.now();
		if (wait > 0) await clock.pause(wait);
	};
	const paced = async (key: string, write: () => Promise<void>) => {
		await waitFor(key);
		try {
			await write();
		} finally {
			// Noted even when the write failed: it may have landed (a timeout), and KV would count it.
			noteWrite(sql, key, clock.now());
		}
	};
	return {
		put: (key, value, options) => paced(key, () => kv.put(key, value, options)),
		delete: (key) => paced(key, () => kv.delete(key)),
		freeAt,
		now: clock.now,
		waitFor,
	};
}

/**
 * The binding with its put and delete paced, for code that takes a `KVNamespace` (the source list's
 * writes); reads pass straight through.
 */
export function pacedNamespace(kv: KVNamespace, paced: PacedKv): KVNamespace {
	return new Proxy(kv, {
		get(target, prop) {
			if (prop === "put") return paced.put;
			if (prop === "delete") return paced.delete;
			const value = Reflect.get(target, prop, target);
			return typeof value === "function" ? value.bind(target) : value;
		},
	});
}

function noteWrite(sql: SqlStorage, key: string, atMs: number): void {
	sql.exec(
		"INSERT INTO kv_written (key, at) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET at = excluded.at",
		key,
		atMs,
	);
	// Only the last second matters; older rows would only grow the table (one per article ever written).
	sql.exec("DELETE FROM kv_written WHERE at < ?", atMs - KV_WRITE_GAP_MS);
}
