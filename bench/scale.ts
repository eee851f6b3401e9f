/**
 * @module `npm run bench:scale`: the read paths and publishing at 200, 10,000 and 100,000 articles.
 *
 * One store grows through the sizes. At each size it is seeded through the StoreWriter's own
 * change-set path (bench/scale-entry.ts) and left to settle (no alarm or derived write pending), then
 * measured: publish latency through the admin API, the largest KV value, the Durable Object's SQLite
 * size, workerd's resident memory, the CPU of uncached searches (the route's and the StoreWriter's
 * query alone), and each read path's req/s and CPU
 * against a static Worker serving the same bytes in the same workerd (alternating rounds, as `npm
 * run bench` does).
 *
 * Options: --sizes=200,10000,100000 --rounds=3 --duration=2 --warmup=1 --connections=8
 * --publishes=60 (each way: burst and paced) --searches=100 --bundle=<dir of a prebuilt bench/scale-entry.ts>.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import type { DemoArticle } from "../scripts/demo/articles";
import { buildWorker, measureBundle } from "./build";
import { benchArticles } from "./fixtures/articles";
import { loadGenerator } from "./load";
import { fetchBody, METRICS, type Metric, measured, type PathResult, ratios } from "./read-path";
import { fmt, machine, showSpread, spread, table } from "./report";
import { cpuMs, type Runtime, startRuntime } from "./runtime";

const { values } = parseArgs({
	options: {
		sizes: { type: "string", default: "200,10000,100000" },
		rounds: { type: "string", default: "3" },
		duration: { type: "string", default: "2" },
		warmup: { type: "string", default: "1" },
		connections: { type: "string", default: "8" },
		publishes: { type: "string", default: "60" },
		searches: { type: "string", default: "100" },
		bundle: { type: "string" },
	},
});

/** Issue #10's targets, as ratios to the baseline measured in the same run. */
const TARGETS = { requestsPerSecond: 0.9, cpuPerRequest: 1.15, searchCpuMs: 5 } as const;
const ADMIN_TOKEN = "bench-admin-token";
/** One article in this many goes to the quiet section. */
const QUIET_EVERY = 100;
const IMPORT_BATCH = 500;
/** In about 91% of bodies (one of the eight stock sentences): the most matches a search can have. */
const COMMON_WORD = "council";
/** In about 10% of titles (one of the ten subjects). */
const TITLE_WORD = "orchestra";
/** A publish this slow waited out a KV key's second somewhere (kv-pacing.ts). */
const SLOW_PUBLISH_MS = 500;
/** Paced publishes start this far apart: past KV's second per key, so none waits for one. */
const PACED_GAP_MS = 1_100;
/** Searches run before the measured ones, so the search path's code is compiled (JIT) when measured. */
const SEARCH_WARMUP = 20;

const sizes = values.sizes.split(",").map(Number);
const work = mkdtempSync(join(tmpdir(), "edgewire-scale-"));
const log = (line: string) => console.error(`  · ${line}`);
const opts = {
	connections: Number(values.connections),
	durationSeconds: Number(values.duration),
	warmupSeconds: Number(values.warmup),
	rounds: Number(values.rounds),
	searches: Number(values.searches),
};

/** The corpus, newest first; every hundredth in the quiet section. Dates are fixed once, at start. */
function corpus(count: number, now: number): { slug: string; input: Record<string, unknown> }[] {
	return benchArticles(count).map((a: DemoArticle, i) => ({
		slug: a.slug,
		input: {
			...a.article,
			...(i % QUIET_EVERY === QUIET_EVERY / 2 ? { section: "Quiet" } : {}),
			publishedAt: new Date(now - a.minutesAgo * 60_000).toISOString(),
		},
	}));
}

async function post(url: URL, body: unknown): Promise<void> {
	const response = await fetch(url, { method: "POST", body: JSON.stringify(body) });
	if (!response.ok) throw new Error(`${url.pathname}: ${response.status} ${await response.text()}`);
	await response.arrayBuffer();
}

