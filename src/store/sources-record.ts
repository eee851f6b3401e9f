/** @module Pure changes to the source list: an editor's replacement, and one run's outcome per source. */
import type { SourceOutcome } from "../ingest/run";
import { nextDueAfterFailure, nextDueAfterSuccess, type RefreshPolicy } from "../ingest/schedule";
import {
	freshHealth,
	type SourceConfig,
	type SourceHealth,
	type SourceState,
	type SourcesRecord,
} from "../schemas/source";

function healthOf(state: SourceState): SourceHealth {
	const { id: _id, url: _url, name: _name, section: _section, ...health } = state;
	return health;
}

/**
 * The editor's new list. A source keeps its health while its URL is unchanged (renaming or moving
 * it to another section is not a new feed); a new or re-pointed source starts fresh and is due now.
 * Removed sources' articles stay: removing a feed never unpublishes what it brought.
 */
export function replaceSources(current: SourcesRecord, configs: readonly SourceConfig[], now: Date): SourcesRecord {
	const before = new Map(current.sources.map((s) => [s.id, s]));
	const sources = configs.map((config): SourceState => {
		const previous = before.get(config.id);
		const health = previous && previous.url === config.url ? healthOf(previous) : freshHealth();
		const { id, url, name, section } = config;
		return section === undefined ? { id, url, name, ...health } : { id, url, name, section, ...health };
	});
	return { updatedAt: now.toISOString(), sources };
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
