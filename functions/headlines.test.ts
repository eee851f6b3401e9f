import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { forgetHeadlines } from "../src/kv/headlines";
import { keys } from "../src/kv/keys";
import { getJson, minutesAgo, putArticle, request, sampleArticle } from "../test/helpers";

describe("GET /api/headlines", () => {
	it("Should list live headlines newest first with computed ages", async () => {
		await putArticle(
			"older-story",
			sampleArticle({ title: "Older story", publishedAt: minutesAgo(130), section: "world" }),
		);
		await putArticle(
			"newer-story",
			sampleArticle({ title: "Newer story", publishedAt: minutesAgo(5), section: undefined }),
		);
		const { status, body } = await getJson("/api/headlines");
		expect(status).toBe(200);
		expect(body.headlines.slice(0, 2)).toEqual([
			{
				slug: "newer-story",
				title: "Newer story",
				url: "/articles/newer-story",
				section: null,
				source: null,
				publishedAt: expect.any(String),
				age: "5 mins ago",
			},
			expect.objectContaining({ slug: "older-story", section: "world", age: "2 hours ago" }),
		]);
		expect(Date.parse(body.generatedAt)).not.toBeNaN();
	});

	it("Should honour limit", async () => {
		for (const n of [1, 2, 3]) await putArticle(`limit-story-${n}`, sampleArticle({ publishedAt: minutesAgo(n) }));
		const { body } = await getJson("/api/headlines?limit=2");
		expect(body.headlines).toHaveLength(2);
	});

	it.each(["0", "101", "abc", "1.5", "-1", "", "1e2"])("Should answer 400 to limit=%j", async (limit) => {
		const { status, body } = await getJson(`/api/headlines?limit=${limit}`);
		expect(status).toBe(400);
		expect(body).toEqual({ error: "invalid query", issues: [{ path: "limit", message: expect.any(String) }] });
	});

	it("Should answer 400 to an unknown parameter", async () => {
		const { status, body } = await getJson("/api/headlines?limt=5");
		expect(status).toBe(400);
		expect(body.issues[0].path).toBe("limt");
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
