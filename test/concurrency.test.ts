// KV is last-write-wins with no transactions: a naive read-modify-write of the headlines index
// drops entries when writers overlap. Every write goes through the StoreWriter Durable Object,
// so overlapping editors must all land, exactly once.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { keys } from "../src/kv/keys";
import { adminHeaders, minutesAgo, putArticle, request, sampleArticle } from "./helpers";
import { settleStore } from "./limits";

async function indexSlugs(): Promise<string[]> {
	// The StoreWriter writes the index at most once a second: KV holds it once the trailing write has landed.
	await settleStore();
	const index = await env.NEWS.get<{ headlines: { slug: string }[] }>(keys.headlines, "json");
	return (index?.headlines ?? []).map((h) => h.slug);
}

describe("concurrent writers", () => {
	it("Should keep every one of 30 simultaneous publications in the index, once", async () => {
		const slugs = Array.from({ length: 30 }, (_, i) => `parallel-${i}`);
		const responses = await Promise.all(
			slugs.map((slug, i) =>
				putArticle(slug, sampleArticle({ title: `Parallel ${i}`, publishedAt: minutesAgo(i + 1) })),
			),
		);
		expect(responses.map((r) => r.status)).toEqual(slugs.map(() => 201));
		const listed = await indexSlugs();
		expect(listed.filter((s) => s.startsWith("parallel-"))).toEqual(slugs);
		for (const slug of slugs) expect(await env.NEWS.get(keys.article(slug))).not.toBeNull();
	});

	it("Should agree with the articles after interleaved creates, updates and deletes", async () => {
		await Promise.all(
			[1, 2, 3, 4, 5, 6].map((n) => putArticle(`mixed-${n}`, sampleArticle({ publishedAt: minutesAgo(n) }))),
		);
		await Promise.all([
			...[1, 2, 3].map((n) => request(`/api/articles/mixed-${n}`, { method: "DELETE", headers: adminHeaders() })),
			...[4, 5, 6].map((n) =>
				putArticle(`mixed-${n}`, sampleArticle({ title: `Updated ${n}`, publishedAt: minutesAgo(n) })),
			),
			...[7, 8].map((n) => putArticle(`mixed-${n}`, sampleArticle({ publishedAt: minutesAgo(n) }))),
		]);
		const listed = (await indexSlugs()).filter((s) => s.startsWith("mixed-"));
		expect(listed).toEqual(["mixed-4", "mixed-5", "mixed-6", "mixed-7", "mixed-8"]);
		for (const n of [1, 2, 3]) expect(await env.NEWS.get(keys.article(`mixed-${n}`))).toBeNull();
		const updated = await env.NEWS.get<{ title: string }>(keys.article("mixed-5"), "json");
		expect(updated?.title).toBe("Updated 5");
	});
});
