/**
 * @module Conformance runner: every feed file under DIR through the same `parseFeed` the Worker uses, with a
 * per-file line and a summary. `npm run conformance -- DIR [--json]`. Reads DIR/manifest.json and
 * DIR/expected/*.json when present, for per-file feed URLs and expected item counts.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { basename, join, relative } from "node:path";
import { type FeedParseResult, parseFeed } from "../src/feeds/index";

type ManifestEntry = { file: string; format?: string; origin_path?: string; expect?: string; wellformed?: string };
type Expected = { url?: string; feed?: { items?: unknown[] } };
type Row = {
	file: string;
	url: string;
	ms: number;
	format: string;
	ok: boolean;
	kept: number;
	dropped: Record<string, number>;
	error?: string;
	expectedItems?: number;
	wellformed?: boolean;
};

const SKIP_NAMES = new Set(["README.md", "manifest.json"]);
/** The feedparser harness served its `base` tests from here; their expectations resolve against it. */
const HARNESS_ORIGIN = "http://127.0.0.1:8097/";

function main(): void {
	const args = process.argv.slice(2);
	const json = args.includes("--json");
	const dir = args.find((a) => !a.startsWith("--"));
	if (dir === undefined) {
		console.error("usage: npm run conformance -- DIR [--json]");
		process.exit(2);
	}
	const manifest = readManifest(dir);
	const expected = readExpected(dir);
	const rows = walk(dir)
		.map((path) => relative(dir, path))
		.sort()
		.map((file) => run(dir, file, manifest.get(file), expected[file]));
	if (json) console.log(JSON.stringify({ rows, summary: summarize(rows) }, null, 2));
	else print(rows);
	process.exitCode = rows.some((r) => r.error?.startsWith("parse.internal")) ? 1 : 0;
}

function walk(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (name.startsWith(".") || SKIP_NAMES.has(name)) return [];
		if (statSync(path).isDirectory()) return name === "expected" ? [] : walk(path);
		return [path];
	});
}

function readManifest(dir: string): Map<string, ManifestEntry> {
	try {
		const entries = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")) as ManifestEntry[];
		return new Map(entries.map((e) => [e.file, e]));
	} catch {
		return new Map();
	}
}

function readExpected(dir: string): Record<string, Expected> {
	try {
		const files = readdirSync(join(dir, "expected")).filter((f) => f.endsWith(".json"));
		return Object.assign({}, ...files.map((f) => JSON.parse(readFileSync(join(dir, "expected", f), "utf8"))));
	} catch {
		return {};
	}
}

/** The URL the expectation was written against, else a placeholder under a reserved TLD. */
function feedUrl(file: string, entry: ManifestEntry | undefined, expected: Expected | undefined): string {
	if (entry?.expect?.includes(HARNESS_ORIGIN.slice(0, -1)) && entry.origin_path !== undefined) {
		return new URL(entry.origin_path, HARNESS_ORIGIN).href;
	}
	if (typeof expected?.url === "string") return expected.url;
	return `https://conformance.invalid/${file.split("/").map(encodeURIComponent).join("/")}`;
}

function run(dir: string, file: string, entry: ManifestEntry | undefined, expected: Expected | undefined): Row {
	const url = feedUrl(file, entry, expected);
	const body = new Uint8Array(readFileSync(join(dir, file)));
	const input = { body, url, now: new Date(), maxItems: 1000 };
	const result: FeedParseResult = parseFeed(input);
	// The best of three warm runs: the first run pays for JIT compilation (a busy isolate does not), and the
	// minimum filters out GC pauses and a busy machine.
	let ms = Number.POSITIVE_INFINITY;
	for (let i = 0; i < 3; i++) {
		const started = performance.now();
		parseFeed(input);
		ms = Math.min(ms, performance.now() - started);
	}
	const row: Row = { file, url, ms, format: declaredFormat(entry?.format), ok: result.ok, kept: 0, dropped: {} };
	if (expected?.feed?.items !== undefined) row.expectedItems = expected.feed.items.length;
	if (entry?.wellformed !== undefined) row.wellformed = !/ILL-FORMED|INVALID/.test(entry.wellformed);
	if (!result.ok) {
		row.error = `${result.error.code}: ${result.error.detail}`;
		return row;
	}
	row.format = result.value.format;
	row.kept = result.value.items.length;
	for (const { reason } of result.value.dropped) {
		const kind = reason.startsWith("duplicate key") ? "duplicate key" : reason;
		row.dropped[kind] = (row.dropped[kind] ?? 0) + 1;
	}
	return row;
}

