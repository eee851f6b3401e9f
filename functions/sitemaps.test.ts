// The sitemaps' coverage on a store of its own: the URLs the sitemap index leads to are exactly the
// live articles, through publishes across months, deletions and a scheduled story.
import { reset } from "cloudflare:test";
import { beforeEach, describe, expect, it } from "vitest";
import { adminHeaders, minutesAgo, ORIGIN, putArticle, request, sampleArticle } from "../test/helpers";
import { settleStore } from "../test/limits";

beforeEach(async () => {
	await reset();
});

function locs(xml: string): string[] {
	return [...xml.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1]!);
}

/** Every article URL the sitemap index leads to, each sitemap checked for form. */
async function sitemapArticleUrls(): Promise<string[]> {
	const index = await (await request("/sitemap.xml")).text();
	const urls: string[] = [];
	for (const loc of locs(index)) {
		const response = await request(new URL(loc).pathname);
		expect(response.status, loc).toBe(200);
		const xml = await response.text();
		urls.push(...locs(xml).filter((u) => u.includes("/articles/")));
	}
	return urls;
}

describe("The sitemaps' coverage", () => {
	it("Should list exactly the live articles: none deleted, none scheduled for later", async () => {
		const live = new Set<string>();
		for (let i = 0; i < 12; i++) {
			const slug = `story-${i}`;
			await putArticle(slug, sampleArticle({ title: `Story ${i}`, publishedAt: minutesAgo(i * 9 * 24 * 60 + 5) }));
			live.add(`${ORIGIN}/articles/${slug}`);
		}
		await putArticle("later", sampleArticle({ title: "Later", publishedAt: minutesAgo(-90) }));
		await settleStore();
		for (const slug of ["story-3", "story-11"]) {
			const deleted = await request(`/api/articles/${slug}`, { method: "DELETE", headers: adminHeaders() });
			expect(deleted.status).toBe(204);
			live.delete(`${ORIGIN}/articles/${slug}`);
		}
		await settleStore();
		const urls = await sitemapArticleUrls();
		expect(urls.length).toBe(new Set(urls).size);
		expect(new Set(urls)).toEqual(live);
	});

	it("Should drop a month from the index once its last article is gone", async () => {
		await putArticle("only-one", sampleArticle({ publishedAt: minutesAgo(200 * 24 * 60) }));
		await settleStore();
		const month = minutesAgo(200 * 24 * 60).slice(0, 7);
		expect(locs(await (await request("/sitemap.xml")).text())).toContain(`${ORIGIN}/sitemaps/${month}.xml`);
		expect((await request("/api/articles/only-one", { method: "DELETE", headers: adminHeaders() })).status).toBe(204);
		await settleStore();
		expect(locs(await (await request("/sitemap.xml")).text())).not.toContain(`${ORIGIN}/sitemaps/${month}.xml`);
		expect((await request(`/sitemaps/${month}.xml`)).status).toBe(404);
	});
});
