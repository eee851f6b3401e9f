/** @module Pure changes to the source list: an editor's replacement or one source's edit, and one run's outcome per source. */
import type { SourceOutcome } from "../ingest/run";
import { nextDueAfterFailure, nextDueAfterSuccess, type RefreshPolicy } from "../ingest/schedule";
import { uniqueSlug } from "../ingest/to-article";
import { err, ok, type Result } from "../result";
import {
	freshHealth,
	MAX_SOURCES,
	SourceConfig,
	type SourceHealth,
	type SourcePatch,
	type SourceState,
	type SourcesRecord,
} from "../schemas/source";
import { baseId, urlKey } from "../sources/import";

/** Every field an editor sets, read off the schema so a new setting is never mistaken for health. */
const CONFIG_KEYS = Object.keys(SourceConfig.entries) as (keyof SourceConfig)[];

/** The editor's part of a stored source: its id, URL, name and the settings that are set. */
export function configOf(state: SourceConfig): SourceConfig {
	const config: Partial<Record<keyof SourceConfig, unknown>> = {};
	for (const key of CONFIG_KEYS) if (state[key] !== undefined) config[key] = state[key];
	return config as SourceConfig;
}

function healthOf(state: SourceState): SourceHealth {
	const health: Partial<SourceState> = { ...state };
	for (const key of CONFIG_KEYS) delete health[key];
	return health as SourceHealth;
}

/**
 * The editor's new list. A source keeps its health while its URL is unchanged (renaming it, moving
 * it to another section or changing its settings is not a new feed); a new or re-pointed source
 * starts fresh and is due now. Removed sources' articles stay: removing a feed never unpublishes
 * what it brought.
 */
export function replaceSources(current: SourcesRecord, configs: readonly SourceConfig[], now: Date): SourcesRecord {
	const before = new Map(current.sources.map((s) => [s.id, s]));
	const sources = configs.map((config): SourceState => {
		const previous = before.get(config.id);
		const health = previous && previous.url === config.url ? healthOf(previous) : freshHealth();
		return { ...configOf(config), ...health };
	});
	return { updatedAt: now.toISOString(), sources };
}

/**
 * One source's fields changed (`PATCH /api/sources/:id`), its health kept: pausing and resuming
 * never reset the backoff. `null` clears a setting; an absent field stays as it was. Undefined
 * when there is no source `id`.
 */
export function patchSource(
	current: SourcesRecord,
	id: string,
	patch: SourcePatch,
	now: Date,
): { record: SourcesRecord; source: SourceState } | undefined {
	const previous = current.sources.find((s) => s.id === id);
	if (!previous) return undefined;
	const next: Record<string, unknown> = { ...previous };
	for (const [key, value] of Object.entries(patch)) {
		if (value === null) delete next[key];
		else if (value !== undefined) next[key] = value;
	}
	// Rebuilt so a setting set now sits with the others, not after the health fields.
	const source = { ...configOf(next as SourceState), ...healthOf(next as SourceState) };
	return {
		record: { updatedAt: now.toISOString(), sources: current.sources.map((s) => (s.id === id ? source : s)) },
		source,
	};
}

/**
 * A source's health after one attempt. Success (200 or 304) resets the failure count; a failure
 * keeps the validators and item count of the last good response and backs off; a deferred
 * source (not parsed for lack of budget) is left exactly as it was, so it is first in line next run.
 */
export function recordOutcome(
	state: SourceState,
	outcome: SourceOutcome,
	now: Date,
	policy: RefreshPolicy,
): SourceState {
	const at = now.toISOString();
	switch (outcome.kind) {
		case "fetched":
			return {
				...state,
				lastFetchedAt: at,
				lastSuccessAt: at,
				lastStatus: outcome.status,
				lastError: null,
				consecutiveFailures: 0,
				nextDueAt: nextDueAfterSuccess(now, policy, outcome.maxAgeSeconds).toISOString(),
				itemCount: outcome.items.length,
				etag: outcome.validators.etag,
				lastModified: outcome.validators.lastModified,
			};
		case "not_modified":
			return {
				...state,
				lastFetchedAt: at,
				lastSuccessAt: at,
				lastStatus: 304,
				lastError: null,
				consecutiveFailures: 0,
				nextDueAt: nextDueAfterSuccess(now, policy, outcome.maxAgeSeconds).toISOString(),
				// RFC 9111 §4.3.4: a 304 updates the stored validators it carries and leaves the others.
				etag: outcome.validators.etag ?? state.etag,
				lastModified: outcome.validators.lastModified ?? state.lastModified,
			};
		case "failed": {
			const failures = state.consecutiveFailures + 1;
			return {
				...state,
				lastFetchedAt: at,
				lastStatus: outcome.status,
				lastError: outcome.error,
				consecutiveFailures: failures,
				nextDueAt: nextDueAfterFailure(now, policy, failures, outcome.retryAfterSeconds).toISOString(),
			};
		}
		case "deferred":
			return state;
	}
}

