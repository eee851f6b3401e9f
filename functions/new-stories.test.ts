// The new-stories notice's server side: the list it polls (`/api/headlines?ages=false`, the site's or a
// section's) answers 304 while unchanged and 200 with the new story after a publish; the home page and a
// section page carry the notice on their first page only. The script itself runs in Chromium (e2e).
import { reset } from "cloudflare:test";
import { beforeEach, describe, expect, it } from "vitest";
import { NEW_STORIES_SCRIPT } from "../src/notice/new-stories";
import { minutesAgo, putArticle, request, sampleArticle } from "../test/helpers";
import { settleStore } from "../test/limits";

const POLL = "/api/headlines?limit=30&ages=false";

beforeEach(async () => {
	await reset();
});

function slugs(body: { headlines: { slug: string }[] }): string[] {
	return body.headlines.map((h) => h.slug);
}

describe("The list the notice polls", () => {
	it("Should answer 304 to its own ETag while the list holds, and 200 with the new story after a publish", async () => {
		await putArticle("first-story", sampleArticle({ publishedAt: minutesAgo(12) }));
		const first = await request(POLL);
		expect(first.status).toBe(200);
		const etag = first.headers.get("ETag")!;
		expect(etag).toMatch(/^W\/"/);
		expect(slugs(await first.json())).toContain("first-story");
		const unchanged = await request(POLL, { headers: { "If-None-Match": etag } });
		expect(unchanged.status).toBe(304);
		expect(await unchanged.text()).toBe("");
		await putArticle("breaking-story", sampleArticle({ publishedAt: minutesAgo(0) }));
		const changed = await request(POLL, { headers: { "If-None-Match": etag } });
		expect(changed.status).toBe(200);
		expect(changed.headers.get("ETag")).not.toBe(etag);
		expect(slugs(await changed.json())[0]).toBe("breaking-story");
	});

	it("Should give a section's own list with ?section=, and an empty one for a section with nothing live", async () => {
		await putArticle("tide-story", sampleArticle({ section: "Coast Life", publishedAt: minutesAgo(3) }));
		await putArticle("market-story", sampleArticle({ section: "Business", publishedAt: minutesAgo(2) }));
		await settleStore();
		const response = await request(`${POLL}&section=coast-life`);
		expect(response.status).toBe(200);
		expect(slugs(await response.json())).toEqual(["tide-story"]);
		expect(slugs(await (await request(`${POLL}&section=nowhere`)).json())).toEqual([]);
		const bad = await request(`${POLL}&section=Not%20A%20Slug`);
		expect(bad.status).toBe(400);
		expect((await request("/api/headlines?ages=maybe")).status).toBe(400);
	});
});

describe("The notice on the pages", () => {
	it("Should sit on the first page of the home page and of a section, polling its own list, and not on older pages", async () => {
		for (let i = 0; i < 35; i++) {
			await putArticle(`paged-${i}`, sampleArticle({ section: "World", publishedAt: minutesAgo(i + 1) }));
		}
		await settleStore();
		const home = await (await request("/")).text();
		expect(home).toContain(`data-src="/api/headlines?limit=30&amp;ages=false"`);
		expect(home).toContain('role="status" aria-live="polite"');
		expect(home).toContain(NEW_STORIES_SCRIPT);
		// The script reads the list when it runs, so it must come after it.
		expect(home.indexOf(NEW_STORIES_SCRIPT)).toBeGreaterThan(home.indexOf("</ol>"));
		const section = await (await request("/sections/world")).text();
		expect(section).toContain(`data-src="/api/headlines?limit=30&amp;ages=false&amp;section=world"`);
		const older = /href="(\/\?before=[^"]+)"/.exec(home)![1]!.replace(/&amp;/g, "&");
		const olderPage = await (await request(older)).text();
		expect(olderPage).not.toContain("data-new-stories");
		expect(olderPage).not.toContain(NEW_STORIES_SCRIPT);
	});
});

describe("The front page's lead story", () => {
	it("Should lead with the newest live story that has a lead image, with its dek and sized image, and list it no further down", async () => {
		const image = { url: "https://images.example/harbour.jpg", alt: "The harbour at dawn", width: 1200, height: 800 };
		await putArticle("plain-newest", sampleArticle({ title: "No picture", publishedAt: minutesAgo(1) }));
		await putArticle(
			"pictured",
			sampleArticle({
				title: "Harbour reopens",
				dek: "Boats return after the storm.",
				image,
				publishedAt: minutesAgo(4),
			}),
		);
		await putArticle(
			"older-pictured",
			sampleArticle({ title: "Older picture", image: { ...image, alt: "Older" }, publishedAt: minutesAgo(9) }),
		);
		await putArticle("later", sampleArticle({ title: "Scheduled", image, publishedAt: minutesAgo(-30) }));
		const html = await (await request("/")).text();
		const lead = /<article class="lead-story"[^>]*>(.*?)<\/article>/s.exec(html)?.[1] ?? "";
		expect(lead).toContain('href="/articles/pictured"');
		expect(lead).toContain("Boats return after the storm.");
		expect(lead).toContain('width="1200" height="800"');
		expect(lead).not.toContain('loading="lazy"');
		const list = /<ol class="headlines">(.*?)<\/ol>/s.exec(html)?.[1] ?? "";
		expect(list).not.toContain('href="/articles/pictured"');
		expect(list).toContain('href="/articles/plain-newest"');
		// Thumbnails further down are sized and lazy.
		expect(list).toMatch(/<img[^>]*width="96" height="64" loading="lazy"/);
		expect(html.indexOf(`class="lead-story"`)).toBeLessThan(html.indexOf('<ol class="headlines">'));
	});

	it("Should show no lead when no live story has an image", async () => {
		await putArticle("plain", sampleArticle({ publishedAt: minutesAgo(2) }));
		const html = await (await request("/")).text();
		expect(html).not.toContain(`class="lead-story"`);
		expect(html).toContain('href="/articles/plain"');
	});
});
