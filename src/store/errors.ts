/** @module The store's failures as values, each with a stable `store.*` code (the pipeline stages' twin). */
import type { StageError } from "../schemas/source";

export type StoreErrorCode =
	/** A KV write of a change set failed; the table and the records already written were put back. */
	| "store.write_failed"
	/**
	 * Records a failed rollback left behind could not be re-projected yet. No longer returned by a
	 * change set: repairs are best effort and never block a new write (see projection.ts).
	 */
	| "store.repair_pending";

export type StoreError = StageError & { stage: "store"; code: StoreErrorCode };

export function storeError(code: StoreErrorCode, detail: string): StoreError {
	return { stage: "store", code, detail };
}
