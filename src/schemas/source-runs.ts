/** @module A source's last refresh attempts, as `GET /api/sources/:id/runs` returns them and the sources desk shows them. */
import * as v from "valibot";
import { IsoDateTime } from "./common";
import { StageError } from "./source";

/** How many attempts are kept per source: enough for a row of marks, few enough that the table stays O(sources). */
export const RUNS_PER_SOURCE = 10;

/** One attempt: fetched (200), not modified (304) or failed, with its status, error and item counts. */
export const SourceRun = v.object({
	at: IsoDateTime,
	outcome: v.picklist(["fetched", "not_modified", "failed"]),
	/** The HTTP status; null when no response came (DNS, timeout). */
	status: v.nullable(v.number()),
	error: v.nullable(StageError),
	/** Items the feed held (fetched only; 0 otherwise). */
	items: v.number(),
	/** Items new to the site from this attempt. */
	newItems: v.number(),
});
export type SourceRun = v.InferOutput<typeof SourceRun>;

/** `GET /api/sources/:id/runs`: the newest first, at most RUNS_PER_SOURCE. */
export const SourceRunList = v.object({ id: v.string(), runs: v.array(SourceRun) });
export type SourceRunList = v.InferOutput<typeof SourceRunList>;
