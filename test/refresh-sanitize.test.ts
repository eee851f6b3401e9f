// A feed is untrusted input: whatever its content carries, the article page a reader gets has no
// script, no event handler and no javascript:/data: URL from it.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { keys } from "../src/kv/keys";
import type { Article } from "../src/schemas/article";
import { builders, HOSTILE_CONTENT } from "./fixtures/feeds";
import { request } from "./helpers";
import { liveCodeFindings } from "./page-safety";
import { articleForItem, putSources, runRefresh } from "./refresh-helpers";
import { feed, useUpstream } from "./upstream";

const upstream = useUpstream();

describe("refresh of hostile content", () => {
	it("Should render an article page with none of the feed's scripts, event handlers or javascript: links", async () => {
		await putSources([{ id: "hostile", url: "https://hostile.example/rss", name: "Hostile Herald" }]);
		const xml = builders.rss("Hostile Herald", "https://hostile.example/", [
			{
				guid: "h-1",
				title: "Council publishes its budget <script>alert('title')</script>",
				description: "<img src=x onerror=alert('dek')>Budget day",
				content: HOSTILE_CONTENT,
				link: "https://hostile.example/budget",
				pubDate: builders.pubDate(15),
			},
		]);
		upstream.on("https://hostile.example/rss", feed(xml, "application/rss+xml"));
		expect(await runRefresh()).toMatchObject({ fetched: 1, itemsNew: 1 });

		const article = (await articleForItem("h-1")) as Article;
		const stored = (await env.NEWS.get<Article>(keys.article(article.slug), "json")) as Article;
		for (const needle of [
			"<script",
			"onerror",
			"onclick",
			"onload",
			"javascript:",
			"data:",
			"<iframe",
			"<style",
			"<form",
		]) {
			expect(stored.bodyHtml.toLowerCase()).not.toContain(needle);
		}
		expect(stored.title).not.toContain("<");

		const page = await request(`/articles/${article.slug}`);
		expect(page.status).toBe(200);
		const html = await page.text();
		expect(await liveCodeFindings(html)).toEqual([]);
		// What was safe survives: the paragraph, the image without its handler, the plain link with rel set.
		expect(html).toContain("Council publishes its budget.");
		expect(html).toMatch(/<a [^>]*href="https:\/\/council\.example\/budget"[^>]*>The budget itself<\/a>/);
		expect(html).toMatch(/<a [^>]*href="https:\/\/council\.example\/budget"[^>]*rel="[^"]*noopener[^"]*"/);
		expect(html).toContain('href="https://hostile.example/budget"');
	});
});
