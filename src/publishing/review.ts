/**
 * @module An editor's decisions on the review queue, one call from each route: approve (publish
 * through the StoreWriter, then keep this isolate's read copy of the index current) and reject.
 */
import type { Bindings } from "../env";
import { rememberHeadlines } from "../kv/headlines";
import { err, ok, type Result } from "../result";
import type { ReviewApproved } from "../schemas/rules";
import { storeWriter } from "../store/stub";

export type ReviewError = { code: "review.missing"; detail: string };

export async function approveReview(
	env: Bindings,
	id: number,
	now: Date,
): Promise<Result<ReviewApproved, ReviewError>> {
	const approved = await storeWriter(env).approveReview(id);
	if (!approved.ok) return err(approved.error);
	const { index, ...published } = approved.value;
	// The writer already put the new index in KV; this isolate's next read shouldn't wait out its copy.
	rememberHeadlines(env.NEWS, index, now.getTime());
	return ok(published);
}

export function rejectReview(env: Bindings, id: number, now: Date): Promise<Result<void, ReviewError>> {
	return storeWriter(env).rejectReview(id, now.toISOString());
}
