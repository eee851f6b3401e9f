/** @module Search queries (`GET /search`, `GET /api/search`) and the API's answer. */
import * as v from "valibot";
import { LimitParam } from "./paging";

const Q_RULE = "must be 1 to 200 characters";
const CURSOR_RULE = "must be a `next` value from an earlier answer";

/** Results per page when the query names no `limit`, and on the HTML page. */
export const DEFAULT_SEARCH_LIMIT = 10;
/** How deep paging goes: nobody reads past the 50th page of results, and deeper offsets cost more. */
export const MAX_SEARCH_OFFSET = 500;

const Q = v.pipe(
	v.string(Q_RULE),
	v.transform((q) => q.trim()),
	v.minLength(1, Q_RULE),
	v.maxLength(200, Q_RULE),
);

/** An offset into the ranked results, as the opaque `next`/`cursor` value. */
const SearchCursor = v.pipe(
	v.string(),
	v.regex(/^\d{1,3}$/, CURSOR_RULE),
	v.transform(Number),
	v.maxValue(MAX_SEARCH_OFFSET, CURSOR_RULE),
);

/** Strict: a misspelt parameter is a 400 naming it. */
export const SearchApiQuery = v.strictObject({
	q: Q,
	limit: LimitParam(50, DEFAULT_SEARCH_LIMIT),
	cursor: v.optional(SearchCursor),
});
export type SearchApiQuery = v.InferOutput<typeof SearchApiQuery>;

/** The HTML page: not strict (shared links carry `utm_*`); no `q` shows the empty search form. */
export const SearchPageQuery = v.object({
	q: v.optional(Q),
	cursor: v.optional(SearchCursor),
});
export type SearchPageQuery = v.InferOutput<typeof SearchPageQuery>;

export const SearchResult = v.object({
	slug: v.string(),
	title: v.string(),
	url: v.string(),
	section: v.nullable(v.string()),
	publishedAt: v.string(),
	age: v.string(),
	/** Plain text around the matched words. */
	snippet: v.string(),
});

export const SearchResponse = v.object({
	results: v.array(SearchResult),
	/** The `cursor` of the next page; absent on the last. */
	next: v.optional(v.string()),
});
export type SearchResponse = v.InferOutput<typeof SearchResponse>;
