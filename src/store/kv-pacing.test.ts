// KV pacing on a real Durable Object's SQLite, writing through a strict KV binding on the same
// hand-moved clock: a write the pacing lets through is one production would accept.
import { runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { forgetKvWrites, rawKv, strictKv } from "../../test/limits";
import { KV_WRITE_GAP_MS, type PacingClock, pacedKv, pacedNamespace } from "./kv-pacing";

/** A clock that only moves when paused (and records each pause), so no test depends on the machine's speed. */
function handClock(): PacingClock & { pauses: number[]; advance: (ms: number) => void } {
	let now = Date.now();
	const pauses: number[] = [];
	return {
		now: () => now,
		pause: async (ms) => {
			pauses.push(ms);
			now += ms;
		},
		advance: (ms) => {
			now += ms;
		},
		pauses,
	};
}

function inWriter<T>(name: string, body: (sql: SqlStorage) => Promise<T>): Promise<T> {
	const namespace = env.WRITER as unknown as DurableObjectNamespace;
	return runInDurableObject(namespace.get(namespace.idFromName(name)), (_instance, state) => body(state.storage.sql));
}

describe("pacedKv", () => {
	it("Should wait out the rest of the second before writing a key again, and never for another key", async () => {
		forgetKvWrites();
		await inWriter("pacing-same-key", async (sql) => {
			const clock = handClock();
			const kv = pacedKv(sql, strictKv(rawKv(env.NEWS), { now: clock.now }), clock);
			await kv.put("pacing:a", "1");
			await kv.put("pacing:b", "1");
			expect(clock.pauses).toEqual([]);
			clock.advance(300);
			await kv.put("pacing:a", "2");
			await kv.delete("pacing:a");
			expect(clock.pauses).toEqual([KV_WRITE_GAP_MS - 300, KV_WRITE_GAP_MS]);
			expect(await env.NEWS.get("pacing:a")).toBeNull();
			expect(await env.NEWS.get("pacing:b")).toBe("1");
		});
	});

	it("Should count a failed write as a write, and remember it across instances over the same table", async () => {
		await inWriter("pacing-restart", async (sql) => {
			const clock = handClock();
			const refusing = { put: () => Promise.reject(new Error("KV PUT failed: 503")) } as unknown as KVNamespace;
			await expect(pacedKv(sql, refusing, clock).put("pacing:c", "1")).rejects.toThrow("503");
			const again = pacedKv(sql, rawKv(env.NEWS), clock);
			expect(again.freeAt("pacing:c")).toBe(clock.now() + KV_WRITE_GAP_MS);
			await again.put("pacing:c", "2");
			expect(clock.pauses).toEqual([KV_WRITE_GAP_MS]);
		});
	});

	it("Should free a key the moment its second is over", async () => {
		await inWriter("pacing-free", async (sql) => {
			const clock = handClock();
			const kv = pacedKv(sql, rawKv(env.NEWS), clock);
			expect(kv.freeAt("pacing:never")).toBe(Number.NEGATIVE_INFINITY);
			await kv.put("pacing:d", "1");
			clock.advance(KV_WRITE_GAP_MS);
			await kv.waitFor("pacing:d");
			expect(clock.pauses).toEqual([]);
		});
	});
});

describe("pacedNamespace", () => {
	it("Should pace puts and deletes and pass reads straight through", async () => {
		await inWriter("pacing-namespace", async (sql) => {
			const clock = handClock();
			const kv = pacedNamespace(rawKv(env.NEWS), pacedKv(sql, rawKv(env.NEWS), clock));
			await kv.put("pacing:e", "1");
			await kv.put("pacing:e", "2");
			expect(clock.pauses).toEqual([KV_WRITE_GAP_MS]);
			expect(await kv.get("pacing:e")).toBe("2");
		});
	});
});
