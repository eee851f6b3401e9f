/**
 * @module The article desk's calls (issue 12), each one call from its route into the StoreWriter:
 * saving with a status, a revision and preconditions; the desk copy and list; revisions and restore.
 */
import * as v from "valibot";
import { articleJson } from "../api/representations";
import type { Actor } from "../auth/actor";
import { siteConfig } from "../config";
import type { Bindings } from "../env";
import { rememberHeadlines } from "../kv/headlines";
import { err, ok, type Result } from "../result";
import type { DeskArticle, DeskList, DeskListQuery, Revision, RevisionSummary } from "../schemas/article-desk";
import { ArticleInput } from "../schemas/article-input";
import { formatIssues } from "../schemas/issues";
import type { Conditions, DeskRefusal } from "../store/desk-articles";
import { storeWriter } from "../store/stub";
import { composeArticle } from "./compose-article";

export type DeskSave = {
	slug: string;
	input: ArticleInput;
	actor: Actor;
	conditions: Conditions;
	/** An autosave: coalesced with the same person's autosave of the last ten minutes (store/revisions.ts). */
	autosave: boolean;
};

/** What a save answers: the article as `GET /api/articles/:slug` shows it, with its desk state. */
export type DeskSaved = {
	article: ReturnType<typeof articleJson> & Pick<DeskArticle, "status" | "revision" | "etag" | "scheduled">;
	created: boolean;
	/** Whether readers' feeds may have changed: it is published now, or was before this save (an unpublish). */
	feedsChanged: boolean;
	/** An autosave folded into the same person's autosave revision of the last ten minutes (no new revision). */
	merged: boolean;
};

/**
 * Saves `input` under `slug` with its status (absent: published), as `actor`, if the role rules and
 * the preconditions allow. A failing store write throws (500); nothing is kept then.
 *
 * @example const saved = await saveDeskArticle(env, { slug, input, actor, conditions: {}, autosave: false }, now);
 */
export async function saveDeskArticle(
	env: Bindings,
	save: DeskSave,
	now: Date,
): Promise<Result<DeskSaved, DeskRefusal>> {
	const article = composeArticle(save.slug, save.input);
	const saved = await storeWriter(env).saveArticle({
		article,
		status: save.input.status ?? "published",
		actor: save.actor,
		conditions: save.conditions,
		autosave: save.autosave,
	});
	if (!saved.ok) return saved;
	const { index, created, wasPublished, merged, copy } = saved.value;
	rememberHeadlines(env.NEWS, index, now.getTime());
	const { status, revision, etag, scheduled } = copy;
	return ok({
		article: { ...articleJson(article, now, siteConfig(env).timeZone), status, revision, etag, scheduled },
		created,
		feedsChanged: status === "published" || wasPublished,
		merged,
	});
}

/** The desk copy of `slug` (any status), as `actor` may see it. */
export function readDeskArticle(env: Bindings, slug: string, actor: Actor, now: Date) {
	return storeWriter(env).deskArticle(slug, actor, now.getTime()) as Promise<Result<DeskArticle, DeskRefusal>>;
}

/** One page of the desk list. */
export function listDeskArticles(env: Bindings, query: DeskListQuery, actor: Actor, now: Date): Promise<DeskList> {
	return storeWriter(env).listDeskArticles(query, actor, now.getTime()) as Promise<DeskList>;
}

export function listArticleRevisions(env: Bindings, slug: string, actor: Actor) {
	return storeWriter(env).articleRevisions(slug, actor) as Promise<Result<RevisionSummary[], DeskRefusal>>;
}

export function readArticleRevision(env: Bindings, slug: string, n: number, actor: Actor) {
	return storeWriter(env).articleRevision(slug, n, actor) as Promise<Result<Revision, DeskRefusal>>;
}

/** A revision whose fields today's rules no longer accept (one from before a rule tightened). */
export type RestoreInvalid = { code: "desk.revision_invalid"; detail: string; issues: ReturnType<typeof formatIssues> };

/**
 * Brings revision `n` back as a new revision: its fields, under the article's current status, with
 * the same rules and preconditions as a PUT of that content.
 */
export async function restoreArticleRevision(
	env: Bindings,
	restore: { slug: string; n: number; actor: Actor; conditions: Conditions },
	now: Date,
): Promise<Result<DeskSaved, DeskRefusal | RestoreInvalid>> {
	const { slug, n, actor, conditions } = restore;
	const [revision, current] = await Promise.all([
		readArticleRevision(env, slug, n, actor),
		readDeskArticle(env, slug, actor, now),
	]);
	if (!revision.ok) return revision;
	if (!current.ok) return current;
	const input = v.safeParse(ArticleInput, { ...revision.value.fields, status: current.value.status });
	if (!input.success) {
		return err({
			code: "desk.revision_invalid",
			detail: `revision ${n} no longer passes the article rules`,
			issues: formatIssues(input.issues),
		});
	}
	// Without a precondition of the caller's own, the restore still lands only on the article it was read against.
	const guarded = conditions.ifMatch === undefined ? { ...conditions, ifMatch: current.value.etag } : conditions;
	return saveDeskArticle(env, { slug, input: input.output, actor, conditions: guarded, autosave: false }, now);
}