/** The sources desk's fixed pages under /admin/sources/: a source under one of these ids could not be opened there. */
const DESK_PAGE_NAMES = new Set(["new", "import", "rules", "refresh", "discover"]);

/** Why one new source was refused: its id or URL is taken (409), or the list is full (413). */
export type AddRefused =
	| { code: "source.duplicate"; detail: string; path: "id" | "url" }
	| { code: "sources.over_cap"; detail: string };

/**
 * One source added (`POST /api/sources`), due at once, after the others. Without an `id`, one is made
 * from its name (else its host), unique with `-2`, `-3`, …; an `id` the editor gave must be free.
 * A URL another source already has (as a parser reads it) is refused, as the OPML import skips it.
 */
export function addSource(
	current: SourcesRecord,
	input: Omit<SourceConfig, "id"> & { id?: string },
	now: Date,
): Result<{ record: SourcesRecord; source: SourceState }, AddRefused> {
	if (current.sources.length >= MAX_SOURCES) {
		return err({ code: "sources.over_cap", detail: `the list already holds the most sources it can (${MAX_SOURCES})` });
	}
	const sameUrl = current.sources.find((s) => urlKey(s.url) === urlKey(input.url));
	if (sameUrl)
		return err({ code: "source.duplicate", path: "url", detail: `source ${sameUrl.id} already has this URL` });
	const ids = new Set(current.sources.map((s) => s.id));
	if (input.id !== undefined && ids.has(input.id)) {
		return err({ code: "source.duplicate", path: "id", detail: `a source with id ${input.id} already exists` });
	}
	// A made-up id never takes a name the sources desk's own pages use (/admin/sources/new, …).
	const taken = (candidate: string) => ids.has(candidate) || DESK_PAGE_NAMES.has(candidate);
	const id = input.id ?? uniqueSlug(baseId(input.name, input.url), taken);
	const source: SourceState = { ...configOf({ ...input, id }), ...freshHealth() };
	return ok({ record: { updatedAt: now.toISOString(), sources: [...current.sources, source] }, source });
}

/** The list without source `id`; undefined when there is none. Its articles are the caller's choice (source-removal.ts). */
export function removeSource(current: SourcesRecord, id: string, now: Date): SourcesRecord | undefined {
	if (!current.sources.some((s) => s.id === id)) return undefined;
	return { updatedAt: now.toISOString(), sources: current.sources.filter((s) => s.id !== id) };
}

/** Why a source could not move to the feed its page announces. */
export type RepointRefused =
	| { code: "source.missing"; detail: string }
	| { code: "source.not_moved"; detail: string }
	| { code: "source.duplicate"; detail: string; path: "url" };

/**
 * Source `id` pointed at the feed its health says the site now serves (`movedTo`), as an editor would
 * with `PUT`: a new URL is a new feed, so its health starts fresh and it is due at once.
 */
export function repointSource(
	current: SourcesRecord,
	id: string,
	now: Date,
): Result<{ record: SourcesRecord; source: SourceState }, RepointRefused> {
	const previous = current.sources.find((s) => s.id === id);
	if (!previous) return err({ code: "source.missing", detail: `no source ${id}` });
	const url = previous.movedTo?.url;
	if (!url) return err({ code: "source.not_moved", detail: `source ${id} has no new address on record` });
	const sameUrl = current.sources.find((s) => s.id !== id && urlKey(s.url) === urlKey(url));
	if (sameUrl) return err({ code: "source.duplicate", path: "url", detail: `source ${sameUrl.id} already has ${url}` });
	const configs = current.sources.map((s) => (s.id === id ? { ...configOf(s), url } : configOf(s)));
	const record = replaceSources(current, configs, now);
	const source = record.sources.find((s) => s.id === id) as SourceState;
	return ok({ record, source });
}
