/**
 * @module Removing an article through the StoreWriter, then keeping this isolate's read copy of the
 * index current. Saving one (with its status, revision and preconditions) is desk.ts's saveDeskArticle.
 */
import { type Actor, OWNER } from "../auth/actor";
import type { Bindings } from "../env";
import { rememberHeadlines } from "../kv/headlines";
import { err, ok, type Result } from "../result";
import type { DeskRefusal } from "../store/desk-articles";
import { storeWriter } from "../store/stub";

export type PublishError = { code: "publish.missing"; detail: string };

/**
 * Removes the article under `slug` and its headline; `publish.missing` when there is none, and
 * `desk.forbidden` when `actor` may not (a contributor, for anything but their own draft).
 *
 * @example if (!(await removeArticle(env, slug, now)).ok) throw new ApiError(404, `no article '${slug}'`);
 */
export async function removeArticle(
	env: Bindings,
	slug: string,
	now: Date,
	actor: Actor = OWNER,
): Promise<Result<void, PublishError | DeskRefusal>> {
	const removed = await storeWriter(env).deleteArticle(slug, actor);
	if (!removed.ok) return removed;
	const { index, deleted } = removed.value;
	if (!deleted) return err({ code: "publish.missing", detail: `no article '${slug}'` });
	rememberHeadlines(env.NEWS, index, now.getTime());
	return ok(undefined);
}
