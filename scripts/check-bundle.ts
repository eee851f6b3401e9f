/**
 * @module `npm run check:bundle`: builds the reader Worker exactly as `wrangler deploy` would and fails
 * when it passes its 150 KB gzipped budget, or when write-side code (the StoreWriter, the feed parser,
 * the Markdown renderer, the sanitizer) has found its way into it (README, "Two Workers").
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildWorker } from "../bench/build";

const BUDGET = 150_000;
/**
 * Text only the write side's code carries, and which minifying keeps (string literals, exported names):
 * the StoreWriter and its tables, Markdown (marked), the sanitizer (js-xss), the patterns (re2js), the
 * OpenAPI generator, and OPML. Each is in the desk Worker's bundle.
 */
const WRITE_SIDE = [
	"StoreWriter",
	"derived_dirty",
	"articles_fts",
	"marked",
	"FilterXSS",
	"RE2JS",
	"http://json-schema.org",
	"xmlUrl",
];

const dir = mkdtempSync(join(tmpdir(), "edgewire-bundle-"));
try {
	const bundle = buildWorker(dir, "functions/reader-worker.ts");
	const code = readFileSync(bundle.entry, "utf8");
	const found = WRITE_SIDE.filter((name) => code.includes(name));
	console.log(`reader bundle: ${(bundle.gzipBytes / 1024).toFixed(1)} KiB gzipped (budget ${BUDGET / 1000} KB)`);
	if (bundle.gzipBytes > BUDGET) throw new Error("the reader bundle is over its budget");
	if (found.length > 0) throw new Error(`the reader bundle carries write-side code: ${found.join(", ")}`);
} finally {
	rmSync(dir, { recursive: true, force: true });
}
