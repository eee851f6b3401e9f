/**
 * @module One refresh run, top to bottom as the pipeline (like Miniflux's handler.go): pick the due
 * sources → fetch each (conditional GET) → stop on 304 → decode, parse and normalize within the run's
 * byte budget → a store commit every few sources that ingests their items and records their
 * health → report. The only module that sees both the feed pipeline (`src/feeds/`) and the store
 * (`src/store/`).
 */
import type { Bindings } from "../env";
import { parseFeed } from "../feeds";
import { fetchFeed } from "../feeds/fetch";
import { parseError } from "../feeds/parse/errors";
import { commitCalls, RunBudget } from "../ingest/budget";
import { logRun, summarize } from "../ingest/report";
import type { PlannedSource, SourceOutcome } from "../ingest/run";
import { itemsPerRun, MAX_REDIRECTS, policyFromVars, type RefreshPolicy, sourcesPerRun } from "../ingest/schedule";
import { rememberHeadlines } from "../kv/headlines";
import type { RefreshSummary } from "../schemas/refresh-summary";
import { storeWriter } from "../store/stub";
import { CommitQueue, mergeCommits } from "./commit-queue";
import { mapLimit } from "./map-limit";
import { movedFeed } from "./moved-feed";

export type RefreshOptions = {
	/** The schedule's clock: the cron's scheduled time, or the request's. */
	now: Date;
	/** Every source is due, still within the run's budget. */
	force: boolean;
	/** Overrides of the `REFRESH_*` vars (tests, and a caller with its own limits). */
	policy?: Partial<RefreshPolicy>;
	/**
	 * Called after each commit lands, with the number landed so far. A throw stops the run there, as
	 * if the invocation had been killed: what was committed stays, the rest is left to the next run.
	 */
	afterCommit?: (commits: number) => void;
};

/** Workers allow 6 simultaneous outgoing connections; more would queue with their timeouts already running. */
const FETCH_CONCURRENCY = 6;

/**
 * Runs one refresh and returns its summary. Upstream failures never throw: each is recorded on its
 * source. Only a StoreWriter call that fails outright (KV down while recording health) does; the
 * commits before it stay.
 *
 * @example await refresh(env, { now: new Date(controller.scheduledTime), force: false });
 */
export async function refresh(env: Bindings, options: RefreshOptions): Promise<RefreshSummary> {
	const policy = { ...policyFromVars(env), ...options.policy };
	const runId = crypto.randomUUID();
	const writer = storeWriter(env);
	const budget = new RunBudget(policy);
	const limit = sourcesPerRun(policy);
	const now = options.now.toISOString();

	// 1. Pick: due sources, longest-waiting first, as many as fit; leased so an overlapping run skips them.
	budget.countStoreCall();
	const plan = await writer.beginRefresh({
		runId,
		now,
		force: options.force,
		limit,
		// As long as the run can take (every wave of fetches timing out, plus a minute for the commits):
		// a killed run's leases run out well before the next cron, so they never hold a source for good.
		leaseMs: policy.fetchTimeoutMs * (Math.ceil(limit / FETCH_CONCURRENCY) + 1) + 60_000,
		dailyKvWrites: policy.dailyKvWrites,
	});

	// Every commit's slot is held back now, so fetch hops can never spend it.
	budget.reserveCommits(commitCalls(plan.sources.length));

	// 2–4. Fetch and parse each source, every failure and deferral a value; commit every few as they
	// finish, so a run killed for CPU keeps what it committed and the next run picks up the rest.
	const commits = new CommitQueue(
		plan.sources.length,
		(outcomes, final) => {
			budget.countCommit();
			return writer.commitRefresh({ runId, now, policy, outcomes, final });
		},
		options.afterCommit,
	);
	await mapLimit(plan.sources, FETCH_CONCURRENCY, async (source) => {
		commits.add(await refreshSource(source, { now: options.now, policy, budget }));
	});
	const committed = mergeCommits(
		await commits.done(),
		plan.sources.map((s) => s.id),
	);
	if (committed?.index) rememberHeadlines(env.NEWS, committed.index, Date.now());

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
	if (response.kind === "refused") return { ...base, ...tooCostly(response.detail, response.status) };
	const { validators, maxAgeSeconds } = response;
	if (response.kind === "not_modified") return { ...base, kind: "not_modified", validators, maxAgeSeconds };

	// The decoded bytes are what parsing costs: claimed before parsing, the first body like any other.
	const verdict = body.settle(response.body.byteLength);
	if (verdict?.kind === "refused") return { ...base, ...tooCostly(verdict.detail, response.status) };
	if (verdict) return { ...base, ...verdict };
	const parsed = parseFeed({
		body: response.body,
		url: response.url,
		contentType: response.contentType,
		now,
		maxItems: itemsPerRun(source, policy),
	});
	if (!parsed.ok) {
		// An HTML page where the feed was: the feed it now announces is recorded, never switched to.
		const movedTo = await movedFeed(source.url, response, parsed.error, { now, policy, budget });
		const failure = { ...base, kind: "failed" as const, error: parsed.error, status: response.status };
		return { ...failure, retryAfterSeconds: null, ...(movedTo && { movedTo }) };
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

/** A body no run's budget can take: failed, so it backs off instead of going first in line every run. */
function tooCostly(detail: string, status: number) {
	return { kind: "failed" as const, error: parseError("parse.too_costly", detail), status, retryAfterSeconds: null };
}
