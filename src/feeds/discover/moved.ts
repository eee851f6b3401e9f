/**
 * @module A moved feed: a source's URL that answers an HTML page instead of its feed. The page is
 * already in hand, so its `<link rel="alternate">` feeds are read from those bytes (no second fetch)
 * and the first is checked with whatever the run's budget has left. Only a suggestion: the
 * refresh records it in the source's health and never switches the URL itself.
 */
import type { StageError } from "../../schemas/source";
import { type CheckBudget, type CheckLimits, checkCandidate } from "./check";
import { absolute, findFeedLinks } from "./links";

/** Links checked at most per moved source: a run's subrequests belong to the healthy sources first. */
const MAX_CHECKS = 2;

export type MovedFeed = { url: string; verified: boolean };

/** The parse failure of a page: an HTML body, or any parse failure of a body served as HTML. */
export function answeredHtml(error: StageError, contentType: string | null): boolean {
	if (error.stage !== "parse") return false;
	return error.code === "parse.not_a_feed" || /\bx?html\b/i.test(contentType ?? "");
}

/**
 * The feed the page now points to: the first announced link that parses (verified), else the first
 * one the budget left unchecked (unverified), else null (no links, or every checked one is broken).
 */
export async function findMovedFeed(
	page: { sourceUrl: string; url: string; body: Uint8Array },
	limits: CheckLimits,
	budget: CheckBudget,
): Promise<MovedFeed | null> {
	const itself = new Set([absolute(page.sourceUrl, page.sourceUrl), absolute(page.url, page.url)]);
	const links = (await findFeedLinks(page.body, page.url)).filter((link) => !itself.has(link.url));
	for (const link of links.slice(0, MAX_CHECKS)) {
		const checked = await checkCandidate(link.url, limits, budget);
		if (checked.kind === "feed") return { url: link.url, verified: true };
		if (checked.kind === "skipped") return { url: link.url, verified: false };
	}
	return null;
}
