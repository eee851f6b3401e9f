// End-to-end tests: plain Node (not workerd) driving Debian's Chromium against `wrangler dev`.
// Run with `npm run test:e2e`; needs /usr/bin/chromium (`.ci/run` installs it with apt-get).
import { defineConfig } from "vitest/config";

export default defineConfig({
	test: {
		include: ["e2e/**/*.e2e.test.ts"],
		environment: "node",
		// One wrangler dev and one browser serve the whole run, so the tests share a file and run in order.
		fileParallelism: false,
		// Starting wrangler dev and Chromium takes a while on a cold machine.
		hookTimeout: 120_000,
		testTimeout: 60_000,
	},
});
