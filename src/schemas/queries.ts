/**
 * @module The query of `GET /api/headlines`, which the route validates and the OpenAPI document
 * describes. (The HTML lists' `?before=` is `ListQuery`, beside its cursor in paging.ts.)
 */
import * as v from "valibot";
import { Slug } from "./common";
import { LimitParam } from "./paging";

/** Headlines in the answer when the query names no `limit`. */
export const DEFAULT_HEADLINES_LIMIT = 10;

/** Strict: a misspelt parameter is a 400 naming it, not a silently ignored one. */
export const HeadlinesQuery = v.strictObject({
	limit: LimitParam(100, DEFAULT_HEADLINES_LIMIT),
	/** One section's headlines (its URL slug, as in `/sections/:section`); every section's when absent. */
	section: v.optional(Slug),
	/**
	 * `false` leaves each `age` out, so the answer (and its ETag) changes only when the list does: the
	 * new-stories notice polls so, and an unchanged list costs a 304.
	 */
	ages: v.optional(v.picklist(["true", "false"], "must be true or false"), "true"),
});
