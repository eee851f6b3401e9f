// `/api/search` and `/search` through the real Worker: the answer's shape with per-request ages,
// validation, paging, the results page's escaping and its empty page.
import { describe, expect, it } from "vitest";
import { getJson, minutesAgo, putArticle, request, sampleArticle } from "../test/helpers";

async function publish(slug: string, overrides: Record<string, unknown>): Promise<void> {
	const response = await putArticle(slug, sampleArticle(overrides));
	expect(response.status).toBe(201);
}

describe("GET /api/search", () => {
	it("Should find an article by a word only its body has, with its URL, section, age and a snippet", async () => {
		await publish("quay-works", {
			title: "Works on the east quay",
			body: "The contractor brought a pontoon crane across the estuary.\n\n## Next\n\nMore works follow.",
			publishedAt: minutesAgo(20),
		});
		await publish("unrelated", { title: "Market hall opens", body: "Stalls return." });
		const { status, body } = await getJson("/api/search?q=pontoon");
		expect(status).toBe(200);
		expect(body.results).toHaveLength(1);
		const [hit] = body.results;
		expect(hit).toMatchObject({
			slug: "quay-works",
			title: "Works on the east quay",
			url: "/articles/quay-works",
			section: "business",
			age: "20 mins ago",
		});
		expect(hit.snippet).toContain("pontoon crane");
		expect(hit.snippet.includes("\u0002") || hit.snippet.includes("\u0003")).toBe(false);
		expect(body.next).toBeUndefined();
	});

	it("Should answer 400 naming the problem for an empty, overlong or unknown query", async () => {
		for (const [query, words] of [
			["q=", "q"],
			["q=%20%20", "q"],
			[`q=${"a".repeat(201)}`, "q"],
			["q=x&limit=0", "limit"],
			["q=x&cursor=abc", "cursor"],
			["q=x&sort=new", "sort"],
			["", "q"],
		] as const) {
			const response = await request(`/api/search?${query}`);
			expect(response.status, query).toBe(400);
			expect(JSON.stringify(await response.json())).toContain(words);
		}
	});

	it("Should read operators and stray quotes as plain words, never as an error", async () => {
		await publish("council-vote", { title: "Council votes on the tram", body: "A close vote." });
		for (const q of ['"council', "council AND", "NEAR(council", "council -tram", "(council", "council*"]) {
			const { status, body } = await getJson(`/api/search?q=${encodeURIComponent(q)}`);
			expect(status, q).toBe(200);
			expect(Array.isArray(body.results)).toBe(true);
		}
		expect((await getJson("/api/search?q=%22council")).body.results[0].slug).toBe("council-vote");
	});

	it("Should page with `next` until the last page", async () => {
		for (let i = 0; i < 4; i++) await publish(`orchard-${i}`, { title: `Orchard update ${i}`, body: "Trees." });
		const first = await getJson("/api/search?q=orchard&limit=3");
		expect(first.body.results).toHaveLength(3);
		expect(first.body.next).toBe("3");
		const second = await getJson(`/api/search?q=orchard&limit=3&cursor=${first.body.next}`);
		expect(second.body.results).toHaveLength(1);
		expect(second.body.next).toBeUndefined();
	});

	it("Should not find an article once it is deleted", async () => {
		await publish("to-delete", { title: "Grain store sale", body: "Sold." });
		expect((await getJson("/api/search?q=grain")).body.results).toHaveLength(1);
		const deleted = await request("/api/articles/to-delete", {
			method: "DELETE",
			headers: { authorization: "Bearer test-admin-token" },
		});
		expect(deleted.status).toBe(204);
		expect((await getJson("/api/search?q=grain&limit=5")).body.results).toHaveLength(0);
	});
});

describe("GET /search", () => {
	it("Should show results with the matched word marked, and escape the query it echoes", async () => {
		await publish("ferry", { title: "Night ferry returns", body: "The ferry sails at nine." });
		const response = await request("/search?q=ferry");
		expect(response.status).toBe(200);
		const html = await response.text();
		expect(html).toContain('<a class="headline-title" href="/articles/ferry">Night ferry returns</a>');
		expect(html).toMatch(/<mark>ferry<\/mark>/i);
		expect(html).toContain('<meta name="robots" content="noindex"/>');
		const hostile = await (await request(`/search?q=${encodeURIComponent("<script>alert(1)</script>")}`)).text();
		expect(hostile).not.toContain("<script>alert(1)");
		expect(hostile).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
	});

	it("Should answer a search with no results with a helpful page, not an error", async () => {
		const response = await request("/search?q=zebracrossingless");
		expect(response.status).toBe(200);
		const html = await response.text();
		expect(html).toContain("No stories match your search.");
		expect(html).toContain('href="/"');
	});

	it("Should show the search form without a query, and a 400 page for an overlong one", async () => {
		const empty = await request("/search");
		expect(empty.status).toBe(200);
		expect(await empty.text()).toContain('action="/search"');
		expect((await request(`/search?q=${"b".repeat(201)}`)).status).toBe(400);
	});

	it("Should put a labelled search box in every page's masthead", async () => {
		const html = await (await request("/")).text();
		expect(html).toMatch(/<label[^>]*for="masthead-q"[^>]*>/);
		expect(html).toContain('id="masthead-q" name="q" type="search"');
	});
});
