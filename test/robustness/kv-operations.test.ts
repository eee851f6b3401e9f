// Issue #5's budget test: KV operations per request, counted through an instrumented binding.
// `/api/headlines` at most 1 read (0 when warm in memory), an article page at most 2, no list()
// on any request path; and what each admin write costs the StoreWriter.
import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { app } from "../../functions/index";
import { ADMIN_TOKEN, minutesAgo, ORIGIN, putArticle, sampleArticle } from "../helpers";
import { settleStore } from "../limits";
import { type InstrumentedKv, instrumentKv, type KvCall, withStoreKv } from "./instrumented-kv";

const SLUGS = Array.from({ length: 12 }, (_, i) => `budget-story-${i}`);
const SECTION = "business";

/** One request through the app with `NEWS` instrumented; the same `bindings` object keeps isolate memory warm. */
async function fetchWith(bindings: typeof env, path: string, init?: RequestInit): Promise<Response> {
	const ctx = createExecutionContext();
	const response = await app.fetch(new Request(`${ORIGIN}${path}`, init), bindings, ctx);
	await response.arrayBuffer();
	await waitOnExecutionContext(ctx);
	return response;
}

function counting(): { counter: InstrumentedKv; bindings: typeof env } {
	const counter = instrumentKv(env.NEWS);
	return { counter, bindings: { ...env, NEWS: counter.kv } };
}

// Storage lives for the whole file (the plugin isolates files, not tests), so seed once.
beforeAll(async () => {
	for (const [i, slug] of SLUGS.entries()) {
		const response = await putArticle(
			slug,
			sampleArticle({ title: `Budget ${i}`, publishedAt: minutesAgo(i * 7 + 3) }),
		);
		expect(response.status).toBe(201);
	}
});

describe("KV reads per request", () => {
	it("Should read /api/headlines with one KV read cold and none warm", async () => {
		const { counter, bindings } = counting();
		expect((await fetchWith(bindings, "/api/headlines")).status).toBe(200);
		expect(counter.calls).toEqual([{ op: "get", key: "v1:headlines" }]);
		counter.reset();
		expect((await fetchWith(bindings, "/api/headlines?limit=5")).status).toBe(200);
		expect(counter.calls).toEqual([]);
	});

	it("Should let another isolate in the same data center read the index from its cache, with no KV read", async () => {
		const first = counting();
		expect((await fetchWith(first.bindings, "/api/headlines")).status).toBe(200);
		expect(first.counter.reads()).toBe(1);
		// A second bindings object has no isolate memory of its own, like a second isolate.
		const second = counting();
		expect((await fetchWith(second.bindings, "/api/headlines")).status).toBe(200);
		expect(second.counter.calls).toEqual([]);
	});

	it("Should serve an article page with two KV reads cold (the article and the rail's index) and none warm", async () => {
		const { counter, bindings } = counting();
		expect((await fetchWith(bindings, `/articles/${SLUGS[3]}`)).status).toBe(200);
		expect(counter.calls).toEqual([
			{ op: "get", key: `v1:article:${SLUGS[3]}` },
			{ op: "get", key: "v1:headlines" },
		]);
		counter.reset();
		expect((await fetchWith(bindings, `/articles/${SLUGS[3]}`)).status).toBe(200);
		expect(counter.calls).toEqual([]);
	});

	it("Should serve the home page and the article JSON with one KV read each: the index, the article", async () => {
		const home = counting();
		expect((await fetchWith(home.bindings, "/")).status).toBe(200);
		expect(home.counter.calls).toEqual([{ op: "get", key: "v1:headlines" }]);
		const json = counting();
		expect((await fetchWith(json.bindings, `/api/articles/${SLUGS[0]}`)).status).toBe(200);
		expect(json.counter.calls).toEqual([{ op: "get", key: `v1:article:${SLUGS[0]}` }]);
	});

	it("Should never list keys, write, or read more than two keys on any GET route, found or not", async () => {
		const routes = app.routes.filter((r) => r.method === "GET" || r.method === "ALL").map((r) => r.path);
		// The article page first: a later route reading the same article (its JSON) would leave it in the isolate's copy.
		const paths = new Set<string>([
			`/articles/${SLUGS[1]}`,
			"/no-such-page",
			"/articles/no-such-story",
			"/api/articles/no-such-story",
		]);
		for (const route of routes) {
			if (route.includes("*")) continue;
			paths.add(route.replace(":section", SECTION).replace(/:[A-Za-z]+/g, SLUGS[1] as string));
		}
		expect(paths.size).toBeGreaterThan(8);
		const articlePage = `/articles/${SLUGS[1]}`;
		expect(paths).toContain(articlePage);
		const seen = new Map<string, KvCall[]>();
		for (const path of paths) {
			for (const auth of [{}, { authorization: `Bearer ${ADMIN_TOKEN}` }] as Record<string, string>[]) {
				const { counter, bindings } = counting();
				const response = await fetchWith(bindings, path, { headers: auth });
				expect(response.status, path).toBeLessThan(500);
				expect(counter.count("list"), `${path} lists keys`).toBe(0);
				expect(counter.writes(), `${path} writes`).toBe(0);
				expect(counter.reads(), `${path} reads ${JSON.stringify(counter.calls)}`).toBeLessThanOrEqual(2);
				if (!auth.authorization) seen.set(path, [...counter.calls]);
			}
		}
		// The sweep counted for real: the article page read its article (the rail's index may come from the cache
		// an earlier route filled, so only the article's read is certain here).
		expect(seen.get(articlePage)).toContainEqual({ op: "get", key: `v1:article:${SLUGS[1]}` });
	});
});

