// Regression tests for issue 9, finding 5e: a section keeps the name its editor wrote. "Opinion"
// used to come back as "opinion" from the JSON API, the JSON-LD, OpenGraph and the rail; the name
// is now kept as written and only the URL slug, lookups, grouping and the config match are derived.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { forgetHeadlines } from "../../src/kv/headlines";
import { keys } from "../../src/kv/keys";
import { forgetLists } from "../../src/kv/lists";
import { getJson, minutesAgo, putArticle, request, sampleArticle } from "../helpers";
import { settleStore } from "../limits";
import { rawKv } from "../limits/kv";

/** Each case renders several pages; the first in a fresh isolate also warms it. */
const TIMEOUT = 30_000;

async function html(path: string): Promise<string> {
	const response = await request(path);
	expect(response.status, path).toBe(200);
	return response.text();
}

function meta(page: string, key: string): string[] {
	const pattern = new RegExp(`<meta (?:name|property)="${key}" content="([^"]*)"/>`, "g");
	return [...page.matchAll(pattern)].map((m) => m[1]!);
}

function jsonLd(page: string): { articleSection?: string } {
	return JSON.parse(/<script type="application\/ld\+json">([^<]*)<\/script>/.exec(page)![1]!);
}

describe("production: a section written with capitals", () => {
	it(
		"Should keep its display name in the JSON API, JSON-LD, OpenGraph, the rail and the masthead, its slug in URLs",
		async () => {
			const written = await putArticle(
				"op-ed-harbour",
				sampleArticle({ title: "Why the quay matters", section: "Opinion", publishedAt: minutesAgo(20) }),
			);
			expect(written.status).toBe(201);
			expect(((await written.json()) as { section: string }).section).toBe("Opinion");
			await putArticle("beside-op-ed", sampleArticle({ title: "Tide tables", section: "business" }));

			expect((await getJson("/api/articles/op-ed-harbour")).body.section).toBe("Opinion");
			const listed = (await getJson("/api/headlines?limit=50")).body.headlines as { slug: string; section: string }[];
			expect(listed.find((h) => h.slug === "op-ed-harbour")?.section).toBe("Opinion");

			const page = await html("/articles/op-ed-harbour");
			expect(jsonLd(page).articleSection).toBe("Opinion");
			expect(meta(page, "article:section")).toEqual(["Opinion"]);
			expect(page).toContain('<p class="section-label"><a href="/sections/opinion">Opinion</a></p>');
			expect(page).toContain('<a href="/sections/opinion" aria-current="page">Opinion</a>');
			// OPINION_SECTIONS = "opinion" in wrangler.toml: matched by slug, whatever the capitals.
			expect(page).toContain(`<p class="disclaimer">${env.OPINION_DISCLAIMER.replace("'", "&#39;")}</p>`);

			const rail = await html("/articles/beside-op-ed");
			expect(rail).toContain('<span class="section">Opinion · </span>');
			const section = await html("/sections/opinion");
			expect(section).toContain('<h1 id="list-title" class="page-title">Opinion</h1>');
			expect((await html("/feed.xml")).includes('<category term="Opinion"/>')).toBe(true);
		},
		TIMEOUT,
	);

	it(
		"Should group two spellings as one section, shown by the newest article's spelling",
		async () => {
			await putArticle("spelt-old", sampleArticle({ section: "harbour life", publishedAt: minutesAgo(40) }));
			await putArticle("spelt-new", sampleArticle({ section: "Harbour Life", publishedAt: minutesAgo(4) }));
			await settleStore();
			const page = await html("/sections/harbour-life");
			expect(page).toContain('<h1 id="list-title" class="page-title">Harbour Life</h1>');
			expect(page).toContain('<a href="/sections/harbour-life" aria-current="page">Harbour Life</a>');
			expect([...page.matchAll(/href="\/sections\/harbour-life"/g)]).toHaveLength(1);
			const list = /<ol class="headlines">(.*?)<\/ol>/s.exec(page)?.[1] ?? "";
			expect([...list.matchAll(/<a href="\/articles\/([a-z0-9-]+)">/g)].map((m) => m[1])).toEqual([
				"spelt-new",
				"spelt-old",
			]);
		},
		TIMEOUT,
	);

	it(
		"Should still read a record stored lowercased before this change, and headline it with a capital",
		async () => {
			const article = {
				slug: "legacy-section",
				title: "Stored before",
				section: "real estate",
				publishedAt: minutesAgo(3),
				body: "Old.",
				bodyHtml: "<p>Old.</p>",
			};
			const kv = rawKv(env.NEWS);
			await kv.put(keys.article(article.slug), JSON.stringify(article));
			const index = { updatedAt: new Date().toISOString(), headlines: [{ ...article, body: undefined }] };
			await kv.put(keys.headlines, JSON.stringify(index));
			await kv.put(keys.listDirectory("s:real-estate"), JSON.stringify({ chunks: ["first"] }));
			await kv.put(
				keys.listChunk("s:real-estate", "first"),
				JSON.stringify({ lo: "first", headlines: index.headlines, tail: [] }),
			);
			forgetHeadlines();
			forgetLists();
			expect((await getJson("/api/articles/legacy-section")).body.section).toBe("real estate");
			const page = await html("/sections/real-estate");
			expect(page).toContain('<h1 id="list-title" class="page-title">Real estate</h1>');
			expect(page).toContain('<a href="/sections/real-estate" aria-current="page">real estate</a>');
		},
		TIMEOUT,
	);
});
