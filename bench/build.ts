/** @module Builds the Worker bundle exactly as `wrangler deploy` would, and measures it. */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

export type Bundle = { dir: string; entry: string; bytes: number; gzipBytes: number };

/**
 * `wrangler deploy --dry-run --outdir <dir>`: the same esbuild settings, aliases and
 * conditions as a real deploy, so the bench runs (and the size report weighs) what ships.
 */
export function buildWorker(dir: string, entry?: string): Bundle {
	const args = ["wrangler", "deploy", ...(entry ? [entry] : []), "--dry-run", "--outdir", dir];
	try {
		execFileSync("npx", args, {
			stdio: ["ignore", "pipe", "pipe"],
			env: { ...process.env, WRANGLER_SEND_METRICS: "false", FORCE_COLOR: "0" },
		});
	} catch (error) {
		const { stdout, stderr } = error as { stdout?: Buffer; stderr?: Buffer };
		throw new Error(`wrangler build failed:\n${stdout?.toString() ?? ""}${stderr?.toString() ?? ""}`);
	}
	return measureBundle(dir);
}

/** Size of a built bundle directory's `index.js`, raw and gzipped (level 9, as the upload limit counts). */
export function measureBundle(dir: string): Bundle {
	const code = readFileSync(join(dir, "index.js"));
	return {
		dir,
		entry: join(dir, "index.js"),
		bytes: code.byteLength,
		gzipBytes: gzipSync(code, { level: 9 }).byteLength,
	};
}
