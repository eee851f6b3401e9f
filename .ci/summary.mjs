// Prints one plain closing line, "N passed, N failed", from vitest JSON reports, so CI's
// result reader sees the counts whatever the reporter prints above it.
import { existsSync, readFileSync } from "node:fs";

let passed = 0;
let failed = 0;
for (const file of process.argv.slice(2)) {
	if (!existsSync(file)) continue;
	const report = JSON.parse(readFileSync(file, "utf8"));
	passed += report.numPassedTests;
	failed += report.numFailedTests;
}
console.log(`tests: ${passed} passed, ${failed} failed`);
