/**
 * @module Rendered responses kept in isolate memory for exactly as long as they are still what a
 * fresh render would produce.
 *
 * A page shows ages, and ages are computed from the request's `now`; a copy rendered at `t0` is
 * therefore valid only until the first moment any label it shows would change, or a scheduled
 * article would appear (`until`, computed by `validity.ts` from the age scale), and only while
 * the records it was rendered from are the very same objects (the memory copies in `src/kv/`
 * keep their identity while KV holds the same text). Within that window, serving the copy is
 * indistinguishable from rendering again at request time; outside it, we render again.
 */

type Entry<T> = { a: unknown; b: unknown; c: unknown; from: number; until: number; value: T };

/**
 * A bounded map (oldest dropped first) of rendered bodies, each tied to up to three inputs
 * compared by identity. Lookups allocate nothing: this is the per-request hot path.
 */
export class RenderCache<T> {
	readonly #entries = new Map<string | number, Entry<T>>();

	constructor(private readonly capacity: number) {}

	/** The copy for `key` rendered from these very inputs, if it is still current at `nowMs`. */
	lookup(key: string | number, nowMs: number, a: unknown, b?: unknown, c?: unknown): T | undefined {
		const held = this.#entries.get(key);
		if (held === undefined || nowMs < held.from || nowMs >= held.until) return undefined;
		if (held.a !== a || held.b !== b || held.c !== c) return undefined;
		return held.value;
	}

	/** Keeps `value`, rendered at `nowMs`, until `until` (exclusive); returns `value`. */
	store(key: string | number, nowMs: number, until: number, value: T, a: unknown, b?: unknown, c?: unknown): T {
		this.#entries.delete(key);
		if (until <= nowMs) return value;
		this.#entries.set(key, { a, b, c, from: nowMs, until, value });
		if (this.#entries.size > this.capacity) {
			const oldest = this.#entries.keys().next().value;
			if (oldest !== undefined) this.#entries.delete(oldest);
		}
		return value;
	}

	forget(): void {
		this.#entries.clear();
	}
}
