/**
 * @module The messages of one refresh run between the orchestrator and the StoreWriter: what it
 * asks to pick, what it learned about each source, and what the commit reports back.
 */
import type { HeadlinesIndex } from "../schemas/article";
import type { FeedItem } from "../schemas/feed-item";
import type { Deferral, ItemCounts, SourceReport } from "../schemas/refresh-summary";
import type { MovedTo, SourceConfig, StageError, Validators } from "../schemas/source";
import type { RefreshPolicy } from "./schedule";

/** The first call of a run: pick and lease the due sources. */
export type RunRequest = {
	runId: string;
	now: string;
	force: boolean;
	limit: number;
	leaseMs: number;
	dailyKvWrites: number;
	/** Only this source, due or not ("refresh now" on the sources desk); a paused one is still never fetched. */
	only?: string;
};

/** A source the run may fetch, with the validators for its conditional GET. */
export type PlannedSource = SourceConfig & Validators;

export type RunPlan = {
	sources: PlannedSource[];
	total: number;
	skipped: { notDue: string[]; paused: string[]; overBudget: string[]; inFlight: string[]; kvBudget: string[] };
};

type OutcomeBase = { sourceId: string; url: string };

/** What one run learned about one source; sent to the StoreWriter in one of the run's commits. */
export type SourceOutcome =
	| (OutcomeBase & {
			kind: "fetched";
			status: number;
			items: FeedItem[];
			dropped: number;
			validators: Validators;
			maxAgeSeconds: number | null;
	  })
	| (OutcomeBase & { kind: "not_modified"; validators: Validators; maxAgeSeconds: number | null })
	| (OutcomeBase & {
			kind: "failed";
			error: StageError;
			status: number | null;
			retryAfterSeconds: number | null;
			/** An HTML page where the feed was, and the feed it now announces (src/feeds/discover/moved.ts). */
			movedTo?: MovedTo;
	  })
	| (OutcomeBase & Deferral);

/**
 * One of a run's commits: the outcomes of a few sources, to ingest and record. The `final` one also
 * mirrors the source list to KV `v1:sources` (once per run, whatever the number of commits) and
 * frees every lease the run still holds.
 */
export type RunCommit = {
	runId: string;
	now: string;
	policy: RefreshPolicy;
	outcomes: SourceOutcome[];
	final: boolean;
};

export type CommitResult = {
	/** The index as written, when this commit wrote one, for the caller's isolate cache. */
	index: HeadlinesIndex | null;
	kvWrites: number;
	items: ItemCounts;
	sources: SourceReport[];
};
