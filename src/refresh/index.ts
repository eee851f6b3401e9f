/**
 * @module One refresh run, top to bottom as the pipeline (like Miniflux's handler.go): pick the due
 * sources → fetch each (conditional GET) → stop on 304 → decode, parse and normalize within the run's
 * byte budget → one store call that ingests the items and records every source's health → report.
 * The only module that sees both the feed pipeline (`src/feeds/`) and the store (`src/store/`).
 */
import type { Bindings } from "../env";
import { parseFeed } from "../feeds";
import { fetchFeed } from "../feeds/fetch";
import { RunBudget } from "../ingest/budget";
import { logRun, summarize } from "../ingest/report";
import type { CommitResult, PlannedSource, SourceOutcome } from "../ingest/run";
import { MAX_REDIRECTS, policyFromVars, type RefreshPolicy, sourcesPerRun } from "../ingest/schedule";
import { rememberHeadlines } from "../kv/headlines";
import type { RefreshSummary } from "../schemas/refresh-summary";
import { storeWriter } from "../store/stub";
import { mapLimit } from "./map-limit";

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

/**
 * Runs one refresh and returns its summary. Upstream failures never throw: each is recorded on its
 * source. Only a StoreWriter call that fails outright (KV down while recording health) does.
 *
 * @example await refresh(env, { now: new Date(controller.scheduledTime), force: false });
 */
export async function refresh(env: Bindings, options: RefreshOptions): Promise<RefreshSummary> {
	const policy = { ...policyFromVars(env), ...options.policy };
	const runId = crypto.randomUUID();
	const writer = storeWriter(env);
	const budget = new RunBudget(policy);
	const limit = sourcesPerRun(policy);

	// 1. Pick: due sources, longest-waiting first, as many as fit; leased so an overlapping run skips them.
	budget.countStoreCall();
	const plan = await writer.beginRefresh({
		runId,
		now: options.now.toISOString(),
		force: options.force,
		limit,
		leaseMs: policy.fetchTimeoutMs * (Math.ceil(limit / FETCH_CONCURRENCY) + 1) + 60_000,
		dailyKvWrites: policy.dailyKvWrites,
	});

	// 2–3. Fetch each source and parse what changed; every failure and deferral comes back as a value.
	const outcomes = await mapLimit(plan.sources, FETCH_CONCURRENCY, (source) =>
		refreshSource(source, { now: options.now, policy, budget }),
	);

	// 4. Store: one call ingests every item and records every source's health.
	let committed: CommitResult | null = null;
	if (outcomes.length > 0) {
		budget.countStoreCall();
		committed = await writer.commitRefresh({ runId, now: options.now.toISOString(), policy, outcomes });
		if (committed.index) rememberHeadlines(env.NEWS, committed.index, Date.now());
	}

	// 5. Report: one JSON log line per run and per failing source.
	const summary = summarize({
		runId,
		options,
		plan,
		committed,
		subrequests: budget.subrequests,
		parsedBytes: budget.parsedBytes,
	});
	logRun(summary, plan.sources);
	return summary;
}

type SourceRun = { now: Date; policy: RefreshPolicy; budget: RunBudget };

/** One source through fetch → decode → parse → normalize, ending in the outcome the commit records. */
async function refreshSource(source: PlannedSource, { now, policy, budget }: SourceRun): Promise<SourceOutcome> {
	const base = { sourceId: source.id, url: source.url };
	const noRoom = budget.claimParseRoom();
	if (noRoom) return { ...base, ...noRoom };

	const body = budget.bodyClaim();
	const fetched = await fetchFeed(
		source.url,
		{ etag: source.etag, lastModified: source.lastModified },
		{
			timeoutMs: policy.fetchTimeoutMs,
			maxBytes: policy.maxFeedBytes,
			maxRedirects: MAX_REDIRECTS,
			userAgent: policy.userAgent,
			now,
			claimSubrequest: () => budget.claimSubrequest(),
			admitBody: body.admit,
		},
	);
	if (!fetched.ok) {
		const { status, retryAfterSeconds, ...error } = fetched.error;
		return { ...base, kind: "failed", error, status, retryAfterSeconds };
	}
	const response = fetched.value;
	if (response.kind === "deferred") return { ...base, ...response };
	const { validators, maxAgeSeconds } = response;
	if (response.kind === "not_modified") return { ...base, kind: "not_modified", validators, maxAgeSeconds };

	const unparsed = body.settle(response.body.byteLength);
	if (unparsed) return { ...base, ...unparsed };
	const parsed = parseFeed({
		body: response.body,
		url: response.url,
		contentType: response.contentType,
		now,
		maxItems: policy.itemsPerFeed,
	});
	if (!parsed.ok) {
		return { ...base, kind: "failed", error: parsed.error, status: response.status, retryAfterSeconds: null };
	}
	const { items, dropped } = parsed.value;
	return {
		...base,
		kind: "fetched",
		status: response.status,
		items,
		dropped: dropped.length,
		validators,
		maxAgeSeconds,
	};
}
