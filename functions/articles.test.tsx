import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { keys } from "../src/kv/keys";
import { getJson, minutesAgo, putArticle, request, sampleArticle } from "../test/helpers";
import { liveCodeFindings } from "../test/page-safety";

async function html(path: string): Promise<{ status: number; text: string; type: string | null }> {
	const response = await request(path);
	return { status: response.status, text: await response.text(), type: response.headers.get("content-type") };
}

describe("GET /articles/:slug", () => {
	it("Should render every part of an article page", async () => {
		await putArticle(
			"port-reopens",
			sampleArticle({
				image: {
					url: "https://img.example/crane.jpg",
					alt: "A crane at dusk",
					width: 1200,
					height: 800,
					credit: "Photo: edgewire",
				},
			}),
		);
		await putArticle("rail-story", sampleArticle({ title: "Rail freight doubles", publishedAt: minutesAgo(75) }));
		const page = await html("/articles/port-reopens");
		expect(page.status).toBe(200);
		expect(page.type).toMatch(/^text\/html/);
		expect(page.text).toMatch(/^<!DOCTYPE html>/);
		expect(page.text).toContain('<p class="section-label"><a href="/sections/business">business</a></p>');
		expect(page.text).toContain("<h1>Harbour cranes return to the east quay</h1>");
		expect(page.text).toContain("The port&#39;s last two cranes are back in service");
		expect(page.text).toContain("By Ines Marlow");
		expect(page.text).toMatch(/<time datetime="[^"]+Z" data-age="">30 mins ago<\/time>/);
		expect(page.text).toContain("<h2>What changes for shippers?</h2>");
		expect(page.text).toContain(
			'<img src="https://img.example/crane.jpg" alt="A crane at dusk" width="1200" height="800"',
		);
		expect(page.text).toContain("<figcaption>Photo: edgewire</figcaption>");
		expect(page.text).toContain("Ines Marlow covers shipping and trade for edgewire.");
		expect(page.text).toContain('<a href="https://port.example/news/cranes" rel="noopener nofollow">Source link</a>');
		expect(page.text).not.toContain("writer&#39;s own");
		// The rail lists other headlines with their ages.
		expect(page.text).toMatch(/<a href="\/articles\/rail-story">Rail freight doubles<\/a>.*about 1 hour ago/s);
	});

	it("Should carry the disclaimer in opinion sections only", async () => {
		await putArticle("my-view", sampleArticle({ section: "Opinion" }));
		expect((await html("/articles/my-view")).text).toContain(
			"The views expressed in this article are the writer&#39;s own.",
		);
	});

	it("Should omit the source link when there is none", async () => {
		await putArticle("own-reporting", sampleArticle({ sourceUrl: undefined }));
		expect((await html("/articles/own-reporting")).text).not.toContain("Source link");
	});

	it("Should escape every text field and sanitize the body", async () => {
		await putArticle(
			"hostile-input",
			sampleArticle({
				title: "<script>alert('t')</script>",
				dek: '"><img src=x onerror=alert(1)>',
				author: { name: "<b>Eve</b>", bio: "<iframe src=//evil.example></iframe>" },
				body: 'Hello <script>alert(1)</script>\n\n[click](javascript:alert(2)) <img src=x onerror=alert(3)> <a href="data:text/html,x">d</a>\n\n<style>body{}</style><iframe src="https://evil.example"></iframe>',
			}),
		);
		const served = (await html("/articles/hostile-input")).text;
		// The JSON-LD data block carries the title as data: no "<" can end it early, and it reads back
		// intact. It is not executable (a data block), so it is set aside before looking for live code.
		const jsonLd = /<script type="application\/ld\+json">([^<]*)<\/script>/.exec(served);
		expect(JSON.parse(jsonLd![1]!).headline).toBe("<script>alert('t')</script>");
		const page = served.replace(jsonLd![0], "");
		// No executable markup survives as markup (escaped text such as "&lt;img onerror=" is harmless).
		expect(await liveCodeFindings(page)).toEqual([]);
		expect(page).not.toContain("<style>body{}");
		expect(page).toContain("&lt;script&gt;alert(&#39;t&#39;)&lt;/script&gt;");
		expect(page).toContain("&lt;b&gt;Eve&lt;/b&gt;");
	});

	it("Should answer unknown and malformed slugs with a 404 page in the site's layout", async () => {
		for (const path of ["/articles/no-such-story", "/articles/Bad_Slug", "/no/such/page"]) {
			const page = await html(path);
			expect(page.status).toBe(404);
			expect(page.type).toMatch(/^text\/html/);
			expect(page.text).toContain('<a class="brand" href="/">edgewire</a>');
			expect(page.text).toContain("Page not found");
		}
	});

	it("Should answer a corrupt record with a 500 page for that article alone", async () => {
		await putArticle("healthy-story");
		await env.NEWS.put(keys.article("broken-story"), '{"slug":"broken-story","title":42}');
		const broken = await html("/articles/broken-story");
		expect(broken.status).toBe(500);
		expect(broken.text).toContain("This article is unreadable right now.");
		expect((await html("/articles/healthy-story")).status).toBe(200);
		const json = await getJson("/api/articles/broken-story");
		expect(json).toEqual({ status: 500, body: { error: "stored article 'broken-story' is unreadable" } });
	});
});

describe("GET /api/articles/:slug", () => {
	it("Should return the article with its age and no internal fields", async () => {
		await putArticle("json-story", sampleArticle({ publishedAt: minutesAgo(61), tags: ["ports"] }));
		const { status, body } = await getJson("/api/articles/json-story");
		expect(status).toBe(200);
		expect(body).toMatchObject({
			slug: "json-story",
			url: "/articles/json-story",
			age: "about 1 hour ago",
			tags: ["ports"],
		});
		expect(body).not.toHaveProperty("origin");
	});

	it("Should answer 404 JSON when absent and 400 for a bad slug", async () => {
		expect(await getJson("/api/articles/missing-story")).toEqual({
			status: 404,
			body: { error: "no article 'missing-story'" },
		});
		expect(await getJson("/api/articles/BAD")).toEqual({
			status: 400,
			body: {
				error: "invalid slug",
				issues: [{ path: "slug", message: "must be lowercase letters and digits in words joined by single hyphens" }],
			},
		});
	});
});

describe("GET /", () => {
	it("Should list headlines with sections and ages, newest first", async () => {
		await putArticle("home-a", sampleArticle({ title: "First on the page", publishedAt: minutesAgo(2) }));
		await putArticle(
			"home-b",
			sampleArticle({ title: "Second on the page", publishedAt: minutesAgo(200), section: "sport" }),
		);
		const page = (await html("/")).text;
		const first = page.indexOf("First on the page");
		const second = page.indexOf("Second on the page");
		expect(first).toBeGreaterThan(0);
		expect(second).toBeGreaterThan(first);
		expect(page).toMatch(
			/Second on the page<\/a><span class="meta"><span class="section">sport · <\/span><time[^>]*>3 hours ago<\/time>/,
		);
	});
});
