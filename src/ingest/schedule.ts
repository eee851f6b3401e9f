/**
 * @module The refresh policy, pure: which sources are due, in what order, how many fit a run,
 * and when each is next due after a success or a failure. Every function takes `now`.
 */
import type { SourceState } from "../schemas/source";
import { sourcesFitting } from "./budget";

export type RefreshPolicy = {
	/** A healthy source is fetched at most this often; matches the cron in wrangler.toml. */
	intervalMs: number;
	/** The ceiling of the failure backoff and of any server hint. */
	maxBackoffMs: number;
	/** Subrequests one run may make: fetches (each redirect hop counts) plus the StoreWriter calls (the pick and each commit). */
	subrequestBudget: number;
	/** Response bytes one run may parse: parsing is the CPU cost that matters on the free plan's 10 ms. */
	parseBytesPerRun: number;
	/** Newest items taken from each feed. */
	itemsPerFeed: number;
	/** KV writes the refresh may make per UTC day, leaving the rest of the plan's allowance to editors. */
	dailyKvWrites: number;
	/** How long a feed article's KV record lives (KV `expiration`). */
	articleTtlMs: number;
	fetchTimeoutMs: number;
	maxFeedBytes: number;
	userAgent: string;
};

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Defaults fit the free plan: see docs/refresh.md, "Budget". */
export const DEFAULT_POLICY: RefreshPolicy = {
	intervalMs: 10 * MINUTE,
	maxBackoffMs: 12 * HOUR,
	// The free plan allows 50 subrequests per invocation; 5 stay spare for anything we did not count.
	subrequestBudget: 45,
	// Parsing costs roughly 35–80 ms of CPU per MiB (docs/refresh.md, "CPU"): 128 KiB keeps a run inside the free plan's 10 ms.
	parseBytesPerRun: 128 * 1024,
	itemsPerFeed: 30,
	// The free plan allows 1,000 KV writes a day for the whole account; editors keep 100.
	dailyKvWrites: 900,
	// A month keeps shared links working well past the headline cap, and bounds storage (docs/refresh.md).
	articleTtlMs: 30 * DAY,
	// Every redirect hop and the body must arrive within this.
	fetchTimeoutMs: 10_000,
	// 5 MiB: ten times a large real feed, well inside a Worker's 128 MB.
	maxFeedBytes: 5 * 1024 * 1024,
	userAgent: "edgewire-refresh/1.0 (feed reader; polls at most every 10 minutes with conditional GET)",
};

/** The fewest StoreWriter calls a run that fetches anything makes: the pick and one commit. */
export const STORE_CALLS_PER_RUN = 2;
/** Redirects the fetcher follows for one source; each hop is a subrequest. */
export const MAX_REDIRECTS = 5;
/** Subrequests kept back so one source behind the longest redirect chain the fetcher follows still fits. */
export const REDIRECT_ALLOWANCE = MAX_REDIRECTS;
/** A server's max-age can stretch the interval up to this, never beyond: news goes stale fast. */
export const MAX_CACHE_HINT_MS = 2 * HOUR;

/** Reads `REFRESH_*` vars; an absent or malformed one keeps its default, so the code runs with none set. */
export function policyFromVars(env: object): RefreshPolicy {
	// Bindings also hold KV and DO objects; only the string vars are read, and each is checked.
	const vars = env as Partial<Record<string, unknown>>;
	const d = DEFAULT_POLICY;
	return {
		intervalMs: int(vars.REFRESH_INTERVAL_MINUTES, d.intervalMs / MINUTE, 1, 24 * 60) * MINUTE,
		maxBackoffMs: int(vars.REFRESH_MAX_BACKOFF_HOURS, d.maxBackoffMs / HOUR, 1, 7 * 24) * HOUR,
		subrequestBudget: int(vars.REFRESH_SUBREQUEST_BUDGET, d.subrequestBudget, STORE_CALLS_PER_RUN + 1, 10_000),
		parseBytesPerRun: int(vars.REFRESH_PARSE_BYTES_PER_RUN, d.parseBytesPerRun, 1024, 1024 ** 3),
		itemsPerFeed: int(vars.REFRESH_ITEMS_PER_FEED, d.itemsPerFeed, 1, 1000),
		dailyKvWrites: int(vars.REFRESH_DAILY_KV_WRITES, d.dailyKvWrites, 3, 10_000_000),
		articleTtlMs: int(vars.REFRESH_ARTICLE_TTL_DAYS, d.articleTtlMs / DAY, 1, 3650) * DAY,
		fetchTimeoutMs: int(vars.REFRESH_FETCH_TIMEOUT_MS, d.fetchTimeoutMs, 100, 60_000),
		maxFeedBytes: int(vars.REFRESH_MAX_FEED_BYTES, d.maxFeedBytes, 1024, 100 * 1024 * 1024),
		userAgent:
			typeof vars.REFRESH_USER_AGENT === "string" && vars.REFRESH_USER_AGENT.trim()
				? vars.REFRESH_USER_AGENT.trim()
				: d.userAgent,
	};
}

