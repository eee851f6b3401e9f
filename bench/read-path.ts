/**
 * @module The read-path benchmark: the site against a static baseline in the same workerd,
 * alternating rounds per path, with requests/s, latency and worker CPU per request.
 */
import { seedDemo } from "../scripts/seed";
import { benchArticles } from "./fixtures/articles";
import type { LoadGenerator, LoadResult } from "./load";
import { fmt, type Spread, showSpread, spread, table } from "./report";
import { type BaselineBody, cpuMs, type Runtime, startRuntime } from "./runtime";

export type ReadBenchOptions = {
	entry: string;
	/** The desk Worker's bundle (the reader's writes and its StoreWriter go there). */
	desk?: string;
	stateDir: string;
	load: LoadGenerator;
	rounds: number;
	durationSeconds: number;
	warmupSeconds: number;
	connections: number;
	/** Only paths containing this text (all three when absent). */
	pathFilter?: string;
	log: (line: string) => void;
};

export type Sample = LoadResult & { cpuMsPerRequest: number };

export type PathResult = {
	path: string;
	bytes: number;
	target: Sample[];
	baseline: Sample[];
};

/** Targets from issue #5, as ratios to the baseline measured in the same run. */
export const TARGETS = { requestsPerSecond: 0.8, cpuPerRequest: 1.3 } as const;

const ADMIN_TOKEN = "bench-admin-token";
const ARTICLES = 200;

export async function measured(
	runtime: Runtime,
	load: LoadGenerator,
	url: string,
	o: ReadBenchOptions,
): Promise<Sample> {
	const before = cpuMs(runtime.pid);
	const result = await load.run({ url, connections: o.connections, durationSeconds: o.durationSeconds });
	const after = cpuMs(runtime.pid);
	return { ...result, cpuMsPerRequest: (after - before) / Math.max(result.requests, 1) };
}

/** Headers the runtime sets on its own; everything else the site sent, the baseline sends too. */
const RUNTIME_HEADERS = new Set(["content-length", "date", "transfer-encoding", "connection", "keep-alive"]);

export async function fetchBody(url: URL): Promise<BaselineBody & { status: number }> {
	const response = await fetch(url, { redirect: "manual" });
	return {
		path: url.pathname + url.search,
		status: response.status,
		headers: [...response.headers].filter(([name]) => !RUNTIME_HEADERS.has(name)),
		body: await response.text(),
	};
}

/** Seeds a fresh store, then runs the alternating rounds; returns every sample. */
export async function runReadBench(o: ReadBenchOptions): Promise<PathResult[]> {
	// Phase 1: the site alone, seeded through its own admin API like an editor would.
	let runtime = await startRuntime({
		site: { entry: o.entry, desk: o.desk, adminToken: ADMIN_TOKEN },
		stateDir: o.stateDir,
	});
	const site = runtime.urls.edgewire as URL;
	const seedStart = Date.now();
	const articles = benchArticles(ARTICLES);
	await seedDemo(site.origin, ADMIN_TOKEN, articles);
	o.log(
		`seeded ${articles.length} articles through the admin API in ${((Date.now() - seedStart) / 1000).toFixed(1)} s`,
	);
	const check = (await (await fetch(new URL("/api/headlines?limit=100", site))).json()) as { headlines: unknown[] };
	if (check.headlines.length !== 100) throw new Error(`expected a full index, got ${check.headlines.length} headlines`);
	const paths = ["/api/headlines", "/", `/articles/${articles[3]?.slug}`].filter(
		(p) => o.pathFilter === undefined || p.includes(o.pathFilter),
	);
	const bodies = await Promise.all(paths.map((p) => fetchBody(new URL(p, site))));
	for (const b of bodies) if (b.status !== 200) throw new Error(`${b.path} answered ${b.status}`);
	await runtime.dispose();

	// Phase 2: the same state plus the baseline Worker in one workerd process.
	runtime = await startRuntime({
		site: { entry: o.entry, desk: o.desk, adminToken: ADMIN_TOKEN },
		stateDir: o.stateDir,
		baseline: bodies.map(({ path, headers, body }) => ({ path, headers, body })),
	});
	try {
		const results: PathResult[] = [];
		for (const body of bodies) {
			const target = new URL(body.path, runtime.urls.edgewire).href;
			const baseline = new URL(body.path, runtime.urls.baseline).href;
			for (const url of [target, baseline]) {
				const sample = await fetchBody(new URL(url));
				if (sample.status !== 200) throw new Error(`${url} answered ${sample.status}`);
				await o.load.run({ url, connections: o.connections, durationSeconds: o.warmupSeconds });
			}
			const result: PathResult = { path: body.path, bytes: Buffer.byteLength(body.body), target: [], baseline: [] };
			for (let round = 1; round <= o.rounds; round++) {
				result.target.push(await measured(runtime, o.load, target, o));
				result.baseline.push(await measured(runtime, o.load, baseline, o));
				const t = result.target.at(-1) as Sample;
				const b = result.baseline.at(-1) as Sample;
				o.log(
					`${body.path} round ${round}: target ${fmt(t.requestsPerSecond)} req/s ${t.cpuMsPerRequest.toFixed(3)} ms CPU, ` +
						`baseline ${fmt(b.requestsPerSecond)} req/s ${b.cpuMsPerRequest.toFixed(3)} ms CPU`,
				);
			}
			results.push(result);
		}
		return results;
	} finally {
		await runtime.dispose();
	}
}

export type Metric = { label: string; pick: (s: Sample) => number; digits: number };

export const METRICS: Metric[] = [
	{ label: "requests/s", pick: (s) => s.requestsPerSecond, digits: 0 },
	{ label: "p50 ms", pick: (s) => s.p50Ms, digits: 3 },
	{ label: "p99 ms", pick: (s) => s.p99Ms, digits: 3 },
	{ label: "CPU ms/request", pick: (s) => s.cpuMsPerRequest, digits: 4 },
];

export function ratios(result: PathResult, metric: Metric): Spread {
	return spread(result.target.map((t, i) => metric.pick(t) / metric.pick(result.baseline[i] as Sample)));
}

/** The results table: per path and metric, target, baseline and target/baseline, each `median (min–max)` over rounds. */
export function readBenchTable(results: PathResult[]): string {
	const rows: string[][] = [];
	for (const r of results) {
		for (const metric of METRICS) {
			rows.push([
				`\`${r.path}\``,
				metric.label,
				showSpread(spread(r.target.map(metric.pick)), metric.digits),
				showSpread(spread(r.baseline.map(metric.pick)), metric.digits),
				showSpread(ratios(r, metric), 2),
			]);
		}
	}
	return table(["path", "metric", "target", "baseline", "target/baseline"], rows);
}

export type Verdict = { path: string; rpsRatio: number; cpuRatio: number; met: boolean; failures: number };

/** Whether each path meets the targets (on the median ratio over rounds), and any failed request. */
export function verdicts(results: PathResult[]): Verdict[] {
	return results.map((r) => {
		const rpsRatio = ratios(r, METRICS[0] as Metric).median;
		const cpuRatio = ratios(r, METRICS[3] as Metric).median;
		const failures = [...r.target, ...r.baseline].reduce((n, s) => n + s.non2xx + s.errors, 0);
		return {
			path: r.path,
			rpsRatio,
			cpuRatio,
			met: rpsRatio >= TARGETS.requestsPerSecond && cpuRatio <= TARGETS.cpuPerRequest,
			failures,
		};
	});
}
