/**
 * @module One refresh run, top to bottom as the pipeline (like Miniflux's handler.go): pick the due
 * sources → conditional GET each → stop on 304 → parse within the run's byte budget → one store
 * call that ingests the items and records every source's health → log and return a summary.
 */
import type { Bindings } from "../env";
import { rememberHeadlines } from "../kv/headlines";
import type { SourceOutcome } from "../store/ingest";
import type { CommitResult, PlannedSource } from "../store/refresh-run";
import { storeWriter } from "../store/stub";
import { FETCH_DEFAULTS, fetchFeed } from "./fetch";
import { parseFeed } from "./index";
import { logRun, type RefreshSummary, summarize } from "./refresh-report";
import { policyFromVars, type RefreshPolicy, sourcesPerRun } from "./schedule";

export type { RefreshSummary } from "./refresh-report";

export type RefreshOptions = {
	/** The schedule's clock: the cron's scheduled time, or the request's. */
	now: Date;
	/** Every source is due, still within the run's budget. */
	force: boolean;
	/** Overrides of the `REFRESH_*` vars (tests, and a caller with its own limits). */
	policy?: Partial<RefreshPolicy>;
};

/** Workers allow 6 simultaneous outgoing connections; more would queue with their timeouts already running. */
const FETCH_CONCURRENCY = 6;

export async function refresh(env: Bindings, options: RefreshOptions): Promise<RefreshSummary> {
	const policy = { ...policyFromVars(env), ...options.policy };
	const runId = crypto.randomUUID();
	const writer = storeWriter(env);
	// Every fetch hop and both store calls count against the plan's per-invocation subrequest limit.
	let subrequests = 0;
	const limit = sourcesPerRun(policy);

	// 1. Pick: due sources, longest-waiting first, as many as fit; leased so an overlapping run skips them.
	subrequests++;
	const plan = await writer.beginRefresh({
		runId,
		now: options.now.toISOString(),
		force: options.force,
		limit,
		leaseMs: policy.fetchTimeoutMs * (Math.ceil(limit / FETCH_CONCURRENCY) + 1) + 60_000,
		dailyKvWrites: policy.dailyKvWrites,
	});

	// 2–3. Fetch (conditional GET) and parse what changed, one slot kept back for the commit call.
	let parsedBytes = 0;
	const run: RunContext = {
		now: options.now,
		policy,
		takeSubrequest: () => {
			if (subrequests >= policy.subrequestBudget - 1) return false;
			subrequests++;
			return true;
		},
		takeParseBytes: (bytes) => {
			if (parsedBytes > 0 && parsedBytes + bytes > policy.parseBytesPerRun) return false;
			parsedBytes += bytes;
			return true;
		},
		parseBudgetSpent: () => parsedBytes >= policy.parseBytesPerRun,
		chargeParseBytes: (bytes) => {
			parsedBytes += bytes;
		},
	};
	const outcomes = await mapLimit(plan.sources, FETCH_CONCURRENCY, (source) => refreshSource(source, run));

	// 4. Store: one call ingests every item and records every source's health.
	let committed: CommitResult | null = null;
	if (outcomes.length > 0) {
		subrequests++;
		committed = await writer.commitRefresh({ runId, now: options.now.toISOString(), policy, outcomes });
		if (committed.index) rememberHeadlines(env.NEWS, committed.index, Date.now());
	}

	// 5. Report: one JSON log line per run and per failing source.
	const summary = summarize({ runId, options, plan, committed, subrequests, parsedBytes });
	logRun(summary, plan.sources);
	return summary;
}

type RunContext = {
	now: Date;
	policy: RefreshPolicy;
	takeSubrequest: () => boolean;
	takeParseBytes: (bytes: number) => boolean;
	parseBudgetSpent: () => boolean;
	/** Counts bytes already admitted (a body larger than it declared, e.g. decompressed). */
	chargeParseBytes: (bytes: number) => void;
};

/** One source through fetch and parse; every failure comes back as a value for the commit to record. */
async function refreshSource(source: PlannedSource, run: RunContext): Promise<SourceOutcome> {
	const base = { sourceId: source.id, url: source.url };
	// Once the parse budget is spent a 200 could not be parsed anyway: save the subrequest.
	if (run.parseBudgetSpent()) return { ...base, kind: "deferred", reason: "parse_budget" };

	// A declared length claims parse budget as soon as the headers are in, so concurrent fetches
	// don't all download bodies the budget can only take one of; an undeclared one claims after reading.
	let claimed: number | null = null;
	const fetched = await fetchFeed(
		source.url,
		{ etag: source.etag, lastModified: source.lastModified },
		{
			timeoutMs: run.policy.fetchTimeoutMs,
			maxBytes: run.policy.maxFeedBytes,
			maxRedirects: FETCH_DEFAULTS.maxRedirects,
			userAgent: run.policy.userAgent,
			now: run.now,
			takeSubrequest: run.takeSubrequest,
			admitBody: (declared) => {
				if (declared === null) return !run.parseBudgetSpent();
				if (!run.takeParseBytes(declared)) return false;
				claimed = declared;
				return true;
			},
		},
	);
	if (!fetched.ok) {
		if (fetched.error.code === "fetch.budget") return { ...base, kind: "deferred", reason: "subrequest_budget" };
		if (fetched.error.code === "fetch.parse_budget") return { ...base, kind: "deferred", reason: "parse_budget" };
		return {
			...base,
			kind: "failed",
			error: fetched.error,
			status: fetched.status,
			retryAfterSeconds: fetched.retryAfterSeconds,
		};
	}
	if (fetched.notModified) {
		return { ...base, kind: "not_modified", validators: fetched.validators, maxAgeSeconds: fetched.maxAgeSeconds };
	}

	if (claimed === null) {
		if (!run.takeParseBytes(fetched.body.byteLength)) return { ...base, kind: "deferred", reason: "parse_budget" };
	} else {
		run.chargeParseBytes(Math.max(0, fetched.body.byteLength - claimed));
	}
	const parsed = parseFeed({
		body: fetched.body,
		url: fetched.url,
		contentType: fetched.contentType,
		now: run.now,
		maxItems: run.policy.itemsPerFeed,
	});
	if (!parsed.ok)
		return { ...base, kind: "failed", error: parsed.error, status: fetched.status, retryAfterSeconds: null };
	return {
		...base,
		kind: "fetched",
		status: fetched.status,
		items: parsed.value.items,
		dropped: parsed.value.dropped.length,
		validators: fetched.validators,
		maxAgeSeconds: fetched.maxAgeSeconds,
	};
}

/** Runs `fn` over `items` with at most `limit` in flight, keeping the input order in the result. */
async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
	const results: R[] = new Array(items.length);
	let next = 0;
	const worker = async () => {
		while (next < items.length) {
			const i = next++;
			results[i] = await fn(items[i] as T);
		}
	};
	await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
	return results;
}
