// The strict KV binding's own tests: each production rule fires, and only when it should.
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { forgetKvWrites, rawKv, strictKv } from "./kv";
import { KV_LIMITS } from "./rules";

/** A hand-moved clock, so "within a second" never depends on how fast the machine is. */
function manualClock(start = Date.now()) {
	let now = start;
	return {
		now: () => now,
		advance: (ms: number) => {
			now += ms;
		},
	};
}

let clock: ReturnType<typeof manualClock>;
let kv: KVNamespace;

beforeEach(() => {
	forgetKvWrites();
	clock = manualClock();
	kv = strictKv(rawKv(env.NEWS), { now: clock.now });
});

describe("strictKv: one write per key per second", () => {
	it("Should reject a second put to one key within a second as production's 429 and keep the first value", async () => {
		await kv.put("limits:rate", "first");
		clock.advance(999);
		await expect(kv.put("limits:rate", "second")).rejects.toThrow("KV PUT failed: 429 Too Many Requests");
		expect(await kv.get("limits:rate")).toBe("first");
	});

	it("Should accept a put to the same key once a second has passed", async () => {
		await kv.put("limits:rate", "first");
		clock.advance(1000);
		await kv.put("limits:rate", "second");
		expect(await kv.get("limits:rate")).toBe("second");
	});

	it("Should count a delete as a write, before and after a put", async () => {
		await kv.put("limits:rate", "first");
		await expect(kv.delete("limits:rate")).rejects.toThrow("KV DELETE failed: 429 Too Many Requests");
		clock.advance(1000);
		await kv.delete("limits:rate");
		await expect(kv.put("limits:rate", "again")).rejects.toThrow("429 Too Many Requests");
		expect(await kv.get("limits:rate")).toBeNull();
	});

	it("Should let only one of two concurrent puts to one key through", async () => {
		const results = await Promise.allSettled([kv.put("limits:rate", "a"), kv.put("limits:rate", "b")]);
		expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
		expect(await kv.get("limits:rate")).toBe("a");
	});

	it("Should not limit writes to different keys", async () => {
		for (let i = 0; i < 10; i++) await kv.put(`limits:rate:${i}`, "x");
		expect((await kv.list({ prefix: "limits:rate:" })).keys).toHaveLength(10);
	});

	it("Should share the write clock between every strict binding in the isolate", async () => {
		const other = strictKv(rawKv(env.NEWS), { now: clock.now });
		await kv.put("limits:shared", "one");
		await expect(other.put("limits:shared", "two")).rejects.toThrow("429 Too Many Requests");
	});

	it("Should give the slot back when the write itself fails", async () => {
		// Miniflare rejects metadata over 1024 bytes after the harness's checks have passed.
		const metadata = { pad: "x".repeat(2000) };
		await expect(kv.put("limits:released", "v", { metadata })).rejects.toThrow(/413/);
		await kv.put("limits:released", "v");
		expect(await kv.get("limits:released")).toBe("v");
	});

	it("Should read the default clock at each call, so vitest's fake timers move it", async () => {
		const realClock = strictKv(rawKv(env.NEWS));
		await realClock.put("limits:real-clock", "one");
		await expect(realClock.put("limits:real-clock", "two")).rejects.toThrow("429 Too Many Requests");
	});
});

describe("strictKv: keys up to 512 bytes of UTF-8", () => {
	const longest = "k".repeat(KV_LIMITS.maxKeyBytes);
	const tooLong = "k".repeat(KV_LIMITS.maxKeyBytes + 1);
	// 171 euro signs: 171 characters but 513 bytes.
	const tooLongInBytes = "€".repeat(171);

	it("Should accept a 512-byte key", async () => {
		await kv.put(longest, "v");
		expect(await kv.get(longest)).toBe("v");
	});

	it.each([
		["put", (key: string) => kv.put(key, "v"), "KV PUT failed: 414"],
		["get", (key: string) => kv.get(key), "KV GET failed: 414"],
		["getWithMetadata", (key: string) => kv.getWithMetadata(key), "KV GET failed: 414"],
		["delete", (key: string) => kv.delete(key), "KV DELETE failed: 414"],
		["list", (key: string) => kv.list({ prefix: key }), "KV LIST failed: 414"],
	])("Should reject a 513-byte key on %s", async (_op, call, message) => {
		await expect(call(tooLong)).rejects.toThrow(
			`${message} UTF-8 encoded length of 513 exceeds key length limit of 512.`,
		);
	});

	it("Should count the key's UTF-8 bytes, not its characters", async () => {
		await expect(kv.put(tooLongInBytes, "v")).rejects.toThrow("UTF-8 encoded length of 513");
	});
});

describe("strictKv: values up to 25 MiB", () => {
	it("Should reject a value of 25 MiB and one byte, as text or bytes, and store nothing", async () => {
		const bytes = new Uint8Array(KV_LIMITS.maxValueBytes + 1);
		await expect(kv.put("limits:big", bytes)).rejects.toThrow(
			`KV PUT failed: 413 Value length of ${KV_LIMITS.maxValueBytes + 1} exceeds limit of ${KV_LIMITS.maxValueBytes}.`,
		);
		await expect(kv.put("limits:big", "x".repeat(KV_LIMITS.maxValueBytes + 1))).rejects.toThrow("KV PUT failed: 413");
		expect(await kv.get("limits:big")).toBeNull();
	});

	it("Should count a text value's UTF-8 bytes", async () => {
		// About 8.7 million euro signs: a third of the limit in characters, over it in bytes.
		const text = "€".repeat(Math.ceil(KV_LIMITS.maxValueBytes / 3) + 1);
		await expect(kv.put("limits:big", text)).rejects.toThrow("KV PUT failed: 413");
	});
});

describe("strictKv: expiration at least 60 s ahead", () => {
	const secondsAhead = (s: number) => Math.floor(clock.now() / 1000) + s;

	it("Should reject an expiration 59 s ahead and accept one 61 s ahead", async () => {
		const soon = secondsAhead(59);
		await expect(kv.put("limits:expiry", "v", { expiration: soon })).rejects.toThrow(
			`KV PUT failed: 400 Invalid expiration of ${soon}. Expiration times must be at least 60 seconds in the future.`,
		);
		expect(await kv.get("limits:expiry")).toBeNull();
		await kv.put("limits:expiry", "v", { expiration: secondsAhead(61) });
		expect(await kv.get("limits:expiry")).toBe("v");
	});

	it("Should reject an expiration already past", async () => {
		await expect(kv.put("limits:expiry", "v", { expiration: secondsAhead(-5) })).rejects.toThrow(
			"Expiration times must be at least 60 seconds in the future.",
		);
	});

	it("Should reject an expirationTtl under 60 and accept 60", async () => {
		await expect(kv.put("limits:ttl", "v", { expirationTtl: 59 })).rejects.toThrow(
			"KV PUT failed: 400 Invalid expiration_ttl of 59. Expiration TTL must be at least 60.",
		);
		await kv.put("limits:ttl", "v", { expirationTtl: 60 });
		expect(await kv.get("limits:ttl")).toBe("v");
	});

	it("Should not spend the key's write slot on a rejected put", async () => {
		await expect(kv.put("limits:expiry", "v", { expiration: secondsAhead(10) })).rejects.toThrow("400");
		await kv.put("limits:expiry", "v", { expiration: secondsAhead(120) });
	});
});
