/** @module A source's `movedTo` after one attempt: set from an HTML answer's announced feed, cleared by a good fetch. */
import type { SourceOutcome } from "../ingest/run";
import type { SourceState } from "../schemas/source";

/**
 * A failure that found a feed records it (keeping the first `foundAt` while the URL is the same); a
 * 200 or 304 from the source's own URL means the feed is back, so the suggestion goes. Any other
 * failure (a timeout, a page with no links) leaves the last suggestion standing.
 */
export function noteMovedFeed(state: SourceState, outcome: SourceOutcome): SourceState {
	if (outcome.kind === "fetched" || outcome.kind === "not_modified") {
		if (state.movedTo === undefined) return state;
		const { movedTo: _gone, ...rest } = state;
		return rest;
	}
	if (outcome.kind !== "failed" || !outcome.movedTo) return state;
	const previous = state.movedTo;
	const foundAt = previous?.url === outcome.movedTo.url ? previous.foundAt : outcome.movedTo.foundAt;
	return { ...state, movedTo: { ...outcome.movedTo, foundAt } };
}
