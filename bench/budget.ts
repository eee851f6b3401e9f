/**
 * @module The daily budget at 100,000 page views and 20 sources refreshed every 10 minutes, against
 * the Workers free plan, from measured per-operation counts. Run alone (`npx tsx bench/budget.ts`)
 * or at the end of `npm run bench`, which passes in the refresh numbers it just measured.
 */
import { pathToFileURL } from "node:url";
import { fmt, table } from "./report";

/** Per-operation counts. Page views: test/robustness/kv-operations.test.ts; refresh: bench/refresh.ts. */
export type Measured = {
	/** KV reads of a list page (home, section) and of an article page when neither memory nor the data-center cache holds anything. */
	listReadsCold: number;
	articleReadsCold: number;
	/** Per refresh run: KV writes when nothing changed, KV reads, subrequests (fetches plus the two StoreWriter calls). */
	unchangedRunWrites: number;
	runReads: number;
	runSubrequests: number;
};

export const MEASURED: Measured = {
	listReadsCold: 1,
	articleReadsCold: 2,
	unchangedRunWrites: 1,
	runReads: 0,
	runSubrequests: 22,
};

/** The traffic the budget is for, and the assumptions about its shape. */
const VIEWS = 100_000;
const ARTICLE_SHARE = 0.6;
const LIVE_ARTICLES = 200;
const RUNS = 24 * 6;
const SOURCES = 20;
/** Assumed news: new or changed feed items a day over all sources, and an editor's day. */
const FEED_ITEMS = 300;
const EDITOR_PUBLISHES = 10;
const EDITOR_EDITS = 10;
const EDITOR_DELETES = 2;
/** colo-cache.ts: a data center keeps a record this long. */
const COLO_TTL_S = 30;
const DAY_S = 86_400;

/** The free plan's daily limits (Workers, KV) and per-invocation subrequests. */
const FREE = {
	requests: 100_000,
	kvReads: 100_000,
	kvWrites: 1_000,
	kvDeletes: 1_000,
	kvLists: 1_000,
	subrequests: 50,
};

/**
 * KV reads a day with the data-center tier: a key read at Poisson rate λ in one data center with
 * a cache of T seconds misses λ/(1+λT) times a second (each miss opens a T-long window). Isolate
 * memory is left out, so this is an upper bound. Article popularity: Zipf (s = 1) over the live articles.
 */
function kvReadsPerDay(dataCenters: number, m: Measured): number {
	const misses = (perDay: number) => {
		const rate = perDay / DAY_S / dataCenters;
		return (DAY_S * rate * dataCenters) / (1 + rate * COLO_TTL_S);
	};
	const harmonic = Array.from({ length: LIVE_ARTICLES }, (_, i) => 1 / (i + 1)).reduce((a, b) => a + b, 0);
	let articles = 0;
	for (let rank = 1; rank <= LIVE_ARTICLES; rank++) articles += misses((VIEWS * ARTICLE_SHARE) / rank / harmonic);
	// Every page reads the index; an article page also reads its article (m.articleReadsCold − 1).
	return misses(VIEWS) * m.listReadsCold + articles * (m.articleReadsCold - m.listReadsCold);
}

export function budgetTable(m: Measured = MEASURED): string {
	const noCache = VIEWS * (ARTICLE_SHARE * m.articleReadsCold + (1 - ARTICLE_SHARE) * m.listReadsCold);
	const reads = [1, 10, 30].map((d) => kvReadsPerDay(d, m));
	// A run with news writes its articles, the index once and v1:sources once; the refresh caps itself at 900.
	const refreshWrites = Math.min(900, RUNS * (m.unchangedRunWrites + 1) + FEED_ITEMS);
	const editorWrites = EDITOR_PUBLISHES * 2 + EDITOR_EDITS * 1 + EDITOR_DELETES * 1;
	const pct = (used: number, limit: number) => `${fmt(used, 0)} (${Math.round((100 * used) / limit)} %)`;
	const rows: string[][] = [
		[
			"Worker requests",
			`${fmt(VIEWS, 0)} views + ${RUNS} cron runs (the binding limit)`,
			pct(VIEWS + RUNS, FREE.requests),
			fmt(FREE.requests, 0),
		],
		[
			"KV reads, no cache anywhere (bound)",
			`${m.listReadsCold} per list page, ${m.articleReadsCold} per article page`,
			pct(noCache, FREE.kvReads),
			fmt(FREE.kvReads, 0),
		],
		[
			"KV reads, readers in 1 data center",
			`≤ 1 per key per data center per ${COLO_TTL_S} s`,
			pct(reads[0] as number, FREE.kvReads),
			fmt(FREE.kvReads, 0),
		],
		["KV reads, readers in 10 data centers", "same", pct(reads[1] as number, FREE.kvReads), fmt(FREE.kvReads, 0)],
		["KV reads, readers in 30 data centers", "same", pct(reads[2] as number, FREE.kvReads), fmt(FREE.kvReads, 0)],
		["KV reads by the refresh", `${m.runReads} per run`, pct(m.runReads * RUNS, FREE.kvReads), fmt(FREE.kvReads, 0)],
		[
			"KV writes, refresh, nothing new",
			`${m.unchangedRunWrites} per run (v1:sources)`,
			pct(RUNS * m.unchangedRunWrites, FREE.kvWrites),
			fmt(FREE.kvWrites, 0),
		],
		[
			"KV writes, refresh with news",
			`${FEED_ITEMS} new items a day, + index + v1:sources each run; refresh caps itself at 900`,
			pct(refreshWrites, FREE.kvWrites),
			fmt(FREE.kvWrites, 0),
		],
		[
			"KV writes + deletes, editors",
			`${EDITOR_PUBLISHES} publishes (2), ${EDITOR_EDITS} edits (1), ${EDITOR_DELETES} deletes (1 + 1)`,
			pct(editorWrites, FREE.kvWrites),
			fmt(FREE.kvWrites, 0),
		],
		["KV lists", "none on any path", pct(0, FREE.kvLists), fmt(FREE.kvLists, 0)],
		[
			"Subrequests per page view",
			"≤ 2 KV + ≤ 2 Cache API, only on misses",
			"≤ 4",
			`${FREE.subrequests} per invocation`,
		],
		[
			"Subrequests per refresh run",
			`${SOURCES} conditional GETs + 2 StoreWriter calls`,
			String(m.runSubrequests),
			`${FREE.subrequests} per invocation`,
		],
	];
	return table(["per day", "from", "used (share of free plan)", "free plan"], rows);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) console.log(budgetTable());
