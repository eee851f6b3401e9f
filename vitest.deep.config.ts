// `npm run test:deep`: the same suite as `npm test`, with the property tests' long runs.
// test/property/runs.ts reads `fcRuns` through vitest's provide/inject (it crosses into workerd).
import { mergeConfig } from "vitest/config";
import base from "./vitest.config";

export default mergeConfig(base, {
	test: {
		provide: { fcRuns: 1000, fcHttpRuns: 300 },
		// Long properties need more than vitest's default 5 s per test.
		testTimeout: 600_000,
	},
});
