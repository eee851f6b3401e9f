// storeSources against KV's one write per key per second: a 429 for writing v1:sources within the
// second of the last write is retried once that second is over; any other failure is not retried.
import { reset } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { instrumentKv, withStoreKv } from "../../test/robustness/instrumented-kv";
import { keys } from "../kv/keys";
import type { SourcesRecord } from "../schemas/source";
import { storeWriter } from "./stub";

beforeEach(async () => {
	await reset();
});

const SOURCE = { id: "harbour", url: "https://harbour.example/feed", name: "Harbour" };

describe("storeSources", () => {
	it("Should wait out the rest of the second and write again when KV answers 429", async () => {
		const before = Date.now();
		await storeWriter(env).putSources([SOURCE], new Date().toISOString());
		let refused = 0;
		const faulty = instrumentKv(env.NEWS, (call) => {
			if (call.op !== "put" || call.key !== keys.sources || refused > 0) return undefined;
			refused++;
			return { error: new Error("KV PUT failed: 429 Too Many Requests") };
		});
		const renamed = { ...SOURCE, name: "Harbour Gazette" };
		const { record, kvWrites } = await withStoreKv(faulty.kv, () =>
			storeWriter(env).putSources([renamed], new Date().toISOString()),
		);
		expect(refused).toBe(1);
		expect(kvWrites).toBe(1);
		expect(faulty.count("put")).toBe(2);
		// The retry came once the second after the first write was over, and not much later.
		expect(Date.now() - before).toBeGreaterThanOrEqual(1000);
		expect(Date.now() - before).toBeLessThan(2500);
		expect(await env.NEWS.get<SourcesRecord>(keys.sources, "json")).toEqual(record);
	});

	it("Should not retry a failure that is not KV's rate limit", async () => {
		const faulty = instrumentKv(env.NEWS, (call) =>
			call.op === "put" && call.key === keys.sources ? { error: new Error("KV PUT failed: 500 Internal") } : undefined,
		);
		await expect(
			withStoreKv(faulty.kv, () => storeWriter(env).putSources([SOURCE], new Date().toISOString())),
		).rejects.toThrow("500");
		expect(faulty.count("put")).toBe(1);
	});
});