describe("KV writes per admin operation", () => {
	it("Should cost the StoreWriter the article, the index and the derived values it changed, and never a read or list", async () => {
		const counter = instrumentKv(env.NEWS);
		const publishedAt = minutesAgo(1);
		await withStoreKv(counter.kv, async () => {
			expect((await putArticle("budget-new", sampleArticle({ publishedAt }))).status).toBe(201);
			await settleStore();
			// Its archive day, the list chunks it joins and its month's sitemap, then (by the alarm) the sitemap
			// index; a new list's directory or day's month too, but earlier tests here wrote those, so they are unchanged.
			expect(counter.calls).toEqual([
				{ op: "put", key: "v1:article:budget-new" },
				{ op: "put", key: "v1:headlines" },
				{ op: "put", key: `v1:archive:${publishedAt.slice(0, 10)}` },
				{ op: "put", key: "v1:list:home:c:first" },
				{ op: "put", key: "v1:list:s:business:c:first" },
				{ op: "put", key: `v1:sitemap:${publishedAt.slice(0, 7)}` },
				{ op: "put", key: "v1:sitemap:index" },
			]);
			counter.reset();
			// A body-only edit leaves the index, the lists and the sitemap as they were: one write.
			const edited = sampleArticle({ publishedAt, body: "A corrected paragraph." });
			expect((await putArticle("budget-new", edited)).status).toBe(200);
			expect(counter.calls).toEqual([{ op: "put", key: "v1:article:budget-new" }]);
			counter.reset();
			const deleted = await fetchWith(env, "/api/articles/budget-new", {
				method: "DELETE",
				headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
			});
			expect(deleted.status).toBe(204);
			await settleStore();
			expect(counter.calls).toEqual([
				{ op: "delete", key: "v1:article:budget-new" },
				{ op: "put", key: "v1:headlines" },
				{ op: "put", key: `v1:archive:${publishedAt.slice(0, 10)}` },
				{ op: "put", key: "v1:list:home:c:first" },
				{ op: "put", key: "v1:list:s:business:c:first" },
				{ op: "put", key: `v1:sitemap:${publishedAt.slice(0, 7)}` },
				{ op: "put", key: "v1:sitemap:index" },
			]);
		});
	});
});
