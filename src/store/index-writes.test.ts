// The index projected onto KV at most once a second, on a real Durable Object's SQLite and the
// strict KV binding (on the same hand-moved clock, so a write the code makes too soon fails here).
import { runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { forgetKvWrites, rawKv, strictKv } from "../../test/limits";
import { keys } from "../kv/keys";
import type { HeadlinesIndex } from "../schemas/article";
import { upsertRow } from "./articles-table";
import { flushIndex, indexDirty, indexSignature, lastIndexSignature, projectIndexToKv } from "./index-writes";
import { KV_WRITE_GAP_MS, type PacingClock, pacedKv } from "./kv-pacing";

function handClock(): PacingClock & { advance: (ms: number) => void } {
	let now = Date.now();
	return {
		now: () => now,
		pause: async (ms) => {
			now += ms;
		},
		advance: (ms) => {
			now += ms;
		},
	};
}

function publish(sql: SqlStorage, slug: string, minutesAgo: number): void {
	const publishedAt = new Date(Date.now() - minutesAgo * 60_000).toISOString();
	const article = { slug, title: `Story ${slug}`, publishedAt, body: "x", bodyHtml: "x" };
	upsertRow(sql, { slug, article, sourceId: null, itemKey: null, expiresAt: null });
}

async function kvSlugs(): Promise<string[]> {
	const index = await rawKv(env.NEWS).get<HeadlinesIndex>(keys.headlines, "json");
	return (index?.headlines ?? []).map((h) => h.slug);
}

describe("projectIndexToKv and flushIndex", () => {
	it("Should write at once when the key is free, leave the next change within the second for one trailing write, and count it once", async () => {
		forgetKvWrites();
		const namespace = env.WRITER as unknown as DurableObjectNamespace;
		await runInDurableObject(namespace.get(namespace.idFromName("index-writes")), async (_instance, state) => {
			const sql = state.storage.sql;
			const clock = handClock();
			const kv = pacedKv(sql, strictKv(rawKv(env.NEWS), { now: clock.now }), clock);

			publish(sql, "first", 3);
			expect(await projectIndexToKv(sql, kv)).toMatchObject({ kvWrites: 1 });
			expect(await kvSlugs()).toEqual(["first"]);

			clock.advance(200);
			publish(sql, "second", 2);
			const deferred = await projectIndexToKv(sql, kv);
			expect(deferred.index.headlines.map((h) => h.slug)).toEqual(["second", "first"]);
			expect(deferred).toMatchObject({ kvWrites: 1, trailingAt: clock.now() - 200 + KV_WRITE_GAP_MS });
			publish(sql, "third", 1);
			expect(await projectIndexToKv(sql, kv)).toMatchObject({ kvWrites: 0 });
			expect(await kvSlugs()).toEqual(["first"]);
			expect(indexDirty(sql)).toBe(true);

			expect(await flushIndex(sql, kv)).toBe(true);
			expect(await kvSlugs()).toEqual(["third", "second", "first"]);
			expect(indexDirty(sql)).toBe(false);
			expect(await flushIndex(sql, kv)).toBe(false);

			// Headlines as KV last got them: nothing to write, however soon.
			expect(await projectIndexToKv(sql, kv)).toMatchObject({ kvWrites: 0 });
			expect(lastIndexSignature(sql)).toMatch(/^[0-9a-f]{64}$/);
		});
	});

	it("Should sign the headlines' JSON with SHA-256, ignoring the timestamp", async () => {
		const headlines = [{ slug: "a", title: "A", publishedAt: "2026-11-25T10:00:00.000Z" }];
		const signature = await indexSignature({ updatedAt: "2026-11-25T10:00:00.000Z", headlines });
		expect(signature).toBe(await indexSignature({ updatedAt: "2026-11-26T00:00:00.000Z", headlines }));
		expect(await indexSignature({ updatedAt: "", headlines: [] })).toBe(
			"4f53cda18c2baa0c0354bb5f9a3ecbe5ed12ab4d8e11ba873c2f11161202b945",
		);
	});
});
