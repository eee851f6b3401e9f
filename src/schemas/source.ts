/** @module Upstream sources: what an editor configures, and the health the refresh records for each. */
import * as v from "valibot";
import { HttpUrl, IsoDateTime, Slug, text } from "./common";

/** One source as an editor sends it in `PUT /api/sources`. */
export const SourceConfig = v.strictObject({
	id: Slug,
	url: HttpUrl,
	name: text(200),
	// The display name as the editor wrote it; pages derive the URL slug from it (src/publishing/sections.ts).
	section: v.optional(text(60)),
});
export type SourceConfig = v.InferOutput<typeof SourceConfig>;

/** Enough for any newsroom, few enough that one refresh state stays a small KV value. */
export const MAX_SOURCES = 200;

/** The `PUT /api/sources` body: the whole list, replacing the previous one. */
export const SourcesInput = v.strictObject({
	sources: v.pipe(
		v.array(SourceConfig),
		v.maxLength(MAX_SOURCES, `must have at most ${MAX_SOURCES} sources`),
		v.check((list) => new Set(list.map((s) => s.id)).size === list.length, "source ids must be unique"),
	),
});
export type SourcesInput = v.InferOutput<typeof SourcesInput>;

/** A failure as a value: which pipeline stage, a stable code (`fetch.timeout`), and a human detail. */
export const StageError = v.object({
	stage: v.string(),
	code: v.string(),
	detail: v.string(),
});
export type StageError = v.InferOutput<typeof StageError>;

/** The validators of a response (RFC 9110 §8.8), sent back for a conditional GET; absent ones are null. */
export const Validators = v.object({
	etag: v.nullable(v.string()),
	lastModified: v.nullable(v.string()),
});
export type Validators = v.InferOutput<typeof Validators>;

/** What the refresh knows about a source; `null` means "not yet". */
export const SourceHealth = v.object({
	/** The last attempt, successful or not. Rotation serves the longest-waiting source first. */
	lastFetchedAt: v.nullable(IsoDateTime),
	lastSuccessAt: v.nullable(IsoDateTime),
	/** HTTP status of the last attempt; null when no response came (DNS, timeout). */
	lastStatus: v.nullable(v.number()),
	lastError: v.nullable(StageError),
	consecutiveFailures: v.number(),
	/** Not fetched again before this time, unless a refresh is forced. Null: due now. */
	nextDueAt: v.nullable(IsoDateTime),
	/** Items kept from the last successful parse. */
	itemCount: v.number(),
	/** Validators from the last good response, sent back for conditional GET (RFC 9110 §13.1). */
	...Validators.entries,
});
export type SourceHealth = v.InferOutput<typeof SourceHealth>;

/** A configured source with its health, as stored and as `GET /api/sources` returns it. */
export const SourceState = v.object({ ...SourceConfig.entries, ...SourceHealth.entries });
export type SourceState = v.InferOutput<typeof SourceState>;

/** The record under `v1:sources`. */
export const SourcesRecord = v.object({
	updatedAt: v.nullable(IsoDateTime),
	sources: v.array(SourceState),
});
export type SourcesRecord = v.InferOutput<typeof SourcesRecord>;

/** Health of a source never fetched: due at once, no validators. */
export function freshHealth(): SourceHealth {
	return {
		lastFetchedAt: null,
		lastSuccessAt: null,
		lastStatus: null,
		lastError: null,
		consecutiveFailures: 0,
		nextDueAt: null,
		itemCount: 0,
		etag: null,
		lastModified: null,
	};
}
