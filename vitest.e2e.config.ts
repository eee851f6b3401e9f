// End-to-end tests: plain Node (not workerd) driving Debian's Chromium against `wrangler dev`.
// Run with `npm run test:e2e`; needs /usr/bin/chromium (`.ci/run` installs it with apt-get).
import { defineConfig } from "vitest/config";

export default defineConfig({
	test: {
		include: ["e2e/**/*.e2e.test.ts"],
		environment: "node",
		// Each file starts its own wrangler dev (its own port and state) and browser, and runs its tests in
		// order. One file at a time: two multi-Worker `wrangler dev`s would both claim the desk's local socket.
		fileParallelism: false,
		globalSetup: ["e2e/global-setup.ts"],
		// Starting wrangler dev and Chromium takes a while on a cold machine.
		hookTimeout: 120_000,
		testTimeout: 60_000,
	},
});
