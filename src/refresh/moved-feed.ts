/**
 * @module The refresh's hook for a moved feed: a source that answered an HTML page has that page's
 * announced feeds read from the bytes in hand, and the first checked with what the run's budget has left.
 */
import { answeredHtml, findMovedFeed } from "../feeds/discover/moved";
import type { RunBudget } from "../ingest/budget";
import { MAX_REDIRECTS, type RefreshPolicy } from "../ingest/schedule";
import type { MovedTo, StageError } from "../schemas/source";

type Page = { url: string; body: Uint8Array; contentType: string | null };

/** The feed the page announces, or undefined when the failure was not an HTML answer or it announces none that works. */
export async function movedFeed(
	sourceUrl: string,
	page: Page,
	error: StageError,
	run: { now: Date; policy: RefreshPolicy; budget: RunBudget },
): Promise<MovedTo | undefined> {
	if (!answeredHtml(error, page.contentType)) return undefined;
	const { now, policy, budget } = run;
	const found = await findMovedFeed(
		{ sourceUrl, url: page.url, body: page.body },
		{
			timeoutMs: policy.fetchTimeoutMs,
			maxBytes: policy.maxFeedBytes,
			maxRedirects: MAX_REDIRECTS,
			userAgent: policy.userAgent,
			now,
			maxItems: policy.itemsPerFeed,
		},
		{ claimSubrequest: () => budget.claimSubrequest(), bodyGate: () => budget.bodyClaim() },
	);
	return found ? { ...found, foundAt: now.toISOString() } : undefined;
}
