// Tests run inside workerd through @cloudflare/vitest-plugin, against the real KV and Durable
// Object bindings declared in wrangler.toml (Miniflare emulates them), held to production's limits:
// the Worker entry is test/limits/strict-entry.ts, whose `NEWS` binding and StoreWriter SQLite
// enforce what Miniflare does not, and the `env` tests import gets the strict `NEWS` too
// (test/limits/, docs/reliability.md).
import { cloudflareTest } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";

export default defineConfig({
	plugins: [
		cloudflareTest({
			main: "./test/limits/strict-entry.ts",
			// The desk's file: it declares the StoreWriter here (the reader's points at the desk Worker) and the cron;
			// both files carry the same vars (npm run check:config).
			wrangler: { configPath: "./wrangler.desk.toml" },
			miniflare: {
				// Lets tests drive `exports.default.scheduled()` like the cron does; test-only,
				// never set in wrangler.toml.
				compatibilityFlags: ["service_binding_extra_handlers"],
				// A known token so admin routes can be exercised; production uses `wrangler secret`.
				bindings: { ADMIN_TOKEN: "test-admin-token" },
			},
		}),
	],
	test: {
		setupFiles: ["test/setup.ts", "test/limits/setup.ts"],
		include: ["src/**/*.test.{ts,tsx}", "functions/**/*.test.{ts,tsx}", "test/**/*.test.{ts,tsx}"],
	},
});
