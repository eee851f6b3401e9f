/**
 * @module An editor's writes, each one call from its route: publish (create or replace) and
 * remove an article through the StoreWriter, then keep this isolate's read copy of the index current.
 */
import { articleJson } from "../api/representations";
import { type Actor, OWNER } from "../auth/actor";
import { siteConfig } from "../config";
import type { Bindings } from "../env";
import { rememberHeadlines } from "../kv/headlines";
import { err, ok, type Result } from "../result";
import type { ArticleInput } from "../schemas/article-input";
import type { DeskRefusal } from "../store/desk-articles";
import { storeWriter } from "../store/stub";
import { composeArticle } from "./compose-article";

export type Published = {
	/** The stored article as the API shows it, its age computed from `now`. */
	article: ReturnType<typeof articleJson>;
	/** False when it replaced an article with the same slug. */
	created: boolean;
};

export type PublishError = { code: "publish.missing"; detail: string };

/**
 * Stores `input` under `slug`, replacing any article there. It has no expected failure, so it
 * returns the value itself; a failing store write throws (the route answers 500), and the
 * StoreWriter has kept what was stored before.
 *
 * @example const { article, created } = await publishArticle(env, "cranes-return", input, now);
 */
export async function publishArticle(env: Bindings, slug: string, input: ArticleInput, now: Date): Promise<Published> {
	const article = composeArticle(slug, input);
	const { index, created } = await storeWriter(env).putArticle(article);
	// The writer already put the new index in KV; this isolate's next read shouldn't wait out its copy.
	rememberHeadlines(env.NEWS, index, now.getTime());
	return { article: articleJson(article, now, siteConfig(env).timeZone), created };
}

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
