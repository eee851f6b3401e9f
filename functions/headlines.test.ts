import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { forgetHeadlines } from "../src/kv/headlines";
import { keys } from "../src/kv/keys";
import { getJson, minutesAgo, putArticle, request, sampleArticle } from "../test/helpers";

describe("GET /api/headlines", () => {
	it("Should list live headlines newest first with computed ages", async () => {
		const olderAt = minutesAgo(130);
		const newerAt = minutesAgo(5);
		await putArticle("older-story", sampleArticle({ title: "Older story", publishedAt: olderAt, section: "world" }));
		await putArticle("newer-story", sampleArticle({ title: "Newer story", publishedAt: newerAt, section: undefined }));
		const asked = Date.now();
		const { status, body } = await getJson("/api/headlines");
		const answered = Date.now();
		expect(status).toBe(200);
		expect(body.headlines.slice(0, 2)).toEqual([
			{
				slug: "newer-story",
				title: "Newer story",
				url: "/articles/newer-story",
				section: null,
				source: null,
				publishedAt: newerAt,
				age: "5 mins ago",
			},
			{
				slug: "older-story",
				title: "Older story",
				url: "/articles/older-story",
				section: "world",
				source: null,
				publishedAt: olderAt,
				age: "2 hours ago",
			},
		]);
		// The request's own clock reading, taken between sending it and the answer.
		expect(body.generatedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
		expect(Date.parse(body.generatedAt)).toBeGreaterThanOrEqual(asked);
		expect(Date.parse(body.generatedAt)).toBeLessThanOrEqual(answered);
	});

	it("Should give exactly the newest `limit` headlines", async () => {
		for (const n of [1, 2, 3]) await putArticle(`limit-story-${n}`, sampleArticle({ publishedAt: minutesAgo(n) }));
		const { status, body } = await getJson("/api/headlines?limit=2");
		expect(status).toBe(200);
		expect(body.headlines.map((h: { slug: string }) => h.slug)).toEqual(["limit-story-1", "limit-story-2"]);
	});

	it.each(["0", "101", "abc", "1.5", "-1", "", "1e2"])("Should answer 400 to limit=%j", async (limit) => {
		const { status, body } = await getJson(`/api/headlines?limit=${limit}`);
		expect(status).toBe(400);
		expect(body).toEqual({
			error: "invalid query",
			issues: [{ path: "limit", message: "must be a whole number from 1 to 100" }],
		});
	});

	it("Should answer 400 to an unknown parameter", async () => {
		const { status, body } = await getJson("/api/headlines?limt=5");
		expect(status).toBe(400);
		expect(body).toEqual({
			error: "invalid query",
			issues: [{ path: "limt", message: 'Invalid key: Expected never but received "limt"' }],
		});
	});

	it("Should answer a clear 500 when the stored index is corrupt", async () => {
		await env.NEWS.put(keys.headlines, '{"headlines": "not a list"}');
		forgetHeadlines();
		const { status, body } = await getJson("/api/headlines");
		expect(status).toBe(500);
		expect(body).toEqual({ error: "the headlines index is unreadable" });
		const page = await request("/");
		expect(page.status).toBe(500);
		expect(await page.text()).toContain("The headlines are unreadable right now.");
	});
});
