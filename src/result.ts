/**
 * @module The one result shape every stage returns (valibot's `safeParse` and Miniflux's
 * value-plus-typed-error, as one union). Throw only for bugs; an expected failure is a value.
 */

/** A stage's value, or its typed failure. */
export type Result<T, E> = { ok: true; value: T } | { ok: false; error: E };

export function ok<T>(value: T): { ok: true; value: T } {
	return { ok: true, value };
}

export function err<E>(error: E): { ok: false; error: E } {
	return { ok: false, error };
}
