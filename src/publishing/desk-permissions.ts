/**
 * @module Who may do what to an article (issue 12), decided on the API whatever the UI offers:
 * editors and admins do everything; a contributor writes their own drafts and submits them for
 * review, and never publishes. Each check answers the refusal's reason, or undefined to allow.
 */
import { type Actor, hasRole } from "../auth/actor";
import type { ArticleStatus } from "../store/public-rows";

/** What the rules need of the article as it stands; undefined when it does not exist yet. */
export type Current = { status: ArticleStatus; ownerStaffId: string | null } | undefined;

function isEditor(actor: Actor): boolean {
	return hasRole(actor.role, "editor");
}

function ownsUnpublished(actor: Actor, current: NonNullable<Current>): boolean {
	return current.status !== "published" && current.ownerStaffId !== null && current.ownerStaffId === actor.staffId;
}

/** Saving `next` (a PUT, a restore, a status change) over `current`. */
export function refuseSave(actor: Actor, current: Current, next: ArticleStatus): string | undefined {
	if (isEditor(actor)) return undefined;
	if (next === "published") {
		return "forbidden: a contributor saves as draft or review (send status); an editor publishes";
	}
	if (current === undefined) return undefined;
	if (current.status === "published") return "forbidden: this article is published; only an editor may change it";
	if (!ownsUnpublished(actor, current)) return "forbidden: a contributor may edit only their own drafts";
	return undefined;
}

/** Removing the article: a contributor only their own draft or submission. */
export function refuseDelete(actor: Actor, current: NonNullable<Current>): string | undefined {
	if (isEditor(actor) || ownsUnpublished(actor, current)) return undefined;
	return "forbidden: a contributor may delete only their own drafts";
}

/** Reading the desk copy or the revisions: a contributor sees published articles and their own. */
export function refuseRead(actor: Actor, current: NonNullable<Current>): string | undefined {
	if (isEditor(actor) || current.status === "published" || current.ownerStaffId === actor.staffId) return undefined;
	return "forbidden: a contributor may open only published articles and their own drafts";
}

/** An article's revisions: a contributor sees only their own article's history (a published one's holds others' edits). */
export function refuseHistory(actor: Actor, current: NonNullable<Current>): string | undefined {
	if (isEditor(actor) || (current.ownerStaffId !== null && current.ownerStaffId === actor.staffId)) return undefined;
	return "forbidden: a contributor may open only their own articles' revisions";
}

/** Whether `actor` sees every article in the desk list (a contributor: published ones and their own). */
export function seesAllArticles(actor: Actor): boolean {
	return isEditor(actor);
}
