// KV staying down in the middle of an admin write: the StoreWriter's rollback cannot reach KV
// either. Kept in its own file (its own storage) because it leaves KV behind the table for a while.
//
// The article record is written first; when the index write then fails and KV is still down,
// restore()'s own KV write fails too. The StoreWriter's table is rolled back at once, the slug is
// remembered, and its alarm re-projects the record from the table once KV answers again (so does
// the next write). These tests pin both halves: the request fails cleanly, and once KV is back
// the repair leaves exactly the earlier data.

import { runDurableObjectAlarm } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import type { StoreWriter } from "../../src/store/writer";
import { adminHeaders, minutesAgo, putArticle, request, sampleArticle } from "../helpers";
import { settleStore } from "../limits";
import { expectCleanError, failWrite, storedState } from "./faults";
import { instrumentKv, withStoreKv } from "./instrumented-kv";

const STEADY = minutesAgo(90);

beforeAll(async () => {
	for (const slug of ["outage-replaced", "outage-deleted"]) {
		expect((await putArticle(slug, sampleArticle({ title: `Steady ${slug}`, publishedAt: STEADY }))).status).toBe(201);
	}
});

const WRITES: { name: string; act: () => Promise<Response> }[] = [
	{
		name: "publishing a new article",
		act: () => putArticle("outage-new", sampleArticle({ publishedAt: minutesAgo(2) })),
	},
	{
		name: "replacing an article",
		act: () => putArticle("outage-replaced", sampleArticle({ title: "Rewritten", publishedAt: minutesAgo(3) })),
	},
	{
		name: "deleting an article",
		act: () => request("/api/articles/outage-deleted", { method: "DELETE", headers: adminHeaders() }),
	},
];

describe("admin writes during a KV outage", () => {
	for (const write of WRITES) {
		it(`Should restore the earlier data once KV is back after it went down during ${write.name}`, async () => {
			// The setup's own trailing writes (lists, sitemaps) land first, so "before" is the settled state.
			await settleStore();
			const before = await storedState();
			const response = await withStoreKv(instrumentKv(env.NEWS, failWrite(2, true)).kv, write.act);
			await expectCleanError(response);
			// The table is already back; KV catches up when the repair alarm runs with KV answering.
			expect((await storedState()).table).toEqual(before.table);
			const namespace = env.WRITER as unknown as DurableObjectNamespace<StoreWriter>;
			expect(await runDurableObjectAlarm(namespace.get(namespace.idFromName("main")))).toBe(true);
			expect(await storedState()).toEqual(before);
		});
	}
});
