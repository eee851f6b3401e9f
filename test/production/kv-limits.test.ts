// Regression tests for issue 9, finding 4 (KV's part): one write per key per second, whatever the
// write rate, and a rollback that cannot wedge the store. Each failed under the strict harness
// before the StoreWriter paced its writes, coalesced the index and made repairs best effort.
import { runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { forgetHeadlines } from "../../src/kv/headlines";
import { keys } from "../../src/kv/keys";
import type { HeadlinesIndex } from "../../src/schemas/article";
import { upsertRow } from "../../src/store/articles-table";
import type { StoreWriter } from "../../src/store/writer";
import { getJson, minutesAgo, putArticle, request, sampleArticle } from "../helpers";
import { settleStore, takeRejections } from "../limits";
import { expectCleanError } from "../robustness/faults";
import { type Fault, instrumentKv, withStoreKv } from "../robustness/instrumented-kv";

function writer(): DurableObjectStub<StoreWriter> {
	const namespace = env.WRITER as unknown as DurableObjectNamespace<StoreWriter>;
	return namespace.get(namespace.idFromName("main"));
}

async function kvIndexSlugs(): Promise<string[]> {
	const index = await env.NEWS.get<HeadlinesIndex>(keys.headlines, "json");
	return (index?.headlines ?? []).map((h) => h.slug);
}

/** The first write to `v1:headlines` fails (as a KV outage would), every other call goes through. */
function failFirstIndexWrite(): Fault {
	let failed = false;
	return (call) => {
		if (call.op !== "put" || call.key !== keys.headlines || failed) return undefined;
		failed = true;
		return { error: new Error("injected: KV put v1:headlines") };
	};
}

describe("production: KV's one write per key per second", () => {
	it("Should accept ten publishes in one second and end with exactly those ten in the KV index, in order", async () => {
		const slugs = Array.from({ length: 10 }, (_, i) => `burst-${i}`);
		const responses = await Promise.all(
			slugs.map((slug, i) => putArticle(slug, sampleArticle({ title: `Burst ${i}`, publishedAt: minutesAgo(i + 1) }))),
		);
		expect(responses.map((r) => r.status)).toEqual(slugs.map(() => 201));
		// The trailing write: the alarm, once the index key is free again, writes the index as it then stands.
		await settleStore();
		expect(await kvIndexSlugs()).toEqual(slugs);
		forgetHeadlines();
		const { body } = await getJson<{ headlines: { slug: string }[] }>("/api/headlines?limit=20");
		expect(body.headlines.map((h) => h.slug)).toEqual(slugs);
		expect(takeRejections()).toEqual([]);
	});

	it("Should accept two edits of one article within a second and serve the second at once", async () => {
		expect((await putArticle("edited-twice", sampleArticle({ title: "First take" }))).status).toBe(201);
		expect((await putArticle("edited-twice", sampleArticle({ title: "Second take" }))).status).toBe(200);
		const { body } = await getJson<{ title: string }>("/api/articles/edited-twice");
		expect(body.title).toBe("Second take");
		expect(takeRejections()).toEqual([]);
	});
});

/** A feed article's row expiring at `expiresAt`, written straight into the table as an earlier run left it. */
async function seedFeedRow(slug: string, expiresAt: number): Promise<void> {
	await runInDurableObject(writer(), (_instance, state) => {
		const article = { slug, title: `Wire ${slug}`, publishedAt: minutesAgo(60), body: "x", bodyHtml: "<p>x</p>" };
		upsertRow(state.storage.sql, { slug, article, sourceId: "wire", itemKey: `${slug}-guid`, expiresAt });
	});
}

describe("production: a rollback that cannot wedge the store", () => {
	for (const [when, offsetMs] of [
		["had just expired", -1_000],
		["expires in 30 s", 30_000],
	] as const) {
		it(`Should roll back a row that ${when} without re-putting its expiry, and keep accepting writes`, async () => {
			const slug = `wedge-${offsetMs < 0 ? "expired" : "soon"}`;
			await seedFeedRow(slug, Date.now() + offsetMs);
			// The editor's replacement writes the record, then the index write fails: the rollback puts the old row back.
			const failed = await withStoreKv(instrumentKv(env.NEWS, failFirstIndexWrite()).kv, () =>
				putArticle(slug, sampleArticle({ title: "Replaced" })),
			);
			await expectCleanError(failed);
			// KV would refuse the old expiry (under 60 s ahead), so the record is deleted instead: nothing to repair.
			expect(await env.NEWS.get(keys.article(slug))).toBeNull();
			expect(await (await request("/healthz")).json()).toMatchObject({ status: "ok" });
			expect((await putArticle(`${slug}-after`)).status).toBe(201);
			expect((await putArticle(slug, sampleArticle({ title: "Replaced again" }))).status).toBe(
				offsetMs < 0 ? 201 : 200,
			);
			expect(takeRejections()).toEqual([]);
		});
	}

	it("Should keep accepting writes while a repair keeps failing, and report it on /healthz until it succeeds", async () => {
		expect((await putArticle("stuck-story", sampleArticle({ title: "Steady" }))).status).toBe(201);
		// The first publish's trailing writes (its sitemap index), then a second, so the index key is free.
		await settleStore();
		// KV takes the record once, then refuses the index and every later write of that record.
		let recordWrites = 0;
		const indexFault = failFirstIndexWrite();
		const faulty = instrumentKv(env.NEWS, (call, n) => {
			if (call.key === keys.article("stuck-story") && call.op !== "get" && ++recordWrites > 1)
				return { error: new Error("injected: KV refuses stuck-story") };
			return indexFault(call, n);
		});
		await withStoreKv(faulty.kv, async () => {
			await expectCleanError(await putArticle("stuck-story", sampleArticle({ title: "Rewritten" })));
			// Before, every later write ran the failing repair first and answered 500 for good.
			expect((await putArticle("unblocked-story")).status).toBe(201);
			await runDurableObjectAlarm(writer());
			const health = await request("/healthz");
			expect(health.status).toBe(503);
			expect(await health.json()).toMatchObject({
				status: "error",
				checks: {
					kv: { status: "ok" },
					store: {
						status: "error",
						pendingRepairs: 1,
						oldestSince: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
						attempts: 1,
						lastError: "Error: injected: KV refuses stuck-story",
					},
				},
			});
		});
		// KV accepts the record again: the next alarm repairs it from the table, which kept the steady version.
		await runDurableObjectAlarm(writer());
		expect(await env.NEWS.get<{ title: string }>(keys.article("stuck-story"), "json")).toMatchObject({
			title: "Steady",
		});
		const health = await request("/healthz");
		expect(health.status).toBe(200);
		expect(await health.json()).toEqual({
			status: "ok",
			checks: { kv: { status: "ok", latencyMs: expect.any(Number) } },
		});
	});
});
