/**
 * @module The StoreWriter's WebSub subscriptions: one row per source that declares a hub, the
 * callback id and secret we gave that hub, and where the handshake stands (src/websub/leases.ts
 * for the rules). Every function runs inside the writer's serialized queue.
 */
import type { PlannedSource, RunCommit, SourceOutcome } from "../ingest/run";
import type { FeedItem } from "../schemas/feed-item";
import type { SourceState } from "../schemas/source";
import type { VerificationQuery } from "../schemas/websub";
import {
	type HubRequest,
	lapse,
	needsRequest,
	refused,
	requested,
	type Subscription,
	type SubscriptionMode,
	type SubscriptionState,
	VERIFY_WITHIN_MS,
} from "../websub/leases";
import { verifyIntent } from "../websub/verify";
import { configOf } from "./sources-record";

export function migrateWebsubTable(sql: SqlStorage): void {
	sql.exec(`CREATE TABLE IF NOT EXISTS websub (
		source_id TEXT PRIMARY KEY,
		source_url TEXT NOT NULL,
		hub TEXT NOT NULL,
		topic TEXT NOT NULL,
		callback_id TEXT NOT NULL UNIQUE,
		secret TEXT NOT NULL,
		mode TEXT NOT NULL,
		state TEXT NOT NULL,
		lease_until INTEGER,
		requested_at INTEGER,
		last_error TEXT
	)`);
}

type Row = {
	source_id: string;
	source_url: string;
	hub: string;
	topic: string;
	callback_id: string;
	secret: string;
	mode: string;
	state: string;
	lease_until: number | null;
	requested_at: number | null;
	last_error: string | null;
};

/** A subscription with the source URL it was made for: a source re-pointed since is another feed. */
type Stored = Subscription & { sourceUrl: string };

function fromRow(row: Row): Stored {
	return {
		sourceId: row.source_id,
		sourceUrl: row.source_url,
		hub: row.hub,
		topic: row.topic,
		callbackId: row.callback_id,
		secret: row.secret,
		mode: row.mode as SubscriptionMode,
		state: row.state as SubscriptionState,
		leaseUntil: row.lease_until,
		requestedAt: row.requested_at,
		lastError: row.last_error,
	};
}

function all(sql: SqlStorage): Stored[] {
	return sql.exec<Row>("SELECT * FROM websub ORDER BY source_id").toArray().map(fromRow);
}

function byCallback(sql: SqlStorage, callbackId: string): Stored | undefined {
	const row = sql.exec<Row>("SELECT * FROM websub WHERE callback_id = ?", callbackId).toArray()[0];
	return row ? fromRow(row) : undefined;
}

function save(sql: SqlStorage, sub: Stored): void {
	sql.exec(
		`INSERT INTO websub (source_id, source_url, hub, topic, callback_id, secret, mode, state, lease_until, requested_at, last_error)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (source_id) DO UPDATE SET source_url = excluded.source_url, hub = excluded.hub, topic = excluded.topic,
			callback_id = excluded.callback_id, secret = excluded.secret, mode = excluded.mode, state = excluded.state,
			lease_until = excluded.lease_until, requested_at = excluded.requested_at, last_error = excluded.last_error`,
		sub.sourceId,
		sub.sourceUrl,
		sub.hub,
		sub.topic,
		sub.callbackId,
		sub.secret,
		sub.mode,
		sub.state,
		sub.leaseUntil,
		sub.requestedAt,
		sub.lastError,
	);
}

function remove(sql: SqlStorage, sourceId: string): void {
	sql.exec("DELETE FROM websub WHERE source_id = ?", sourceId);
}

/** Random hex: 16 bytes for a callback id nobody can guess, 32 for a secret. */
function randomHex(bytes: number): string {
	return Array.from(crypto.getRandomValues(new Uint8Array(bytes)), (b) => b.toString(16).padStart(2, "0")).join("");
}

function fresh(source: { id: string; url: string }, hub: string, topic: string): Stored {
	return {
		sourceId: source.id,
		sourceUrl: source.url,
		hub,
		topic,
		callbackId: randomHex(16),
		secret: randomHex(32),
		mode: "subscribe",
		state: "pending",
		leaseUntil: null,
		requestedAt: null,
		lastError: null,
	};
}

/** What one run learned about hubs: the declarations of the feeds it fetched whole, and those that declare none. */
export type HubReport = {
	nowMs: number;
	declared: { sourceId: string; hub: string; topic: string }[];
	/** Sources whose fetched feed declares no hub (any more). */
	undeclared: string[];
	/** Requests the run's subrequest budget has room for. */
	maxRequests: number;
};

/**
 * Records the run's declarations, moves every subscription on by the clock, and hands out the
 * requests due (first requests, renewals, retries, unsubscribes), marked as sent. A subscription
 * whose source is gone, re-pointed or no longer declares the hub is unsubscribed.
 */
