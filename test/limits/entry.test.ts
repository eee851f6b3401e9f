// The strict wiring, end to end: the suite's Worker entry, the StoreWriter and the tests' own
// `env.NEWS` all hold to production's limits.
import { runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { keys } from "../../src/kv/keys";
import { putArticle, request, sampleArticle } from "../helpers";
import { runScheduled } from "../refresh-helpers";
import { isStrictKv } from "./kv";
import { isStrictSql } from "./sql";

function writerStub(): DurableObjectStub {
	const namespace = env.WRITER as unknown as DurableObjectNamespace;
	return namespace.get(namespace.idFromName("main"));
}

describe("strict entry: the suite's bindings hold to production's limits", () => {
	it("Should give tests a strict env.NEWS", () => {
		expect(isStrictKv(env.NEWS)).toBe(true);
	});

	it("Should build the StoreWriter with a strict env.NEWS and a strict SQLite handle", async () => {
		const wiring = await runInDurableObject(writerStub(), (instance, state) => ({
			kv: isStrictKv((instance as unknown as { env: { NEWS: KVNamespace } }).env.NEWS),
			sql: isStrictSql(state.storage.sql),
		}));
		expect(wiring).toEqual({ kv: true, sql: true });
	});

	it("Should share the write clock between a route's writes and a test's own", async () => {
		expect((await putArticle("limits-clock")).status).toBe(201);
		// The StoreWriter wrote the article's record just now: production would refuse a second write.
		await expect(env.NEWS.put(keys.article("limits-clock"), "{}")).rejects.toThrow(
			"KV PUT failed: 429 Too Many Requests",
		);
	});

	it("Should run the cron's scheduled handler through the strict entry", async () => {
		await runScheduled(new Date());
	});

	// Issue 9, finding 4: every change set wrote `v1:headlines` and the article's record, so two
	// publishes of one article in one second got KV's 429 in production (and answered 500).
	it("production: Should accept two PUT /api/articles/x within one second", async () => {
		expect((await putArticle("x", sampleArticle())).status).toBe(201);
		const second = await putArticle("x", sampleArticle({ title: "Harbour cranes back on the east quay" }));
		expect(second.status).toBe(200);
		const stored = (await (await request("/api/articles/x")).json()) as { title: string };
		expect(stored.title).toBe("Harbour cranes back on the east quay");
	});
});
