/**
 * @module The query of `GET /api/headlines`, which the route validates and the OpenAPI document
 * describes. (The HTML lists' `?before=` is `ListQuery`, beside its cursor in paging.ts.)
 */
import * as v from "valibot";

/** Headlines in the answer when the query names no `limit`. */
export const DEFAULT_HEADLINES_LIMIT = 10;

const LIMIT_RULE = "must be a whole number from 1 to 100";

/** Strict: a misspelt parameter is a 400 naming it, not a silently ignored one. */
export const HeadlinesQuery = v.strictObject({
	limit: v.optional(
		v.pipe(
			v.string(),
			v.regex(/^\d{1,3}$/, LIMIT_RULE),
			v.transform(Number),
			v.minValue(1, LIMIT_RULE),
			v.maxValue(100, LIMIT_RULE),
		),
		String(DEFAULT_HEADLINES_LIMIT),
	),
});
