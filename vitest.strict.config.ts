// The suite under production's limits (test/limits/): the same as vitest.config.ts, except that the
// Worker entry is test/limits/strict-entry.ts, whose `NEWS` binding and StoreWriter SQLite enforce
// what Miniflare does not, and the `env` tests import gets the strict `NEWS` too.
import { cloudflareTest } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";

export default defineConfig({
	plugins: [
		cloudflareTest({
			main: "./test/limits/strict-entry.ts",
			wrangler: { configPath: "./wrangler.toml" },
			miniflare: {
				compatibilityFlags: ["service_binding_extra_handlers"],
				bindings: { ADMIN_TOKEN: "test-admin-token" },
			},
		}),
	],
	test: {
		setupFiles: ["test/setup.ts", "test/limits/setup.ts"],
		include: ["src/**/*.test.{ts,tsx}", "functions/**/*.test.{ts,tsx}", "test/**/*.test.{ts,tsx}"],
		provide: { strictLimits: true },
	},
});
