// The health check's StoreWriter question, against the real StoreWriter and a stand-in that never answers.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { Bindings } from "../env";
import { checkStore } from "./store";

describe("checkStore", () => {
	it("Should have nothing to report when no repair is pending", async () => {
		expect(await checkStore(env as unknown as Bindings)).toBeUndefined();
	});

	it("Should report an error when the StoreWriter does not answer in time", async () => {
		const silent = { idFromName: () => ({}), get: () => ({ health: () => new Promise(() => {}) }) };
		const started = Date.now();
		const check = await checkStore({ ...env, WRITER: silent } as unknown as Bindings, 50);
		expect(check).toEqual({ status: "error", error: "Error: no answer within 50 ms" });
		expect(Date.now() - started).toBeLessThan(1_000);
	});
});
