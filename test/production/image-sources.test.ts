// Regression tests for issue 9, finding 5c: the sanitizer kept http: image sources that the page's own
// CSP (img-src 'self' https:) then blocked, so those images showed broken. Every image a page carries
// must be one its CSP lets load.
import { describe, expect, it } from "vitest";
import { builders } from "../fixtures/feeds";
import { getJson, putArticle, request, sampleArticle } from "../helpers";
import { putSources, runRefresh } from "../refresh-helpers";
import { feed, useUpstream } from "../upstream";

const upstream = useUpstream();
/** The first page a fresh isolate renders also warms it, which can pass the 5 s default. */
const TIMEOUT = 30_000;

/** Image sources in a page that its own `img-src` would block: only `'self'` and `https:` are expected. */
async function blockedImages(path: string): Promise<{ sources: string[]; blocked: string[] }> {
	const page = await request(path);
	expect(page.status).toBe(200);
	const imgSrc = /(?:^|;\s*)img-src ([^;]*)/.exec(page.headers.get("content-security-policy") ?? "")?.[1];
	expect(imgSrc).toBe("'self' https:");
	const sources: string[] = [];
	await new HTMLRewriter()
		.on("img", { element: (img) => void sources.push(img.getAttribute("src") ?? "") })
		.transform(new Response(await page.text()))
		.text();
	const blocked = sources.filter((src) => !/^https:\/\//.test(src) && /^[a-z][a-z0-9+.-]*:/i.test(src));
	return { sources, blocked };
}

describe("production: http image sources under a CSP that allows https only", () => {
	it(
		"Should upgrade an editor's http image to https on the article page",
		async () => {
			const body = "Before.\n\n![The quay](http://img.example/quay.jpg)\n\n![Inline](data:image/png;base64,AAAA)";
			expect((await putArticle("http-images", sampleArticle({ body }))).status).toBe(201);
			const { sources, blocked } = await blockedImages("/articles/http-images");
			expect(sources).toContain("https://img.example/quay.jpg");
			expect(blocked).toEqual([]);
		},
		TIMEOUT,
	);

	it(
		"Should upgrade a feed item's http images to https in the stored article and its page",
		async () => {
			await putSources([{ id: "plain-http", url: "https://plain.example/rss", name: "Plain Gazette" }]);
			const xml = builders.rss("Plain Gazette", "http://plain.example/", [
				{
					guid: "img-1",
					title: "Pictures from the quay",
					content: '<p>Look.</p><img src="http://cdn.plain.example/a.jpg" alt="A"><img src="/b.jpg" alt="B">',
					link: "http://plain.example/quay",
					pubDate: builders.pubDate(15),
				},
			]);
			upstream.on("https://plain.example/rss", feed(xml, "application/rss+xml"));
			expect(await runRefresh()).toMatchObject({ fetched: 1, itemsNew: 1 });
			const { body: list } = await getJson<{ headlines: { slug: string; title: string }[] }>("/api/headlines");
			const slug = list.headlines.find((headline) => headline.title === "Pictures from the quay")?.slug;
			const { body: article } = await getJson<{ bodyHtml: string }>(`/api/articles/${slug}`);
			expect(article.bodyHtml).toBe(
				'<p>Look.</p><img src="https://cdn.plain.example/a.jpg" alt="A" loading="lazy"><img src="https://plain.example/b.jpg" alt="B" loading="lazy">',
			);
			const { blocked } = await blockedImages(`/articles/${slug}`);
			expect(blocked).toEqual([]);
		},
		TIMEOUT,
	);
});
