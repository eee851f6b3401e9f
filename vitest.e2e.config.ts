// End-to-end tests: plain Node (not workerd) driving Debian's Chromium against `wrangler dev`.
// Run with `npm run test:e2e`; needs /usr/bin/chromium (`.ci/run` installs it with apt-get).
import { defineConfig } from "vitest/config";

export default defineConfig({
	test: {
		include: ["e2e/**/*.e2e.test.ts"],
		environment: "node",
		// Each file starts its own wrangler dev (its own port and state) and browser, and runs its tests in
		// order; the files run side by side, so the archive file's seeding overlaps the site file's checks.
		fileParallelism: true,
		maxWorkers: 2,
		globalSetup: ["e2e/global-setup.ts"],
		// Starting wrangler dev and Chromium takes a while on a cold machine.
		hookTimeout: 120_000,
		testTimeout: 60_000,
	},
});
