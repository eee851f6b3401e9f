/**
 * @module One refresh run, top to bottom as the pipeline (like Miniflux's handler.go): pick the due
 * sources → fetch each (conditional GET) → stop on 304 → decode, parse and normalize within the run's
 * byte budget → a store commit every few sources that ingests their items and records their
 * health → report. The only module that sees both the feed pipeline (`src/feeds/`) and the store
 * (`src/store/`).
 */
import { siteConfig } from "../config";
import type { Bindings } from "../env";
import { type ParsedFeed, parseFeed } from "../feeds";
import { fetchFeed } from "../feeds/fetch";
import { type ParseError, parseError } from "../feeds/parse/errors";
import { type BodyClaim, type BodyVerdict, commitCalls, RunBudget } from "../ingest/budget";
import { logRun, summarize } from "../ingest/report";
import type { CommitResult, PlannedSource, SourceOutcome } from "../ingest/run";
import { itemsPerRun, MAX_REDIRECTS, policyFromVars, type RefreshPolicy, sourcesPerRun } from "../ingest/schedule";
import { rememberHeadlines } from "../kv/headlines";
import type { RefreshSummary } from "../schemas/refresh-summary";
import { storeWriter } from "../store/stub";
import { declaration } from "../websub/declared";
import { pingHub } from "../websub/ping";
import { keepSubscriptions, type RunHubs } from "../websub/subscriptions";
import { CommitQueue, mergeCommits } from "./commit-queue";
import { mapLimit } from "./map-limit";
import { movedFeed } from "./moved-feed";

export type RefreshOptions = {
	/** The schedule's clock: the cron's scheduled time, or the request's. */
	now: Date;
	/** Every source is due, still within the run's budget. */
	force: boolean;
	/** Only this source, due or not (a paused one stays unfetched): the sources desk's "refresh now". */
	source?: string;
	/** Overrides of the `REFRESH_*` vars (tests, and a caller with its own limits). */
	policy?: Partial<RefreshPolicy>;
	/**
	 * Called after each commit lands, with the number landed so far. A throw stops the run there, as
	 * if the invocation had been killed: what was committed stays, the rest is left to the next run.
	 */
	afterCommit?: (commits: number) => void;
	/** Work that must not hold up the answer (the WebSub hub's ping): `ctx.waitUntil`; without it, awaited before returning. */
	background?: (work: Promise<unknown>) => void;
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
	// Work that must not hold up the answer goes to the caller's waitUntil, else is awaited at the end.
	const held: Promise<unknown>[] = [];
	const later = options.background ?? ((work: Promise<unknown>) => void held.push(work));

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
		...(options.source !== undefined && { only: options.source }),
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
	// With SITE_URL set, each feed fetched whole says whether it declares a WebSub hub.
	const { siteUrl, websubHub } = siteConfig(env);
	const hubs: RunHubs | undefined = siteUrl ? new Map() : undefined;
	await mapLimit(plan.sources, FETCH_CONCURRENCY, async (source) => {
		commits.add(await refreshSource(source, { now: options.now, policy, budget, hubs }));
	});
	const committed = mergeCommits(
		await commits.done(),
		plan.sources.map((s) => s.id),
	);
	if (committed?.index) {
		rememberHeadlines(env.NEWS, committed.index, Date.now());
		// The public list changed: our own hub hears of the feeds it touched (a subrequest of this run).
		if (siteUrl && websubHub && !budget.claimSubrequest())
			later(pingHub(env, changedSections(plan.sources, committed)));
	}

	// 5. Push: subscribe to the hubs the feeds declared, renew leases, unsubscribe what is gone.
	// Its failure costs only push: the run's commits are in, and the next run tries again.
	if (siteUrl && hubs) {
		await keepSubscriptions(writer, hubs, { siteUrl, nowMs: options.now.getTime(), policy, budget }).catch((error) =>
			console.error(JSON.stringify({ event: "websub.run_failed", runId, error: String(error) })),
		);
	}

	// 6. Report: one JSON log line per run and per failing source.
	const summary = summarize({
		runId,
		options,
		plan,
		committed,
		subrequests: budget.subrequests,
		parsedBytes: budget.parsedBytes,
	});
	logRun(summary, plan.sources);
	await Promise.all(held);
	return summary;
}

type SourceRun = { now: Date; policy: RefreshPolicy; budget: RunBudget; hubs?: RunHubs };

