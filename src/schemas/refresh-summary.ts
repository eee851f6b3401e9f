/**
 * @module What `POST /api/refresh` returns: one run's counts and a report per source. The type the
 * refresh builds and the OpenAPI document both come from this schema.
 */
import * as v from "valibot";
import { IsoDateTime } from "./common";
import { MovedTo, StageError } from "./source";

const Count = v.pipe(v.number(), v.integer(), v.minValue(0));

/**
 * What became of one source's items. `tombstoned` (an editor deleted the article; the item stays
 * out), `duplicate` (another source's live article has the same canonical link), `held` (new, from
 * a source that holds items for review) and `blocked` (new, and the rules keep it out) are present
 * only when not zero; held and blocked items wait in the review queue.
 */
export const ItemCounts = v.object({
	new: Count,
	updated: Count,
	unchanged: Count,
	dropped: Count,
	tombstoned: v.optional(Count),
	duplicate: v.optional(Count),
	held: v.optional(Count),
	blocked: v.optional(Count),
});
export type ItemCounts = v.InferOutput<typeof ItemCounts>;

/** How one source's attempt ended. */
export const SourceOutcomeKind = v.picklist(["fetched", "not_modified", "failed", "deferred"]);

/**
 * Why an attempted source was left for the next run, its validators untouched: a budget the run
 * had spent (subrequests, parse bytes, the day's KV writes) or a store that could not take the
 * items. Its own outcome, never an error: the source is healthy and goes first next run.
 */
export const DeferralReason = v.picklist(["subrequest_budget", "parse_budget", "kv_budget", "store_failed"]);
export type DeferralReason = v.InferOutput<typeof DeferralReason>;

/** A stage's "not in this run", passed through unchanged to the source's `deferred` outcome. */
export type Deferral<R extends DeferralReason = DeferralReason> = { kind: "deferred"; reason: R };

/**
 * A budget's "never in any run": a body larger than a whole run's parse budget. Deferring it would
 * put it first in line for good, so the run records it as the source's failure (`parse.too_costly`)
 * and the source backs off like any failing feed.
 */
export type Refusal = { kind: "refused"; detail: string };

export const SourceReport = v.object({
	id: v.string(),
	outcome: SourceOutcomeKind,
	/** Why a source was deferred (e.g. `parse_budget`). */
	reason: v.optional(DeferralReason),
	error: v.optional(StageError),
	/** A failing source whose URL now serves a page announcing this feed (never switched to on its own). */
	movedTo: v.optional(MovedTo),
	/** The same in words: "this site now serves its feed at …". */
	note: v.optional(v.string()),
	consecutiveFailures: Count,
	nextDueAt: v.nullable(IsoDateTime),
	items: ItemCounts,
});
export type SourceReport = v.InferOutput<typeof SourceReport>;

export const RefreshSummary = v.object({
	runId: v.string(),
	at: IsoDateTime,
	force: v.boolean(),
	sources: Count,
	fetched: Count,
	notModified: Count,
	failed: Count,
	/** Not attempted: not due, paused, over the run's budget, leased by an overlapping run, or no KV writes left today. */
	skipped: Count,
	/** Attempted but left for the next run, validators untouched: parse, subrequest or KV write budget. */
	deferred: Count,
	itemsNew: Count,
	itemsUpdated: Count,
	itemsUnchanged: Count,
	itemsDropped: Count,
	/** Items left out because an editor deleted their article (present when not zero). */
	itemsTombstoned: v.optional(Count),
	/** Items left out because another source's live article has the same canonical link (present when not zero). */
	itemsDuplicate: v.optional(Count),
	/** New items put in the review queue: held for an editor, or blocked by a rule (each present when not zero). */
	itemsHeld: v.optional(Count),
	itemsBlocked: v.optional(Count),
	kvWrites: Count,
	subrequests: Count,
	parsedBytes: Count,
	skippedBy: v.object({
		notDue: v.array(v.string()),
		paused: v.array(v.string()),
		overBudget: v.array(v.string()),
		inFlight: v.array(v.string()),
		kvBudget: v.array(v.string()),
	}),
	results: v.array(SourceReport),
});
export type RefreshSummary = v.InferOutput<typeof RefreshSummary>;
