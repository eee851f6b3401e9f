/**
 * @module One round of load against one URL: wrk when it is installed (a C load generator, so it
 * is never the bottleneck on a 2-core machine), else autocannon from npm.
 */
import { execFileSync, spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import autocannon from "autocannon";

export type LoadOptions = { url: string; connections: number; durationSeconds: number };

export type LoadResult = {
	requests: number;
	seconds: number;
	requestsPerSecond: number;
	p50Ms: number;
	p99Ms: number;
	/** Responses outside 2xx/3xx (wrk) or outside 2xx (autocannon). */
	non2xx: number;
	/** Connect, read, write errors and timeouts. */
	errors: number;
};

export type LoadGenerator = { name: string; run: (options: LoadOptions) => Promise<LoadResult> };

// wrk's `done` hook sees the whole run's histogram: exact percentiles in microseconds, and the
// count of non-2xx/3xx answers (summary.errors.status), with no per-response Lua cost.
const WRK_REPORT = `
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('WRKJSON {"requests":%d,"duration_us":%d,"status":%d,"errors":%d,"p50_us":%d,"p99_us":%d}\\n',
    summary.requests, summary.duration, e.status, e.connect + e.read + e.write + e.timeout,
    latency:percentile(50), latency:percentile(99)))
end
`;

function hasWrk(): boolean {
	try {
		execFileSync("wrk", ["--version"], { stdio: "ignore" });
		return true;
	} catch (error) {
		// wrk --version exits 1 after printing its version; only ENOENT means it is absent.
		return (error as NodeJS.ErrnoException).code !== "ENOENT";
	}
}

function wrk(scriptDir: string): LoadGenerator {
	const script = join(scriptDir, "report.lua");
	writeFileSync(script, WRK_REPORT);
	return {
		name: "wrk",
		run: ({ url, connections, durationSeconds }) =>
			new Promise((resolve, reject) => {
				const child = spawn("wrk", ["-t1", `-c${connections}`, `-d${durationSeconds}s`, "-s", script, url]);
				let out = "";
				child.stdout.on("data", (d) => (out += d));
				child.stderr.on("data", (d) => (out += d));
				child.on("error", reject);
				child.on("close", () => {
					const line = /WRKJSON (\{.*\})/.exec(out)?.[1];
					if (!line) return reject(new Error(`wrk printed no report:\n${out}`));
					const r = JSON.parse(line);
					const seconds = r.duration_us / 1e6;
					resolve({
						requests: r.requests,
						seconds,
						requestsPerSecond: r.requests / seconds,
						p50Ms: r.p50_us / 1000,
						p99Ms: r.p99_us / 1000,
						non2xx: r.status,
						errors: r.errors,
					});
				});
			}),
	};
}

const autocannonGenerator: LoadGenerator = {
	name: "autocannon",
	run: async ({ url, connections, durationSeconds }) => {
		const r = await autocannon({ url, connections, duration: durationSeconds });
		const seconds = r.duration;
		return {
			requests: r.requests.total,
			seconds,
			requestsPerSecond: r.requests.total / seconds,
			p50Ms: r.latency.p50,
			p99Ms: r.latency.p99,
			non2xx: r.non2xx,
			errors: r.errors + r.timeouts,
		};
	},
};

/** wrk if present, else autocannon; `BENCH_LOAD=autocannon` forces the latter. */
export function loadGenerator(scriptDir: string): LoadGenerator {
	if (process.env.BENCH_LOAD !== "autocannon" && hasWrk()) return wrk(scriptDir);
	return autocannonGenerator;
}