/** One source through fetch → decode → parse → normalize, ending in the outcome the commit records. */
async function refreshSource(source: PlannedSource, { now, policy, budget, hubs }: SourceRun): Promise<SourceOutcome> {
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

	const read = readBody(source, response, { now, policy, claim: body });
	if (read.kind === "refused") return { ...base, ...tooCostly(read.detail, response.status) };
	if (read.kind === "deferred") return { ...base, ...read };
	if (read.kind === "failed") {
		// An HTML page where the feed was: the feed it now announces is recorded, never switched to.
		const movedTo = await movedFeed(source.url, response, read.error, { now, policy, budget });
		const failure = { ...base, kind: "failed" as const, error: read.error, status: response.status };
		return { ...failure, retryAfterSeconds: null, ...(movedTo && { movedTo }) };
	}
	const { items, dropped, hub } = read.feed;
	const declared = declaration({ sourceUrl: source.url, url: response.url, linkHeader: response.link, document: hub });
	hubs?.set(source.id, declared ?? null);
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

type BodyRead =
	| { kind: "parsed"; feed: ParsedFeed }
	| { kind: "failed"; error: ParseError }
	| Exclude<BodyVerdict, null>;

/**
 * The stages after the fetch, the same for a fetched body and a pushed one: the body's claim on the
 * run's parse bytes, then decode → parse → normalize (sanitized), at most the source's items per run.
 */
function readBody(
	source: PlannedSource,
	body: { body: Uint8Array; url: string; contentType: string | null },
	run: { now: Date; policy: RefreshPolicy; claim: BodyClaim },
): BodyRead {
	// The decoded bytes are what parsing costs: claimed before parsing, the first body like any other.
	const verdict = run.claim.settle(body.body.byteLength);
	if (verdict) return verdict;
	const parsed = parseFeed({
		body: body.body,
		url: body.url,
		contentType: body.contentType,
		now: run.now,
		maxItems: itemsPerRun(source, run.policy),
	});
	return parsed.ok ? { kind: "parsed", feed: parsed.value } : { kind: "failed", error: parsed.error };
}

/** What became of a pushed body: committed (with the run's counts), or ignored and why. */
export type PushResult =
	| { kind: "committed"; items: CommitResult["items"]; kvWrites: number }
	| { kind: "ignored"; reason: string };

/**
 * A pushed body (WebSub content distribution, already authenticated) through the same stages and
 * limits as a fetched one, committed as a run of its own: its parse-byte budget, the source's items
 * per run, the day's KV writes, dedupe and tombstones. A body that fails to parse is ignored, never
 * recorded against the source: the feed itself may be fine, and the next poll will say.
 */
export async function ingestPush(
	env: Bindings,
	push: { source: PlannedSource; topic: string; body: Uint8Array; contentType: string | null; now: Date },
	options: { background?: (work: Promise<unknown>) => void } = {},
): Promise<PushResult> {
	const policy = policyFromVars(env);
	const budget = new RunBudget(policy);
	const read = readBody(
		push.source,
		{ body: push.body, url: push.topic, contentType: push.contentType },
		{ now: push.now, policy, claim: budget.bodyClaim() },
	);
	if (read.kind !== "parsed") {
		return {
			kind: "ignored",
			reason: read.kind === "failed" ? read.error.code : read.kind === "refused" ? read.detail : read.reason,
		};
	}
	const committed = await storeWriter(env).commitPush({
		runId: crypto.randomUUID(),
		now: push.now.toISOString(),
		policy,
		sourceId: push.source.id,
		url: push.source.url,
		items: read.feed.items,
		dropped: read.feed.dropped.length,
	});
	if (!committed) return { kind: "ignored", reason: "the source is gone or paused" };
	if (committed.index) {
		rememberHeadlines(env.NEWS, committed.index, Date.now());
		const ping = pingHub(env, [push.source.section]);
		if (options.background) options.background(ping);
		else await ping;
	}
	return { kind: "committed", items: committed.items, kvWrites: committed.kvWrites };
}

/** The sections whose feeds the run's new or changed items touched. */
function changedSections(sources: readonly PlannedSource[], committed: CommitResult): (string | undefined)[] {
	const changed = new Set(committed.sources.filter((r) => r.items.new + r.items.updated > 0).map((r) => r.id));
	return sources.filter((s) => changed.has(s.id)).map((s) => s.section);
}

/** A body no run's budget can take: failed, so it backs off instead of going first in line every run. */
function tooCostly(detail: string, status: number) {
	return { kind: "failed" as const, error: parseError("parse.too_costly", detail), status, retryAfterSeconds: null };
}