function rssMiB(pid: number): number {
	const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
	return Number(kb) / 1024;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Pending = { alarmAt: number | null; dirtyKeys: number; indexDirty: boolean };

/**
 * Waits until the StoreWriter has no alarm, dirty derived key or trailing index write left, twice in
 * a row: a measurement never shares the process with the seed's or the publishes' trailing writes.
 */
async function settled(site: URL): Promise<void> {
	const deadline = Date.now() + 300_000;
	for (let quiet = 0; quiet < 2; ) {
		if (Date.now() > deadline) throw new Error("the StoreWriter still had writes pending after 300 s");
		const response = await fetch(new URL("/__bench/pending", site));
		if (!response.ok) throw new Error(`/__bench/pending: ${response.status} ${await response.text()}`);
		const p = (await response.json()) as Pending;
		quiet = p.alarmAt === null && p.dirtyKeys === 0 && !p.indexDirty ? quiet + 1 : 0;
		await sleep(250);
	}
}

function percentile(sorted: number[], p: number): number {
	return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

type PublishLatency = { p50: number; p95: number; max: number; slow: number };

/**
 * Publish latency through the admin API, new articles one after another: `burst` back to back (a
 * refresh's or a busy desk's rate), `paced` one every `PACED_GAP_MS` (the rate KV allows per key),
 * so the cost of a publish itself shows apart from waiting out a key's second.
 */
async function publishLatency(
	site: URL,
	size: number,
	count: number,
	mode: "burst" | "paced",
): Promise<PublishLatency> {
	const times: number[] = [];
	for (let i = 0; i < count; i++) {
		if (mode === "paced" && i > 0) await sleep(Math.max(0, PACED_GAP_MS - (times.at(-1) ?? 0)));
		const started = performance.now();
		const response = await fetch(new URL(`/api/articles/scale-${size}-${mode}-${i}`, site), {
			method: "PUT",
			headers: { authorization: `Bearer ${ADMIN_TOKEN}`, "content-type": "application/json" },
			body: JSON.stringify({
				title: `Scale check ${i} (${mode}) at ${size} articles`,
				section: "Checks",
				publishedAt: new Date(Date.now() - 60_000).toISOString(),
				body: `A ${COMMON_WORD} note written by the scale bench.\n\n## Why\n\nTo time a publish.`,
			}),
		});
		await response.arrayBuffer();
		if (!response.ok) throw new Error(`publish ${i}: ${response.status}`);
		times.push(performance.now() - started);
	}
	const slow = times.flatMap((t, i) => (t >= SLOW_PUBLISH_MS ? [`#${i + 1} ${t.toFixed(0)} ms`] : []));
	if (slow.length)
		log(`size ${size}: ${slow.length} of ${count} ${mode} publishes over ${SLOW_PUBLISH_MS} ms (${slow.join(", ")})`);
	times.sort((a, b) => a - b);
	return { p50: percentile(times, 50), p95: percentile(times, 95), max: times.at(-1) ?? Number.NaN, slow: slow.length };
}

/** The largest value under any key that is not an article record (records are bounded by their schema). */
async function largestKvValue(runtime: Runtime): Promise<{ key: string; bytes: number }> {
	const kv = await runtime.mf.getKVNamespace("NEWS");
	let largest = { key: "", bytes: 0 };
	let cursor: string | undefined;
	do {
		const page = await kv.list({ cursor });
		for (const { name } of page.keys) {
			if (name.startsWith("v1:article:")) continue;
			const value = await kv.get(name, "arrayBuffer");
			if (value && value.byteLength > largest.bytes) largest = { key: name, bytes: value.byteLength };
		}
		cursor = page.list_complete ? undefined : page.cursor;
	} while (cursor);
	return largest;
}

/**
 * Search pages no search of this run has asked for yet: the result cache is keyed by terms, limit
 * and offset, and it outlives a size's measurement (a minute, persisted with the state), so a
 * limit/cursor pair is never used twice, not even for another size.
 */
let searchPagesUsed = 0;
function freshSearchPage(): { limit: number; cursor: number } {
	const n = searchPagesUsed++;
	const page = { limit: 1 + (n % 50), cursor: Math.floor(n / 50) };
	if (page.cursor > 500) throw new Error("out of distinct search pages (cursor ≤ 500)");
	return page;
}

/** A round of searches ends once it has this much CPU (100 of /proc's 10 ms ticks), or at `--searches`. */
const SEARCH_ROUND_CPU_MS = 1_000;

/**
 * CPU (worker and Durable Object: one workerd process) per search for `q`, every one a miss in the
 * result cache (freshSearchPage), the median over `rounds` after a warm-up. `api` is a reader's
 * `/api/search` (route, result cache, JSON); `store` the StoreWriter's FTS5 query alone, through a
 * bench route (scale-entry.ts).
 */
async function searchCpu(runtime: Runtime, site: URL, q: string, via: "api" | "store"): Promise<number> {
	const search = async () => {
		const { limit, cursor } = freshSearchPage();
		const path =
			via === "api" ? `/api/search?limit=${limit}&cursor=${cursor}` : `/__bench/search?limit=${limit}&offset=${cursor}`;
		const url = new URL(`${path}&q=${encodeURIComponent(q)}`, site);
		const response = await fetch(url);
		await response.arrayBuffer();
		if (!response.ok) throw new Error(`search ${url.pathname}${url.search}: ${response.status}`);
	};
	const warmStart = performance.now();
	for (let i = 0; i < SEARCH_WARMUP && (i < 3 || performance.now() - warmStart < 2_000); i++) await search();
	const perSearch: number[] = [];
	for (let round = 0; round < opts.rounds; round++) {
		const before = cpuMs(runtime.pid);
		let n = 0;
		while (n < opts.searches && (n < 5 || cpuMs(runtime.pid) - before < SEARCH_ROUND_CPU_MS)) {
			await search();
			n++;
		}
		perSearch.push((cpuMs(runtime.pid) - before) / n);
	}
	return spread(perSearch).median;
}

type SizeReport = {
	size: number;
	seedSeconds: number;
	publish: { burst: PublishLatency; paced: PublishLatency };
	largest: { key: string; bytes: number };
	storageBytes: number;
	rssMiB: number;
	/** Per word: through `/api/search`, and the StoreWriter's query alone. */
	search: Record<"common" | "title", { api: number; store: number }>;
	paths: (PathResult & { label: string })[];
};

async function measureSize(entry: string, size: number, seeded: number, all: ReturnType<typeof corpus>) {
	const stateDir = join(work, "state");
	let runtime = await startRuntime({ site: { entry, adminToken: ADMIN_TOKEN }, stateDir });
	const site = runtime.urls.edgewire as URL;
	log(`size ${size}: load average ${loadavg()[0]?.toFixed(1)} at the start`);
	const seedStart = Date.now();
	for (let at = seeded; at < size; at += IMPORT_BATCH) {
		await post(new URL("/__bench/import", site), all.slice(at, Math.min(size, at + IMPORT_BATCH)));
		if ((at / IMPORT_BATCH) % 20 === 0)
			log(
				`size ${size}: imported ${Math.min(size, at + IMPORT_BATCH)} (${((Date.now() - seedStart) / 1000).toFixed(0)} s)`,
			);
	}
	await settled(site);
	const seedSeconds = (Date.now() - seedStart) / 1000;
	log(`size ${size}: seeded and settled in ${seedSeconds.toFixed(0)} s`);
	const publish = { burst: await publishLatency(site, size, Number(values.publishes), "burst") };
	await settled(site);
	const paced = await publishLatency(site, size, Number(values.publishes), "paced");
	await settled(site);
	const memory = rssMiB(runtime.pid);
	const largest = await largestKvValue(runtime);
	const storageBytes = ((await (await fetch(new URL("/__bench/storage", site))).json()) as { bytes: number }).bytes;
	const search = {
		common: {
			api: await searchCpu(runtime, site, COMMON_WORD, "api"),
			store: await searchCpu(runtime, site, COMMON_WORD, "store"),
		},
		title: {
			api: await searchCpu(runtime, site, TITLE_WORD, "api"),
			store: await searchCpu(runtime, site, TITLE_WORD, "store"),
		},
	};
	log(
		`size ${size}: uncached search CPU ${COMMON_WORD} ${search.common.api.toFixed(2)} ms (StoreWriter alone ${search.common.store.toFixed(2)}), ` +
			`${TITLE_WORD} ${search.title.api.toFixed(2)} ms (${search.title.store.toFixed(2)})`,
	);

	const oldest = all[size - 1] as (typeof all)[number];
	const deep = all[Math.floor(size * 0.9)] as (typeof all)[number];
	const deepCursor = `${Date.parse(deep.input.publishedAt as string)}-${deep.slug}`;
	const paths: [string, string][] = [
		["/", "/"],
		["deep older page", `/?before=${deepCursor}`],
		["quiet section", "/sections/quiet"],
		["old article", `/articles/${oldest.slug}`],
		["new article", `/articles/${all[0]?.slug}`],
		["/api/headlines", "/api/headlines"],
		["search", `/search?q=${COMMON_WORD}`],
	];
	const bodies = [];
	for (const [label, path] of paths) {
		const body = await fetchBody(new URL(path, site));
		if (body.status !== 200) throw new Error(`${label} (${path}) answered ${body.status}`);
		bodies.push({ label, ...body });
	}
	await runtime.dispose();

	runtime = await startRuntime({
		site: { entry, adminToken: ADMIN_TOKEN },
		stateDir,
		baseline: bodies.map(({ path, headers, body }) => ({ path, headers, body })),
	});
	const load = loadGenerator(work);
	const results: SizeReport["paths"] = [];
	try {
		for (const body of bodies) {
			const target = new URL(body.path, runtime.urls.edgewire).href;
			const baseline = new URL(body.path, runtime.urls.baseline).href;
			for (const url of [target, baseline])
				await load.run({ url, connections: opts.connections, durationSeconds: opts.warmupSeconds });
			const result = {
				label: body.label,
				path: body.path,
				bytes: Buffer.byteLength(body.body),
				target: [],
				baseline: [],
			} as SizeReport["paths"][number];
			for (let round = 0; round < opts.rounds; round++) {
				result.target.push(await measured(runtime, load, target, opts as never));
				result.baseline.push(await measured(runtime, load, baseline, opts as never));
			}
			log(
				`size ${size} ${body.label}: ${fmt(ratios(result, METRICS[0] as Metric).median)}× req/s, ${fmt(ratios(result, METRICS[3] as Metric).median)}× CPU`,
			);
			results.push(result);
		}
	} finally {
		await runtime.dispose();
	}
	log(`size ${size}: load average ${loadavg()[0]?.toFixed(1)} at the end`);
	return {
		size,
		seedSeconds,
		publish: { ...publish, paced },
		largest,
		storageBytes,
		rssMiB: memory,
		search,
		paths: results,
	} satisfies SizeReport;
}

const latency = (l: PublishLatency) => `${l.p50.toFixed(1)} / ${l.p95.toFixed(1)} / ${l.max.toFixed(0)}`;
const pct = (x: number) => `${x >= 0 ? "+" : ""}${(x * 100).toFixed(0)}%`;
const rpsRatio = (p: PathResult) => ratios(p, METRICS[0] as Metric).median;
const cpuRatio = (p: PathResult) => ratios(p, METRICS[3] as Metric).median;

/** The tables and, for each of issue #10's targets, whether this run met it. */
function printReport(reports: SizeReport[]): void {
	const rows: string[][] = [];
	let met = 0;
	for (const r of reports) {
		for (const p of r.paths) {
			const ok = rpsRatio(p) >= TARGETS.requestsPerSecond && cpuRatio(p) <= TARGETS.cpuPerRequest;
			if (ok) met++;
			rows.push([
				String(r.size),
				p.label,
				fmt(spread(p.target.map((s) => s.requestsPerSecond)).median, 0),
				spread(p.target.map((s) => s.cpuMsPerRequest)).median.toFixed(3),
				`${showSpread(ratios(p, METRICS[0] as Metric))}×`,
				`${showSpread(ratios(p, METRICS[3] as Metric))}×`,
				ok ? "meets" : "MISSES",
			]);
		}
	}
	const target = `≥ ${TARGETS.requestsPerSecond}× / ≤ ${TARGETS.cpuPerRequest}×`;
	console.log("## Read paths against the static baseline: median (min–max) over rounds\n");
	console.log(
		`${table(["articles", "path", "req/s", "CPU ms/req", "req/s ratio", "CPU ratio", `target ${target}`], rows)}\n`,
	);
	console.log("## Store and publishing\n");
	console.log(
		table(
			[
				"articles",
				"seed + settle (s)",
				"publish burst p50 / p95 / max ms",
				"publish paced p50 / p95 / max ms",
				`burst publishes ≥ ${SLOW_PUBLISH_MS} ms`,
				"largest KV value (not an article)",
				"DO SQLite",
				"workerd RSS after publishes",
				`uncached /api/search CPU ms, "${COMMON_WORD}" / "${TITLE_WORD}"`,
				"of which the StoreWriter's query",
			],
			reports.map((r) => [
				String(r.size),
				r.seedSeconds.toFixed(0),
				latency(r.publish.burst),
				latency(r.publish.paced),
				`${r.publish.burst.slow} of ${values.publishes}`,
				`${(r.largest.bytes / 1024).toFixed(0)} KiB (\`${r.largest.key}\`)`,
				`${(r.storageBytes / 1024 / 1024).toFixed(1)} MiB`,
				`${r.rssMiB.toFixed(0)} MiB`,
				`${r.search.common.api.toFixed(2)} / ${r.search.title.api.toFixed(2)}`,
				`${r.search.common.store.toFixed(2)} / ${r.search.title.store.toFixed(2)}`,
			]),
		),
	);
	console.log("\n## Targets\n");
	const total = reports.reduce((n, r) => n + r.paths.length, 0);
	console.log(`- Read paths ${target} the baseline at every size: ${met} of ${total} path × size pairs meet both.`);
	const first = reports[0];
	const last = reports.at(-1);
	if (!first || !last || first === last) return;
	for (const p of last.paths) {
		const base = first.paths.find((q) => q.label === p.label);
		if (!base) continue;
		const rps = rpsRatio(p) / rpsRatio(base) - 1;
		const cpu = cpuRatio(p) / cpuRatio(base) - 1;
		const ok = Math.abs(rps) <= 0.1 && Math.abs(cpu) <= 0.1;
		console.log(
			`- ${p.label}, ratios at ${last.size} against ${first.size} (within ±10%): req/s ${pct(rps)}, CPU ${pct(cpu)}: ${ok ? "meets" : "MISSES"}`,
		);
	}
	for (const mode of ["burst", "paced"] as const) {
		const p95 = last.publish[mode].p95 / first.publish[mode].p95;
		console.log(
			`- Publish p95 (${mode}) at ${last.size} is ${fmt(p95)}× that at ${first.size} (≤ 2×): ${p95 <= 2 ? "meets" : "MISSES"}`,
		);
	}
	for (const [word, ms] of [
		[COMMON_WORD, last.search.common],
		[TITLE_WORD, last.search.title],
	] as const) {
		console.log(
			`- Uncached search "${word}" at ${last.size}: ${ms.api.toFixed(2)} ms worker + DO CPU, ${ms.store.toFixed(2)} ms ` +
				`the StoreWriter's query alone (≤ ${TARGETS.searchCpuMs} ms): ${ms.api <= TARGETS.searchCpuMs ? "meets" : "MISSES"}`,
		);
	}
}

let failed = false;
try {
	const bundle = values.bundle
		? measureBundle(values.bundle, "scale-entry.js")
		: buildWorker(join(work, "dist"), "bench/scale-entry.ts");
	const workerd = JSON.parse(readFileSync("node_modules/workerd/package.json", "utf8")).version;
	console.log(`# edgewire scale bench, ${new Date().toISOString().slice(0, 10)}\n`);
	console.log(`Machine: ${machine([`workerd ${workerd}`, `load: ${loadGenerator(work).name}`])}`);
	console.log(
		`${opts.rounds} alternating rounds of ${opts.durationSeconds} s per path and side, ${opts.connections} connections; ` +
			`${values.publishes} publishes back to back and ${values.publishes} paced, and ${opts.rounds} rounds of ` +
			`up to ${values.searches} uncached searches per word and way (or ${SEARCH_ROUND_CPU_MS} ms of CPU), at each size\n`,
	);
	const all = corpus(Math.max(...sizes), Date.now());
	const reports: SizeReport[] = [];
	let seeded = 0;
	for (const size of sizes) {
		reports.push(await measureSize(bundle.entry, size, seeded, all));
		seeded = size;
	}
	printReport(reports);
} catch (error) {
	console.error(error);
	failed = true;
} finally {
	rmSync(work, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
