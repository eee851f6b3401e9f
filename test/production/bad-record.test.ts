// Regression tests for issue 9, finding 1: one bad record harms only itself. A headline entry that
// fails its schema is dropped from the lists (and logged) instead of turning each of them into a 500,
// and every stored record, whatever it holds, can still be replaced and deleted through the API.
import { runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it, vi } from "vitest";
import { forgetHeadlines } from "../../src/kv/headlines";
import { keys } from "../../src/kv/keys";
import { forgetLists } from "../../src/kv/lists";
import type { StoreWriter } from "../../src/store/writer";
import { adminHeaders, minutesAgo, putArticle, request, sampleArticle } from "../helpers";
import { rawKv } from "../limits/kv";

/** Each case renders several pages; the first in a fresh isolate also warms it. */
const TIMEOUT = 30_000;

const LIST_PATHS = ["/", "/sections/business", "/api/headlines", "/feed.xml", "/news-sitemap.xml"];

/** Stored state as a test sets it up: written beside the API, not a production write, so no write clock. */
async function store(key: string, text: string): Promise<void> {
	await rawKv(env.NEWS).put(key, text);
	forgetHeadlines();
}

function headline(slug: string, minutes: number) {
	return { slug, title: `Story ${slug}`, section: "business", publishedAt: minutesAgo(minutes) };
}

function writer(): DurableObjectStub<StoreWriter> {
	const namespace = env.WRITER as unknown as DurableObjectNamespace<StoreWriter>;
	return namespace.get(namespace.idFromName("main"));
}

function remove(slug: string): Promise<Response> {
	return request(`/api/articles/${slug}`, { method: "DELETE", headers: adminHeaders() });
}

afterEach(() => {
	vi.restoreAllMocks();
});

describe("production: a headline entry that fails its schema", () => {
	it(
		"Should be dropped from every list and logged, while the other entries are still listed",
		async () => {
			const errors = vi.spyOn(console, "error").mockImplementation(() => {});
			const far = { ...headline("far-future", 1), publishedAt: "+010000-01-01T04:59:59.000Z" };
			const broken = { slug: "no-title", publishedAt: minutesAgo(3) };
			const index = {
				updatedAt: new Date().toISOString(),
				headlines: [far, headline("good-newer", 2), broken, headline("good-older", 4)],
			};
			await store(keys.headlines, JSON.stringify(index));
			// The section's list holds the same entries (src/store/list-chunks.ts): one bad entry there costs only itself too.
			await store(keys.listDirectory("s:business"), JSON.stringify({ chunks: ["first"] }));
			await store(
				keys.listChunk("s:business", "first"),
				JSON.stringify({ lo: "first", headlines: index.headlines, tail: [] }),
			);
			forgetLists();
			for (const path of LIST_PATHS) {
				const response = await request(path);
				expect(response.status, path).toBe(200);
				const body = await response.text();
				expect(body, path).toContain("/articles/good-newer");
				expect(body, path).toContain("/articles/good-older");
				expect(body, path).not.toContain("far-future");
				expect(body, path).not.toContain("no-title");
			}
			const logged = errors.mock.calls.map(([line]) => JSON.parse(String(line)));
			// Validated once while this isolate holds the text, not once per request.
			expect(logged).toEqual([
				{
					event: "kv.corrupt",
					key: keys.headlines,
					entry: 0,
					slug: "far-future",
					detail: expect.stringContaining("publishedAt: "),
				},
				{ event: "kv.corrupt", key: keys.headlines, entry: 2, slug: "no-title", detail: expect.any(String) },
				// And once in the section's list chunk.
				{
					event: "kv.corrupt",
					key: keys.listChunk("s:business", "first"),
					entry: 0,
					slug: "far-future",
					detail: expect.stringContaining("publishedAt: "),
				},
				{
					event: "kv.corrupt",
					key: keys.listChunk("s:business", "first"),
					entry: 2,
					slug: "no-title",
					detail: expect.any(String),
				},
			]);
		},
		TIMEOUT,
	);

	it("Should still answer 500 when the index itself is not an object holding a list", async () => {
		vi.spyOn(console, "error").mockImplementation(() => {});
		await store(keys.headlines, '{"updatedAt":"2026-11-25T10:00:00.000Z","headlines":"not a list"}');
		expect((await request("/api/headlines")).status).toBe(500);
		await store(keys.headlines, JSON.stringify({ updatedAt: new Date().toISOString(), headlines: [] }));
	});
});

describe("production: replacing and deleting a stored record, whatever it holds", () => {
	it("Should replace, then delete, an article whose KV record fails its schema", async () => {
		vi.spyOn(console, "error").mockImplementation(() => {});
		expect((await putArticle("corrupt-record", sampleArticle())).status).toBe(201);
		await store(keys.article("corrupt-record"), '{"slug":"corrupt-record","title":42}');
		expect((await request("/api/articles/corrupt-record")).status).toBe(500);

		const replaced = await putArticle("corrupt-record", sampleArticle({ title: "Put right" }));
		expect(replaced.status).toBe(200);
		expect(((await (await request("/api/articles/corrupt-record")).json()) as { title: string }).title).toBe(
			"Put right",
		);
		await store(keys.article("corrupt-record"), "not json at all");
		expect((await remove("corrupt-record")).status).toBe(204);
		expect((await request("/api/articles/corrupt-record")).status).toBe(404);
	});

	it("Should replace, then delete, an article whose StoreWriter row fails its schema", async () => {
		vi.spyOn(console, "error").mockImplementation(() => {});
		// The row a PUT stored before the date domain was fixed: a year-10000 date the schema refuses.
		const corrupt = async (slug: string) => {
			expect((await putArticle(slug, sampleArticle())).status).toBe(201);
			await runInDurableObject(writer(), (_instance, state) => {
				const json = JSON.stringify({ ...sampleArticle(), slug, publishedAt: "+010000-01-01T04:59:59.000Z" });
				state.storage.sql.exec("UPDATE articles SET json = ? WHERE slug = ?", json, slug);
			});
		};
		await corrupt("corrupt-row");
		const replaced = await putArticle("corrupt-row", sampleArticle({ title: "Row put right" }));
		expect(replaced.status).toBe(200);
		expect(((await replaced.json()) as { title: string }).title).toBe("Row put right");
		expect((await request("/api/articles/corrupt-row")).status).toBe(200);
		await corrupt("corrupt-row-again");
		expect((await remove("corrupt-row-again")).status).toBe(204);
		expect((await request("/api/articles/corrupt-row-again")).status).toBe(404);
		const listed = await (await request("/api/headlines?limit=50")).text();
		expect(listed).toContain("/articles/corrupt-row");
		expect(listed).not.toContain("corrupt-row-again");
	});
});