export function dueHubRequests(sql: SqlStorage, sources: readonly SourceState[], report: HubReport): HubRequest[] {
	migrateWebsubTable(sql);
	const { nowMs } = report;
	const byId = new Map(sources.map((s) => [s.id, s]));
	const rows = new Map(all(sql).map((s) => [s.sourceId, s]));
	for (const { sourceId, hub, topic } of report.declared) {
		const source = byId.get(sourceId);
		const current = rows.get(sourceId);
		if (!source) continue;
		const same = current?.mode === "subscribe" && current.hub === hub && current.topic === topic;
		if (!same || current.sourceUrl !== source.url) rows.set(sourceId, fresh(source, hub, topic));
	}
	for (const sourceId of report.undeclared) {
		const current = rows.get(sourceId);
		if (current?.mode === "subscribe") rows.set(sourceId, unsubscribing(current));
	}
	const due: HubRequest[] = [];
	for (const [sourceId, row] of rows) {
		const source = byId.get(sourceId);
		let sub: Stored = row.mode === "subscribe" && (!source || source.url !== row.sourceUrl) ? unsubscribing(row) : row;
		sub = { ...sub, ...lapse(sub, nowMs) };
		// An unsubscribe the hub never confirmed is forgotten after a while: its lease lapses at the hub anyway.
		if (sub.mode === "unsubscribe" && sub.requestedAt !== null && sub.requestedAt + VERIFY_WITHIN_MS <= nowMs) {
			remove(sql, sourceId);
			continue;
		}
		const paused = source?.paused === true && sub.mode === "subscribe";
		if (!paused && due.length < report.maxRequests && needsRequest(sub, nowMs)) {
			sub = { ...sub, ...requested(sub, nowMs) };
			due.push({
				sourceId,
				hub: sub.hub,
				topic: sub.topic,
				callbackId: sub.callbackId,
				mode: sub.mode,
				secret: sub.secret,
			});
		}
		save(sql, sub);
	}
	return due;
}

/** An unsubscribe names the callback we subscribed with (the hub knows us by it); pushes to it are no longer taken. */
function unsubscribing(sub: Stored): Stored {
	return { ...sub, mode: "unsubscribe", state: "pending", requestedAt: null, leaseUntil: null };
}

/** Requests the hub refused or that never reached it: a live lease runs on, anything else is lost; an unsubscribe is dropped. */
export function recordRefusals(sql: SqlStorage, refusals: readonly { callbackId: string; error: string }[]): void {
	migrateWebsubTable(sql);
	for (const { callbackId, error } of refusals) {
		const sub = byCallback(sql, callbackId);
		if (!sub) continue;
		if (sub.mode === "unsubscribe") remove(sql, sub.sourceId);
		else save(sql, { ...sub, ...refused(sub, error) });
	}
}

/** The verification GET: the challenge to echo (the subscription recorded live, lost or gone), or null for a 404. */
export function verifyCallback(
	sql: SqlStorage,
	callbackId: string,
	query: VerificationQuery,
	nowMs: number,
): string | null {
	migrateWebsubTable(sql);
	const sub = byCallback(sql, callbackId);
	const { echo, next } = verifyIntent(sub, query, nowMs);
	if (sub && next === "delete") remove(sql, sub.sourceId);
	else if (sub && typeof next === "object") save(sql, { ...sub, ...next });
	return echo;
}

/** Where a content POST goes: the source and the secret to check it with, or why it is not ours to take. */
export type PushTarget =
	| { kind: "accept"; secret: string; topic: string; source: PlannedSource }
	| { kind: "unknown" }
	| { kind: "gone" }
	| { kind: "paused" };

export function pushTarget(sql: SqlStorage, sources: readonly SourceState[], callbackId: string): PushTarget {
	migrateWebsubTable(sql);
	const sub = byCallback(sql, callbackId);
	if (!sub) return { kind: "unknown" };
	const source = sources.find((s) => s.id === sub.sourceId);
	if (sub.mode !== "subscribe" || !source || source.url !== sub.sourceUrl) return { kind: "gone" };
	if (source.paused === true) return { kind: "paused" };
	// As beginRun plans a fetched source: the editor's config, and the validators a push must leave as they are.
	const planned = { ...configOf(source), etag: source.etag, lastModified: source.lastModified };
	return { kind: "accept", secret: sub.secret, topic: sub.topic, source: planned };
}

/** Sources whose subscription is live now: polling them is only a safety net (src/ingest/schedule.ts). */
export function liveSources(sql: SqlStorage, nowMs: number): Set<string> {
	migrateWebsubTable(sql);
	return new Set(
		sql
			.exec<{ source_id: string }>(
				"SELECT source_id FROM websub WHERE mode = 'subscribe' AND state = 'live' AND lease_until > ?",
				nowMs,
			)
			.toArray()
			.map((r) => r.source_id),
	);
}

/** Every subscription without its secret: for tests and the operator's eye. */
export function subscriptionStates(sql: SqlStorage): Omit<Subscription, "secret">[] {
	migrateWebsubTable(sql);
	return all(sql).map(({ secret: _secret, sourceUrl: _url, ...rest }) => rest);
}

/** A pushed body's items, parsed by the Worker exactly as a fetched body's are, for one commit. */
export type PushCommit = {
	runId: string;
	now: string;
	policy: RunCommit["policy"];
	sourceId: string;
	/** The source URL the subscription was made for: a source re-pointed meanwhile takes nothing. */
	url: string;
	items: FeedItem[];
	dropped: number;
};

/**
 * The push as the run outcome a 200 would be, so the same ingest, dedupe, tombstones and health
 * apply. Its validators are the source's own: a push must not spoil the next conditional GET.
 * Undefined when the source is gone, re-pointed or paused.
 */
export function pushOutcome(sources: readonly SourceState[], push: PushCommit): SourceOutcome | undefined {
	const source = sources.find((s) => s.id === push.sourceId);
	if (!source || source.url !== push.url || source.paused === true) return undefined;
	return {
		kind: "fetched",
		sourceId: source.id,
		url: source.url,
		status: 200,
		items: push.items,
		dropped: push.dropped,
		validators: { etag: source.etag, lastModified: source.lastModified },
		maxAgeSeconds: null,
	};
}