/** The manifest's format names (rss2, atom1, jsonfeed1.1…) as ours, for files that failed before detection. */
function declaredFormat(format: string | undefined): string {
	const match = /^(rss|atom|rdf|json)/.exec(format ?? "");
	if (match === null) return format?.includes("rdf") ? "rdf" : "?";
	return match[1] === "rss" && format?.includes("rdf") ? "rdf" : (match[1] ?? "?");
}

function summarize(rows: Row[]) {
	const byFormat: Record<string, { ok: number; failed: number; kept: number; dropped: number }> = {};
	for (const row of rows) {
		const f = byFormat[row.format] ?? { ok: 0, failed: 0, kept: 0, dropped: 0 };
		byFormat[row.format] = f;
		if (row.ok) f.ok++;
		else f.failed++;
		f.kept += row.kept;
		f.dropped += droppedCount(row);
	}
	const compared = rows.filter((r) => r.expectedItems !== undefined);
	return {
		files: rows.length,
		ok: rows.filter((r) => r.ok).length,
		failed: rows.filter((r) => !r.ok).length,
		wellformedFailed: rows.filter((r) => !r.ok && r.wellformed === true).map((r) => r.file),
		itemsKept: rows.reduce((n, r) => n + r.kept, 0),
		itemsDropped: rows.reduce((n, r) => n + droppedCount(r), 0),
		expectedCounts: {
			files: compared.length,
			matching: compared.filter((r) => r.kept + droppedCount(r) === r.expectedItems).length,
			keptAll: compared.filter((r) => r.kept === r.expectedItems).length,
		},
		slowestMs: Math.max(...rows.map((r) => r.ms)),
		byFormat,
	};
}

function droppedCount(row: Row): number {
	return Object.values(row.dropped).reduce((a, b) => a + b, 0);
}

function print(rows: Row[]): void {
	for (const row of rows) {
		const expected = row.expectedItems === undefined ? "" : ` (expected ${row.expectedItems})`;
		const dropped = Object.entries(row.dropped)
			.map(([reason, n]) => `${reason} ×${n}`)
			.join(", ");
		const outcome = row.ok
			? `${row.format.padEnd(4)} kept ${row.kept}${expected}${dropped === "" ? "" : `, dropped ${droppedCount(row)}: ${dropped}`}`
			: `FAIL ${row.error}`;
		console.log(
			`${row.ok ? "ok  " : "FAIL"}  ${basename(row.file).padEnd(60).slice(0, 60)}  ${outcome}  [${row.ms.toFixed(1)} ms]`,
		);
	}
	const s = summarize(rows);
	console.log(
		`\nfiles: ${s.files} (ok ${s.ok}, failed ${s.failed}); items kept ${s.itemsKept}, dropped ${s.itemsDropped}`,
	);
	console.log(
		`well-formed files that failed: ${s.wellformedFailed.length === 0 ? "none" : s.wellformedFailed.join(", ")}`,
	);
	const e = s.expectedCounts;
	console.log(
		`expected item counts: ${e.files} files compared, ${e.matching} read every expected item, ${e.keptAll} kept all`,
	);
	console.log(`slowest warm parse: ${s.slowestMs.toFixed(1)} ms (Node; workerd runs the same V8)`);
	console.log("\n| format | files ok | files failed | items kept | items dropped |\n|---|---|---|---|---|");
	for (const [format, f] of Object.entries(s.byFormat).sort()) {
		console.log(`| ${format} | ${f.ok} | ${f.failed} | ${f.kept} | ${f.dropped} |`);
	}
}

main();
