/**
 * @module `npm run bench:scale`: the read paths and publishing at 200, 10,000 and 100,000 articles.
 *
 * One store grows through the sizes. At each size it is seeded through the StoreWriter's own
 * change-set path (bench/scale-entry.ts), then measured: publish latency through the admin API,
 * the largest KV value, the Durable Object's SQLite size, workerd's resident memory, the CPU of an
 * uncached search, and each read path's req/s and CPU against a static Worker serving the same
 * bytes in the same workerd (alternating rounds, as `npm run bench` does).
 *
 * Options: --sizes=200,10000,100000 --rounds=3 --duration=2 --warmup=1 --connections=8
 * --publishes=60 --searches=40 --bundle=<dir of a prebuilt bench/scale-entry.ts>.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import type { DemoArticle } from "../scripts/demo/articles";
import { buildWorker, measureBundle } from "./build";
import { benchArticles } from "./fixtures/articles";
import { loadGenerator } from "./load";
import { fetchBody, METRICS, measured, type PathResult, ratios } from "./read-path";
import { fmt, machine, spread, table } from "./report";
import { cpuMs, type Runtime, startRuntime } from "./runtime";

const { values } = parseArgs({
	options: {
		sizes: { type: "string", default: "200,10000,100000" },
		rounds: { type: "string", default: "3" },
		duration: { type: "string", default: "2" },
		warmup: { type: "string", default: "1" },
		connections: { type: "string", default: "8" },
		publishes: { type: "string", default: "60" },
		searches: { type: "string", default: "40" },
		bundle: { type: "string" },
	},
});

/** Issue #10's targets, as ratios to the baseline measured in the same run. */
const TARGETS = { requestsPerSecond: 0.9, cpuPerRequest: 1.15, searchCpuMs: 5 } as const;
const ADMIN_TOKEN = "bench-admin-token";
/** One article in this many goes to the quiet section. */
const QUIET_EVERY = 100;
const IMPORT_BATCH = 500;
const COMMON_WORD = "council";

const sizes = values.sizes.split(",").map(Number);
const work = mkdtempSync(join(tmpdir(), "edgewire-scale-"));
const log = (line: string) => console.error(`  · ${line}`);
const opts = {
	connections: Number(values.connections),
	durationSeconds: Number(values.duration),
	warmupSeconds: Number(values.warmup),
	rounds: Number(values.rounds),
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

function percentile(sorted: number[], p: number): number {
	return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

/** Publish latency through the admin API: new articles, one after another. */
async function publishLatency(site: URL, size: number, count: number): Promise<{ p50: number; p95: number }> {
	const times: number[] = [];
	for (let i = 0; i < count; i++) {
		const started = performance.now();
		const response = await fetch(new URL(`/api/articles/scale-${size}-${i}`, site), {
			method: "PUT",
			headers: { authorization: `Bearer ${ADMIN_TOKEN}`, "content-type": "application/json" },
			body: JSON.stringify({
				title: `Scale check ${i} at ${size} articles`,
				section: "Checks",
				publishedAt: new Date(Date.now() - 60_000).toISOString(),
				body: `A ${COMMON_WORD} note written by the scale bench.\n\n## Why\n\nTo time a publish.`,
			}),
		});
		await response.arrayBuffer();
		if (!response.ok) throw new Error(`publish ${i}: ${response.status}`);
		times.push(performance.now() - started);
	}
	times.sort((a, b) => a - b);
	return { p50: percentile(times, 50), p95: percentile(times, 95) };
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

/** CPU (worker and Durable Object: one workerd process) of `count` distinct, so uncached, searches. */
async function searchCpu(runtime: Runtime, site: URL, count: number): Promise<number> {
	const words = [
		COMMON_WORD,
		"flood",
		"harbour",
		"orchestra",
		"ferry",
		"market",
		"tram",
		"archive",
		"orchard",
		"grain",
	];
	const before = cpuMs(runtime.pid);
	for (let i = 0; i < count; i++) {
		const q = `${words[i % words.length]} ${i % 2 ? "" : "resid"}`.trim() + (i >= words.length * 2 ? ` ${i}` : "");
		const response = await fetch(new URL(`/api/search?q=${encodeURIComponent(q)}&limit=10`, site));
		await response.arrayBuffer();
		if (!response.ok) throw new Error(`search ${q}: ${response.status}`);
	}
	return (cpuMs(runtime.pid) - before) / count;
}

type SizeReport = {
	size: number;
	seedSeconds: number;
	publish: { p50: number; p95: number };
	largest: { key: string; bytes: number };
	storageBytes: number;
	rssMiB: number;
	searchCpuMs: number;
	paths: (PathResult & { label: string })[];
};

async function measureSize(entry: string, size: number, seeded: number, all: ReturnType<typeof corpus>) {
	const stateDir = join(work, "state");
	let runtime = await startRuntime({ site: { entry, adminToken: ADMIN_TOKEN }, stateDir });
	const site = runtime.urls.edgewire as URL;
	const seedStart = Date.now();
	for (let at = seeded; at < size; at += IMPORT_BATCH) {
		await post(new URL("/__bench/import", site), all.slice(at, Math.min(size, at + IMPORT_BATCH)));
		if ((at / IMPORT_BATCH) % 20 === 0) log(`size ${size}: imported ${Math.min(size, at + IMPORT_BATCH)}`);
	}
	const seedSeconds = (Date.now() - seedStart) / 1000;
	await new Promise((r) => setTimeout(r, 2500)); // the trailing index and list writes
	const publish = await publishLatency(site, size, Number(values.publishes));
	await new Promise((r) => setTimeout(r, 2500));
	const memory = rssMiB(runtime.pid);
	const largest = await largestKvValue(runtime);
	const storageBytes = ((await (await fetch(new URL("/__bench/storage", site))).json()) as { bytes: number }).bytes;
	const searchCpuMs = await searchCpu(runtime, site, Number(values.searches));

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
				`size ${size} ${body.label}: ${fmt(ratios(result, METRICS[0] as never).median)}× req/s, ${fmt(ratios(result, METRICS[3] as never).median)}× CPU`,
			);
			results.push(result);
		}
	} finally {
		await runtime.dispose();
	}
	return {
		size,
		seedSeconds,
		publish,
		largest,
		storageBytes,
		rssMiB: memory,
		searchCpuMs,
		paths: results,
	} satisfies SizeReport;
}

