/** @module Upstream sources: what an editor configures, and the health the refresh records for each. */
import * as v from "valibot";
import { HttpUrl, IsoDateTime, Slug, text } from "./common";

/** The most items one run takes from a source that sets `itemsPerRun` (REFRESH_ITEMS_PER_FEED still caps it). */
export const MAX_ITEMS_PER_RUN = 100;

const ItemsPerRun = v.pipe(
	v.number(),
	v.integer("must be a whole number"),
	v.minValue(1, `must be from 1 to ${MAX_ITEMS_PER_RUN}`),
	v.maxValue(MAX_ITEMS_PER_RUN, `must be from 1 to ${MAX_ITEMS_PER_RUN}`),
);

/** Per-source settings; each is optional, and absent means the behaviour every source had before them. */
const SourceSettings = {
	// The display name as the editor wrote it; pages derive the URL slug from it (src/publishing/sections.ts).
	section: v.optional(text(60)),
	/** Never fetched while true, not even by a forced refresh. */
	paused: v.optional(v.boolean()),
	/** At most this many of the feed's newest items per run (and never more than REFRESH_ITEMS_PER_FEED). */
	itemsPerRun: v.optional(ItemsPerRun),
	/** Hold new items for an editor instead of publishing them (the review queue, issue 11, honours it). */
	review: v.optional(v.boolean()),
};

/** One source as an editor sends it in `PUT /api/sources`. */
export const SourceConfig = v.strictObject({
	id: Slug,
	url: HttpUrl,
	name: text(200),
	...SourceSettings,
});
export type SourceConfig = v.InferOutput<typeof SourceConfig>;

/** The `PATCH /api/sources/:id` body: the fields to change; `null` clears `section` or `itemsPerRun`. */
export const SourcePatch = v.strictObject({
	name: v.optional(text(200)),
	section: v.optional(v.nullable(SourceSettings.section.wrapped)),
	paused: SourceSettings.paused,
	itemsPerRun: v.optional(v.nullable(ItemsPerRun)),
	review: SourceSettings.review,
});
export type SourcePatch = v.InferOutput<typeof SourcePatch>;

/** The `POST /api/sources` body: one new source; without an `id`, one is made from its name (else its host). */
export const NewSource = v.strictObject({ ...SourceConfig.entries, id: v.optional(Slug) });
export type NewSource = v.InferOutput<typeof NewSource>;

/** The query of `DELETE /api/sources/:id`: keep the source's articles (the default) or remove them too. */
export const SourceDeleteQuery = v.object({
	articles: v.optional(
		v.pipe(
			v.picklist(["keep", "remove"], "must be keep or remove"),
			v.description(
				"`remove` also deletes the articles the source brought, up to 100 per call: call again while `remaining` is above 0.",
			),
		),
		"keep",
	),
});

/** What one `DELETE /api/sources/:id` call did: articles it deleted, and how many of the source's are left. */
export const SourceRemoval = v.object({
	id: v.string(),
	articles: v.picklist(["keep", "remove"]),
	removed: v.number(),
	remaining: v.number(),
});
export type SourceRemoval = v.InferOutput<typeof SourceRemoval>;

/** The `:id` of `/api/sources/:id`. */
export const SourceIdParam = v.object({ id: Slug });

/**
 * Enough for any newsroom, few enough that the list stays one SQLite row and one KV value (about
 * 0.5 MB at 1,000); an edit or import past it is refused with 413.
 */
export const MAX_SOURCES = 1000;

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

/**
 * A feed the source's page now announces, found when its URL answered HTML instead of a feed:
 * "this site now serves its feed at …". `verified` when it was fetched and parsed; the refresh
 * never switches to it on its own.
 */
export const MovedTo = v.object({ url: HttpUrl, foundAt: IsoDateTime, verified: v.boolean() });
export type MovedTo = v.InferOutput<typeof MovedTo>;

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
	/** Optional so records written before it still read; gone again after the next good fetch. */
	movedTo: v.optional(v.nullable(MovedTo)),
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
