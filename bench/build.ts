/** @module Builds the Worker bundle exactly as `wrangler deploy` would, and measures it. */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { gzipSync } from "node:zlib";

export type Bundle = { dir: string; entry: string; bytes: number; gzipBytes: number };

/**
 * `wrangler deploy [entry] --dry-run --outdir <dir>`: the same esbuild settings, aliases and
 * conditions as a real deploy, so the bench runs (and the size report weighs) what ships.
 * `extraArgs` (e.g. `--minify`) shows what a config change would give.
 */
export function buildWorker(dir: string, entry?: string, extraArgs: string[] = []): Bundle {
	const args = ["wrangler", "deploy", ...(entry ? [entry] : []), "--dry-run", "--outdir", dir, ...extraArgs];
	try {
		execFileSync("npx", args, {
			stdio: ["ignore", "pipe", "pipe"],
			env: { ...process.env, WRANGLER_SEND_METRICS: "false", FORCE_COLOR: "0" },
		});
	} catch (error) {
		const { stdout, stderr } = error as { stdout?: Buffer; stderr?: Buffer };
		throw new Error(`wrangler build failed:\n${stdout?.toString() ?? ""}${stderr?.toString() ?? ""}`);
	}
	// wrangler names the output after the entry: index.js for wrangler.toml's main (functions/index.ts).
	return measureBundle(dir, entry ? `${basename(entry).replace(/\.[cm]?[jt]sx?$/, "")}.js` : "index.js");
}

/** Size of a built bundle's entry file, raw and gzipped (level 9; wrangler's own "gzip" figure is within 1%). */
export function measureBundle(dir: string, file = "index.js"): Bundle {
	const code = readFileSync(join(dir, file));
	return { dir, entry: join(dir, file), bytes: code.byteLength, gzipBytes: gzipSync(code, { level: 9 }).byteLength };
}