function int(value: unknown, fallback: number, min: number, max: number): number {
	const n = typeof value === "number" ? value : typeof value === "string" && value.trim() ? Number(value) : Number.NaN;
	return Number.isInteger(n) && n >= min && n <= max ? n : fallback;
}

/** How many sources one run may fetch: the budget less the pick, one commit per group of sources and the redirect allowance (budget.ts). */
export function sourcesPerRun(policy: RefreshPolicy): number {
	return sourcesFitting(policy.subrequestBudget, REDIRECT_ALLOWANCE);
}

/** While a source's WebSub subscription is live its pushes bring the news; polling it is a safety net this often. */
export const PUSHED_POLL_INTERVAL_MS = HOUR;

/**
 * `force` overrides the schedule, never a pause: a paused source is not due at all. A `pushed`
 * source (a live subscription) also waits until an hour has passed since its last fetch or push.
 */
export function isDue(source: SourceState, now: Date, force: boolean, pushed = false): boolean {
	if (source.paused === true) return false;
	if (force) return true;
	const last = source.lastFetchedAt === null ? null : Date.parse(source.lastFetchedAt);
	if (pushed && last !== null && last + PUSHED_POLL_INTERVAL_MS > now.getTime()) return false;
	return source.nextDueAt === null || Date.parse(source.nextDueAt) <= now.getTime();
}

/** Items taken from one feed this run: the source's own cap when it sets a lower one. */
export function itemsPerRun(source: { itemsPerRun?: number | undefined }, policy: RefreshPolicy): number {
	return Math.min(policy.itemsPerFeed, source.itemsPerRun ?? policy.itemsPerFeed);
}

export type Pick = {
	picked: SourceState[];
	/** Ids not due yet. */
	notDue: string[];
	/** Paused by an editor: never fetched, forced or not. */
	paused: string[];
	/** Due, but past what this run may fetch: first in line next run. */
	overBudget: string[];
	/** Leased by a run still in flight. */
	inFlight: string[];
};

/**
 * Due sources, longest-waiting first (never fetched before all), at most `limit`. A source left
 * out keeps its old `lastFetchedAt`, so it sorts ahead of those fetched now: every source gets
 * its turn within ceil(due / limit) runs.
 */
export function pickSources(
	sources: readonly SourceState[],
	options: {
		now: Date;
		force: boolean;
		limit: number;
		leased: ReadonlySet<string>;
		/** Sources with a live WebSub subscription (polled hourly, see `isDue`). */
		pushed?: ReadonlySet<string>;
	},
): Pick {
	const notDue: string[] = [];
	const paused: string[] = [];
	const inFlight: string[] = [];
	const due: SourceState[] = [];
	for (const source of sources) {
		if (source.paused === true) paused.push(source.id);
		else if (options.leased.has(source.id)) inFlight.push(source.id);
		else if (isDue(source, options.now, options.force, options.pushed?.has(source.id))) due.push(source);
		else notDue.push(source.id);
	}
	// Array.prototype.sort is stable, so ties keep the editor's order.
	due.sort((a, b) => waitingSince(a) - waitingSince(b));
	return {
		picked: due.slice(0, options.limit),
		overBudget: due.slice(options.limit).map((s) => s.id),
		notDue,
		paused,
		inFlight,
	};
}

function waitingSince(source: SourceState): number {
	return source.lastFetchedAt === null ? Number.NEGATIVE_INFINITY : Date.parse(source.lastFetchedAt);
}

/** After a 200 or a 304: the interval, stretched by the server's max-age (RFC 9111 §5.2.2.1) up to a cap. */
export function nextDueAfterSuccess(now: Date, policy: RefreshPolicy, maxAgeSeconds: number | null): Date {
	const hinted = maxAgeSeconds === null ? 0 : maxAgeSeconds * 1000;
	const delay = Math.max(policy.intervalMs, Math.min(hinted, MAX_CACHE_HINT_MS, policy.maxBackoffMs));
	return new Date(now.getTime() + delay);
}

/**
 * After the `failures`-th failure in a row: the interval doubled per failure, capped, so a dead
 * feed costs a few subrequests a day instead of one per run. A Retry-After (429/503, RFC 9110
 * §10.2.3) can push it later, never past the cap.
 */
export function nextDueAfterFailure(
	now: Date,
	policy: RefreshPolicy,
	failures: number,
	retryAfterSeconds: number | null,
): Date {
	const backoff = Math.min(policy.intervalMs * 2 ** Math.min(failures, 30), policy.maxBackoffMs);
	const hinted = retryAfterSeconds === null ? 0 : Math.min(retryAfterSeconds * 1000, policy.maxBackoffMs);
	return new Date(now.getTime() + Math.max(backoff, hinted));
}