let failed = false;
try {
	const bundle = values.bundle
		? measureBundle(values.bundle, "scale-entry.js")
		: buildWorker(join(work, "dist"), "bench/scale-entry.ts");
	const workerd = JSON.parse(readFileSync("node_modules/workerd/package.json", "utf8")).version;
	console.log(`# edgewire scale bench\n\nMachine: ${machine([`workerd ${workerd}`])}\n`);
	const all = corpus(Math.max(...sizes), Date.now());
	const reports: SizeReport[] = [];
	let seeded = 0;
	for (const size of sizes) {
		reports.push(await measureSize(bundle.entry, size, seeded, all));
		seeded = size;
	}
	const rows: string[][] = [];
	for (const r of reports) {
		for (const p of r.paths) {
			const rps = ratios(p, METRICS[0] as never).median;
			const cpu = ratios(p, METRICS[3] as never).median;
			const met = rps >= TARGETS.requestsPerSecond && cpu <= TARGETS.cpuPerRequest;
			rows.push([String(r.size), p.label, `${fmt(rps)}×`, `${fmt(cpu)}×`, met ? "meets" : "MISSES"]);
		}
	}
	console.log(`## Read paths against the static baseline (median of ${opts.rounds} rounds)\n`);
	console.log(
		`${table(["articles", "path", "req/s ratio", "CPU ratio", `target ≥${TARGETS.requestsPerSecond}× / ≤${TARGETS.cpuPerRequest}×`], rows)}\n`,
	);
	console.log("## Store and publishing\n");
	console.log(
		table(
			[
				"articles",
				"seed (s)",
				"publish p50 ms",
				"publish p95 ms",
				"largest KV value",
				"DO SQLite",
				"workerd RSS",
				"uncached search CPU",
			],
			reports.map((r) => [
				String(r.size),
				r.seedSeconds.toFixed(0),
				r.publish.p50.toFixed(1),
				r.publish.p95.toFixed(1),
				`${(r.largest.bytes / 1024).toFixed(0)} KiB (${r.largest.key})`,
				`${(r.storageBytes / 1024 / 1024).toFixed(1)} MiB`,
				`${r.rssMiB.toFixed(0)} MiB`,
				`${r.searchCpuMs.toFixed(2)} ms`,
			]),
		),
	);
	const first = reports[0];
	const last = reports.at(-1);
	if (first && last && first !== last) {
		console.log(
			`\nPublish p95 at ${last.size} is ${fmt(last.publish.p95 / first.publish.p95)}× that at ${first.size} (target ≤ 2×).`,
		);
		for (const p of last.paths) {
			const base = first.paths.find((q) => q.label === p.label);
			if (!base) continue;
			const drift = ratios(p, METRICS[3] as never).median / ratios(base, METRICS[3] as never).median - 1;
			console.log(
				`- ${p.label}: CPU ratio ${drift >= 0 ? "+" : ""}${(drift * 100).toFixed(0)}% from ${first.size} to ${last.size} (target within ±10%)`,
			);
		}
		const spreadSearch = spread(reports.map((r) => r.searchCpuMs));
		console.log(
			`\nUncached search CPU: ${spreadSearch.min.toFixed(2)}–${spreadSearch.max.toFixed(2)} ms (target ≤ ${TARGETS.searchCpuMs} ms).`,
		);
	}
} catch (error) {
	console.error(error);
	failed = true;
} finally {
	rmSync(work, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
