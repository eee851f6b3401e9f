/** @module Starts `wrangler dev` (the reader and the desk Worker) as a child process and waits until it answers. */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";

/** Reads ADMIN_TOKEN from `.dev.vars`, creating the file with a random token if it has none. */
export function ensureDevToken(path = ".dev.vars"): string {
	const current = existsSync(path) ? readFileSync(path, "utf8") : "";
	const match = /^ADMIN_TOKEN\s*=\s*"?([^"\n]+)"?\s*$/m.exec(current);
	if (match?.[1]) return match[1];
	const token = randomBytes(24).toString("hex");
	writeFileSync(path, `${current}${current && !current.endsWith("\n") ? "\n" : ""}ADMIN_TOKEN="${token}"\n`);
	return token;
}

export type DevServer = { url: string; child: ChildProcess; stop: () => Promise<void> };

/** `wrangler dev` on `port` with its KV and Durable Object state persisted under `persistTo`. */
export async function startDevServer(
	options: { port?: number; persistTo?: string; inheritOutput?: boolean; extraArgs?: string[] } = {},
): Promise<DevServer> {
	const port = options.port ?? 8787;
	// Both Workers in one wrangler dev: the first config (the reader) takes the port; its DESK binding and its
	// StoreWriter binding reach the second (the desk) locally, as they do on Cloudflare.
	const args = [
		"wrangler",
		"dev",
		"-c",
		"wrangler.toml",
		"-c",
		"wrangler.desk.toml",
		"--port",
		String(port),
		"--ip",
		"127.0.0.1",
		"--show-interactive-dev-session=false",
	];
	if (options.persistTo) args.push("--persist-to", options.persistTo);
	args.push(...(options.extraArgs ?? []));
	const child = spawn("npx", args, {
		stdio: options.inheritOutput ? "inherit" : ["ignore", "pipe", "pipe"],
		env: {
			...process.env,
			WRANGLER_SEND_METRICS: "false",
			// Miniflare would fetch request.cf data from workers.cloudflare.com at every start (and print a stack
			// trace when offline); the Worker never reads request.cf, so its built-in placeholder does.
			CLOUDFLARE_CF_FETCH_ENABLED: "false",
			CI: process.env.CI ?? "",
		},
		detached: true,
	});
	let output = "";
	child.stdout?.on("data", (d) => (output += d));
	child.stderr?.on("data", (d) => (output += d));
	const url = `http://127.0.0.1:${port}`;
	const deadline = Date.now() + 60_000;
	for (;;) {
		if (child.exitCode !== null) throw new Error(`wrangler dev exited (${child.exitCode}):\n${output}`);
		try {
			const response = await fetch(`${url}/api/headlines?limit=1`);
			if (response.status < 500) break;
		} catch {}
		if (Date.now() > deadline) throw new Error(`wrangler dev did not answer within 60 s:\n${output}`);
		await new Promise((r) => setTimeout(r, 250));
	}
	const stop = async () => {
		if (child.exitCode !== null) return;
		try {
			process.kill(-(child.pid as number), "SIGTERM");
		} catch {}
		await new Promise((r) => child.once("exit", r));
	};
	return { url, child, stop };
}
