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

/** The records a copy was rendered from, by name (`{ article, index, config }`), each compared by identity. */
export type RenderDeps = Readonly<Record<string, unknown>>;

/** Which copy: where it is kept (`key`, e.g. the URL) and what it was rendered from (`deps`). */
export type RenderKey = { key: string | number; deps: RenderDeps };

/** A fresh render and the moment (exclusive) it stops being exact. */
export type Rendered<T> = { value: T; until: number };

type Entry<T> = { deps: RenderDeps; from: number; until: number; value: T };

/** The same names holding the very same objects; allocation-free, since this runs on every request. */
function sameDeps(held: RenderDeps, asked: RenderDeps): boolean {
	let names = 0;
	for (const name in asked) {
		if (held[name] !== asked[name]) return false;
		names++;
	}
	for (const _ in held) names--;
	return names === 0;
}

/** A bounded map (oldest dropped first) of rendered bodies, each tied to the records it came from. */
export class RenderCache<T> {
	readonly #entries = new Map<string | number, Entry<T>>();

	constructor(private readonly capacity: number) {}

	/** The copy for `entry` if it is still current at `nowMs`, else `render()`'s, kept while it is exact. */
	async through(entry: RenderKey, nowMs: number, render: () => Promise<Rendered<T>>): Promise<T> {
		const held = this.lookup(entry, nowMs);
		if (held !== undefined) return held;
		const { value, until } = await render();
		return this.store(entry, nowMs, until, value);
	}

	/** The copy for `entry.key` rendered from these very `entry.deps`, if it is still current at `nowMs`. */
	lookup({ key, deps }: RenderKey, nowMs: number): T | undefined {
		const held = this.#entries.get(key);
		if (held === undefined || nowMs < held.from || nowMs >= held.until) return undefined;
		return sameDeps(held.deps, deps) ? held.value : undefined;
	}

	/** Keeps `value`, rendered at `nowMs`, until `until` (exclusive); returns `value`. */
	store({ key, deps }: RenderKey, nowMs: number, until: number, value: T): T {
		this.#entries.delete(key);
		if (until <= nowMs) return value;
		this.#entries.set(key, { deps, from: nowMs, until, value });
		if (this.#entries.size > this.capacity) {
			const oldest = this.#entries.keys().next().value;
			if (oldest !== undefined) this.#entries.delete(oldest);
		}
		return value;
	}
}
