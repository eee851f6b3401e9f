/**
 * @module Short-lived copies of validated KV records in isolate memory.
 *
 * KV is eventually consistent for about 60 s, so trusting a copy for a few seconds adds no
 * staleness a reader could tell, and it saves the KV read, the JSON parse and the validation on
 * almost every request. Behind it sits the data center's cache (colo-cache.ts), then KV. When the copy expires and KV still holds the same text, the same parsed
 * object is kept, so anything derived from it (rendered pages) stays valid too.
 */
import { coloRead, coloWrite, type KvSource } from "./colo-cache";
import { KV_MISSING, type KvRead } from "./read";

/** How long an isolate trusts a copy before asking KV again. */
export const MEMORY_TTL_MS = 5_000;

type Entry<T> = { kv: KVNamespace; raw: string | null; value: T; storedAt: number };

/** Copies of one kind of record, keyed by KV key, at most `capacity` of them (oldest dropped first). */
export class RecordMemory<T> {
	readonly #entries = new Map<string, Entry<T>>();

	constructor(private readonly capacity: number) {}

	/** The record when memory holds a fresh copy, with no I/O (the hot path: no promise, no allocation). */
	peek(kv: KVNamespace, key: string, nowMs: number): T | undefined {
		const held = this.#entries.get(key);
		if (held && held.kv === kv && nowMs >= held.storedAt && nowMs - held.storedAt < MEMORY_TTL_MS) return held.value;
		return undefined;
	}

	/** The record from memory when fresh, else one KV read (`parse` runs only when the text changed). */
	async read(source: KvSource, key: string, nowMs: number, parse: (raw: string) => KvRead<T>): Promise<KvRead<T>> {
		const { kv, namespaceId } = source;
		const fresh = this.peek(kv, key, nowMs);
		if (fresh !== undefined) return { ok: true, value: fresh };
		const held = this.#entries.get(key);
		// Then the data center's cache (shared by its isolates, costs no KV read), then KV itself.
		let raw = await coloRead(namespaceId, key);
		const fromKv = raw === null;
		if (fromKv) raw = await kv.get(key, "text");
		if (raw === null) {
			this.#entries.delete(key);
			return KV_MISSING;
		}
		if (held && held.kv === kv && held.raw === raw) {
			held.storedAt = nowMs;
			if (fromKv) await coloWrite(namespaceId, key, raw);
			return { ok: true, value: held.value };
		}
		const parsed = parse(raw);
		if (parsed.ok) {
			this.#store(key, { kv, raw, value: parsed.value, storedAt: nowMs });
			// Only text that validated is shared with the data center: a corrupt record is re-read every time.
			if (fromKv) await coloWrite(namespaceId, key, raw);
		} else this.#entries.delete(key);
		return parsed;
	}

	/** Holds `value` as what `key` now contains (after a write made in this isolate). */
	remember(kv: KVNamespace, key: string, value: T, nowMs: number): void {
		this.#store(key, { kv, raw: null, value, storedAt: nowMs });
	}

	forget(): void {
		this.#entries.clear();
	}

	#store(key: string, entry: Entry<T>): void {
		this.#entries.delete(key);
		this.#entries.set(key, entry);
		if (this.#entries.size > this.capacity) {
			const oldest = this.#entries.keys().next().value;
			if (oldest !== undefined) this.#entries.delete(oldest);
		}
	}
}
