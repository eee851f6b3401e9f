/**
 * @module Runs bundles in one workerd through Miniflare's programmatic API, each Worker on its own
 * direct socket (no dev proxy, no Miniflare entry worker in front), and reads that workerd's CPU time.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { convertV4MiniflareOptions, Miniflare } from "miniflare";

/** Same values as wrangler.toml's `compatibility_date` and `[vars]`; the bench fails loudly if they drift. */
export function wranglerSettings(path = "wrangler.toml"): { compatibilityDate: string; vars: Record<string, string> } {
	const toml = readFileSync(path, "utf8");
	const compatibilityDate = /^compatibility_date\s*=\s*"([^"]+)"/m.exec(toml)?.[1];
	if (!compatibilityDate) throw new Error("wrangler.toml has no compatibility_date");
	const vars: Record<string, string> = {};
	const section = /^\[vars\]\s*$([\s\S]*?)(?=^\[|(?![\s\S]))/m.exec(toml)?.[1] ?? "";
	for (const m of section.matchAll(/^([A-Z_][A-Z0-9_]*)\s*=\s*"([^"]*)"/gm)) vars[m[1] as string] = m[2] as string;
	return { compatibilityDate, vars };
}

export type SiteWorker = {
	/** Path to the bundled entry (from `buildWorker`). */
	entry: string;
	adminToken: string;
	/** Extra bindings (the bench's counting entry reads none; kept for experiments). */
	bindings?: Record<string, unknown>;
	/**
	 * The desk Worker's bundle, when `entry` is the reader Worker: the desk then holds the StoreWriter and
	 * answers the reader's DESK binding, as on Cloudflare. Without it, `entry` holds the StoreWriter itself.
	 */
	desk?: string;
};

export type Runtime = {
	mf: Miniflare;
	/** Direct socket URL of each Worker by name. */
	urls: Record<string, URL>;
	/** The workerd process serving them. */
	pid: number;
	dispose: () => Promise<void>;
};

export type BaselineBody = { path: string; headers: [string, string][]; body: string };

/** Starts `site` (and the baseline Worker when `baseline` is given) in one workerd, KV and DO state under `stateDir`. */
/**
 * A bundle as `wrangler deploy --dry-run --outdir` wrote it: the entry, and the files beside it that it
 * imports under wrangler.desk.toml's Text rule (the newsroom's copy of @simplewebauthn/browser).
 */
function bundleModules(entry: string): { type: "ESModule" | "Text"; path: string }[] {
	const dir = dirname(entry);
	const texts = readdirSync(dir)
		.filter((name) => name.endsWith(".umd.min.js"))
		.map((name) => ({ type: "Text" as const, path: join(dir, name) }));
	return [{ type: "ESModule", path: entry }, ...texts];
}

export async function startRuntime(options: {
	site: SiteWorker;
	stateDir: string;
	baseline?: BaselineBody[];
	outbound?: (request: Request) => Promise<Response>;
}): Promise<Runtime> {
	const { compatibilityDate, vars } = wranglerSettings();
	const direct = [{ host: "127.0.0.1", port: 0 }];
	const workers: Record<string, unknown>[] = [
		{
			name: "edgewire",
			modules: bundleModules(options.site.entry),
			modulesRoot: dirname(options.site.entry),
			compatibilityDate,
			kvNamespaces: { NEWS: "bench-news" },
			durableObjects: {
				WRITER: options.site.desk
					? { className: "StoreWriter", scriptName: "edgewire-desk", useSQLite: true }
					: { className: "StoreWriter", useSQLite: true },
			},
			...(options.site.desk ? { serviceBindings: { DESK: "edgewire-desk" } } : {}),
			bindings: { ...vars, ADMIN_TOKEN: options.site.adminToken, ...options.site.bindings },
			unsafeDirectSockets: direct,
			...(options.outbound ? { outboundService: options.outbound } : {}),
		},
	];
	if (options.site.desk) {
		workers.push({
			name: "edgewire-desk",
			modules: bundleModules(options.site.desk),
			modulesRoot: dirname(options.site.desk),
			compatibilityDate,
			kvNamespaces: { NEWS: "bench-news" },
			durableObjects: { WRITER: { className: "StoreWriter", useSQLite: true } },
			bindings: { ...vars, ADMIN_TOKEN: options.site.adminToken, ...options.site.bindings },
			...(options.outbound ? { outboundService: options.outbound } : {}),
		});
	}
	if (options.baseline) {
		workers.push({
			name: "baseline",
			scriptPath: new URL("./baseline/worker.js", import.meta.url).pathname,
			modules: true,
			modulesRoot: new URL("./baseline/", import.meta.url).pathname,
			compatibilityDate,
			bindings: { BODIES: options.baseline },
			unsafeDirectSockets: direct,
		});
	}
	const mf = new Miniflare(
		convertV4MiniflareOptions({
			resourcePersistencePath: options.stateDir,
			workers,
			// The Worker's own log lines (one per refresh run) would interleave with the tables; errors still show.
			handleStructuredLogs: (log: { level: string; message: string }) => {
				if (log.level === "error" || log.level === "warn") console.error(log.message);
			},
		} as never),
	);
	await mf.ready;
	const urls: Record<string, URL> = {};
	for (const worker of workers) {
		if (worker.unsafeDirectSockets) urls[worker.name as string] = await mf.unsafeGetDirectURL(worker.name as string);
	}
	return { mf, urls, pid: workerdPid(), dispose: () => mf.dispose() };
}

/** The workerd child of this process (Miniflare spawns exactly one). */
export function workerdPid(): number {
	const found: number[] = [];
	for (const entry of readdirSync("/proc")) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
			const comm = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
			const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
			if (ppid === process.pid && comm.startsWith("workerd")) found.push(Number(entry));
		} catch {}
	}
	if (found.length !== 1) throw new Error(`expected one workerd child process, found ${found.length}`);
	return found[0] as number;
}

const CLOCK_TICKS_PER_SECOND = 100; // getconf CLK_TCK on Linux (USER_HZ is fixed at 100 for /proc)

/** utime + stime of `pid` in milliseconds (all of its threads, from /proc/<pid>/stat fields 14 and 15). */
export function cpuMs(pid: number): number {
	const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
	const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
	// fields[0] is field 3 (state), so utime (field 14) is fields[11] and stime (15) fields[12].
	return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND;
}
