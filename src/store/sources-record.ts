/** @module Pure changes to the source list: an editor's replacement or one source's edit, and one run's outcome per source. */
import type { SourceOutcome } from "../ingest/run";
import { nextDueAfterFailure, nextDueAfterSuccess, type RefreshPolicy } from "../ingest/schedule";
import {
	freshHealth,
	SourceConfig,
	type SourceHealth,
	type SourcePatch,
	type SourceState,
	type SourcesRecord,
} from "../schemas/source";

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
