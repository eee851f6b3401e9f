// What pages tell search engines and link previews, lazy thumbnails, and the article page's weight budget.
import { describe, expect, it } from "vitest";
import { minutesAgo, ORIGIN, putArticle, request, sampleArticle } from "../test/helpers";

const IMAGE = {
	url: "https://img.example/quay.jpg",
	alt: "The east quay at dawn",
	width: 1600,
	height: 900,
	credit: "edgewire",
};

async function text(path: string): Promise<string> {
	return (await request(path)).text();
}

function meta(page: string, key: string): string[] {
	const pattern = new RegExp(`<meta (?:name|property)="${key}" content="([^"]*)"/>`, "g");
	return [...page.matchAll(pattern)].map((m) => m[1]!);
}

function jsonLd(page: string): any {
	return JSON.parse(/<script type="application\/ld\+json">([^<]*)<\/script>/.exec(page)![1]!);
}

describe("article page head", () => {
	it("Should carry title, description, canonical, OpenGraph, Twitter card, article times and NewsArticle JSON-LD", async () => {
		const publishedAt = minutesAgo(90);
		const updatedAt = minutesAgo(20);
		await putArticle(
			"seo-story",
			sampleArticle({
				publishedAt,
				updatedAt,
				image: IMAGE,
				tags: ["ports", "trade"],
				author: { name: "Ines Marlow" },
			}),
		);
		const page = await text("/articles/seo-story");
		const canonical = `${ORIGIN}/articles/seo-story`;
		expect(page).toContain("<title>Harbour cranes return to the east quay | edgewire</title>");
		const dek = "The port&#39;s last two cranes are back in service after a winter of repairs.";
		expect(meta(page, "description")).toEqual([dek]);
		expect(page).toContain(`<link rel="canonical" href="${canonical}"/>`);
		expect(meta(page, "og:type")).toEqual(["article"]);
		expect(meta(page, "og:url")).toEqual([canonical]);
		expect(meta(page, "og:title")).toEqual(["Harbour cranes return to the east quay"]);
		expect(meta(page, "og:description")).toEqual([dek]);
		expect(meta(page, "og:site_name")).toEqual(["edgewire"]);
		expect(meta(page, "og:image")).toEqual([IMAGE.url]);
		expect(meta(page, "og:image:width")).toEqual(["1600"]);
		expect(meta(page, "twitter:card")).toEqual(["summary_large_image"]);
		expect(meta(page, "twitter:image")).toEqual([IMAGE.url]);
		expect(meta(page, "robots")).toEqual(["max-image-preview:large"]);
		expect(meta(page, "article:published_time")).toEqual([publishedAt]);
		expect(meta(page, "article:modified_time")).toEqual([updatedAt]);
		expect(meta(page, "article:section")).toEqual(["business"]);
		expect(meta(page, "article:tag")).toEqual(["ports", "trade"]);
		expect(jsonLd(page)).toEqual({
			"@context": "https://schema.org",
			"@type": "NewsArticle",
			headline: "Harbour cranes return to the east quay",
			description: "The port's last two cranes are back in service after a winter of repairs.",
			image: [IMAGE.url],
			datePublished: publishedAt,
			dateModified: updatedAt,
			author: [{ "@type": "Person", name: "Ines Marlow" }],
			publisher: { "@type": "Organization", name: "edgewire", url: `${ORIGIN}/` },
			mainEntityOfPage: { "@type": "WebPage", "@id": canonical },
			articleSection: "business",
			keywords: "ports, trade",
		});
	});

	it("Should fall back to the body's opening words, a summary card and no image tags without a dek or image", async () => {
		await putArticle(
			"plain-story",
			sampleArticle({
				dek: undefined,
				image: undefined,
				body: `The *cranes* were lifted back & onto their rails on Tuesday. ${"More words follow here. ".repeat(20)}`,
			}),
		);
		const page = await text("/articles/plain-story");
		const [description] = meta(page, "description");
		expect(description).toMatch(/^The cranes were lifted back &amp; onto their rails on Tuesday\. More words/);
		expect(description!.length).toBeLessThanOrEqual(170);
		expect(description).toMatch(/…$/);
		expect(meta(page, "twitter:card")).toEqual(["summary"]);
		expect(meta(page, "og:image")).toEqual([]);
		expect(meta(page, "robots")).toEqual([]);
		expect(jsonLd(page)).not.toHaveProperty("image");
		expect(jsonLd(page).dateModified).toBe(jsonLd(page).datePublished);
	});

	it("Should escape JSON-LD so no text can close its script element", async () => {
		await putArticle("ld-escape", sampleArticle({ title: "</script><script>alert(1)</script> & \u2028 end" }));
		const page = await text("/articles/ld-escape");
		const block = /<script type="application\/ld\+json">([^<]*)<\/script>/.exec(page)![1]!;
		expect(block).toContain(
			"\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e \\u0026 \\u2028 end",
		);
		expect(JSON.parse(block).headline).toBe("</script><script>alert(1)</script> & \u2028 end");
	});
});

describe("list pages", () => {
	it("Should give the home page a canonical URL and a website card", async () => {
		const page = await text("/");
		expect(page).toContain(`<link rel="canonical" href="${ORIGIN}/"/>`);
		expect(meta(page, "og:type")).toEqual(["website"]);
		expect(page).toContain(
			'<link rel="alternate" type="application/atom+xml" title="edgewire: latest articles" href="/feed.xml"/>',
		);
	});

	it("Should show lead images on the home page and in the rail as lazy thumbnails with fixed dimensions", async () => {
		await putArticle(
			"thumb-story",
			sampleArticle({ title: "With a picture", image: IMAGE, publishedAt: minutesAgo(1) }),
		);
		await putArticle("thumb-reader", sampleArticle({ title: "Reading beside it", publishedAt: minutesAgo(2) }));
		const home = await text("/");
		expect(home).toContain(
			'<img class="thumb" src="https://img.example/quay.jpg" alt="" width="96" height="64" loading="lazy" decoding="async"/>',
		);
		const article = await text("/articles/thumb-reader");
		expect(article).toContain(
			'<img class="thumb" src="https://img.example/quay.jpg" alt="" width="72" height="48" loading="lazy" decoding="async"/>',
		);
		// The lead image itself is not lazy (it is the page's largest paint) and keeps its box.
		const own = await text("/articles/thumb-story");
		expect(own).toMatch(
			/<img src="https:\/\/img.example\/quay.jpg" alt="The east quay at dawn" width="1600" height="900" fetchpriority="high"/,
		);
	});
});

describe("page weight", () => {
	it("Should keep an article page's HTML, CSS and JS under 30 KB compressed", async () => {
		await putArticle(
			"weighty-story",
			sampleArticle({
				image: IMAGE,
				body: Array.from({ length: 12 }, (_, i) => `Paragraph ${i}: ${"The quay was busy. ".repeat(20)}`).join("\n\n"),
			}),
		);
		for (let i = 0; i < 10; i++)
			await putArticle(`weight-rail-${i}`, sampleArticle({ title: `Rail story number ${i}`, image: IMAGE }));
		const page = await text("/articles/weighty-story");
		const gzipped = await new Response(
			new Blob([page]).stream().pipeThrough(new CompressionStream("gzip")),
		).arrayBuffer();
		// Everything is in this one response: the CSS and the age script are inline.
		expect(page).toContain("<style>");
		expect(gzipped.byteLength).toBeLessThan(30 * 1024);
		console.log(JSON.stringify({ event: "test.page_weight", html: page.length, gzip: gzipped.byteLength }));
	});
});
