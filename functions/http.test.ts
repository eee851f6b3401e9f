// The HTTP conventions every route shares: ETag/304, Cache-Control, security headers, HEAD.
import { describe, expect, it } from "vitest";
import { LIVE_AGE_SCRIPT } from "../src/age/live-script";
import { NEW_STORIES_SCRIPT } from "../src/notice/new-stories";
import { cspHash } from "../src/views/csp";
import { SITE_CSS } from "../src/views/styles";
import { adminHeaders, minutesAgo, putArticle, request, sampleArticle } from "../test/helpers";
import { signInAs } from "../test/staff";

/** Three days old: its label stays `3 days ago` for hours, so bodies compare equal across requests. */
const STEADY = minutesAgo(3 * 24 * 60 + 5);

async function publishSteady(slug = "steady-story") {
	expect((await putArticle(slug, sampleArticle({ publishedAt: STEADY, section: "business" }))).status).toBeLessThan(
		300,
	);
}

const GET_ROUTES = [
	"/",
	"/?before=1-a",
	"/articles/steady-story",
	"/sections/business",
	"/api/headlines",
	"/api/articles/steady-story",
	"/feed.xml",
	"/sitemap.xml",
	"/news-sitemap.xml",
	"/robots.txt",
	"/api/openapi.json",
	"/api/docs",
	"/healthz",
	"/favicon.svg",
	"/no-such-page",
	"/api/no-such-route",
];

describe("ETag and 304", () => {
	it.each([
		"/",
		"/articles/steady-story",
		"/sections/business",
		"/api/articles/steady-story",
		"/feed.xml",
		"/sitemap.xml",
	])(
		"Should answer a matching If-None-Match on %s with a bodiless 304 that keeps the caching headers",
		async (path) => {
			await publishSteady();
			const first = await request(path);
			expect(first.status).toBe(200);
			const tag = first.headers.get("etag");
			expect(tag).toMatch(/^"[0-9a-f]{40}"$/);
			const again = await request(path, { headers: { "if-none-match": tag! } });
			expect(again.status).toBe(304);
			expect(await again.text()).toBe("");
			expect(again.headers.get("etag")).toBe(tag);
			expect(again.headers.get("cache-control")).toBe(first.headers.get("cache-control"));
			expect(again.headers.get("content-security-policy")).toBe(first.headers.get("content-security-policy"));
			// Weak comparison (RFC 9110 §13.1.2): a W/ form of the same tag, in a list, matches too.
			const weak = await request(path, { headers: { "if-none-match": `"other", W/${tag}` } });
			expect(weak.status).toBe(304);
		},
	);

	it("Should give /api/headlines a weak tag over the list, so an unchanged list revalidates to 304", async () => {
		await publishSteady();
		const response = await request("/api/headlines");
		const tag = response.headers.get("etag")!;
		expect(tag).toMatch(/^W\/"[0-9a-f]{28}"$/);
		const again = await request("/api/headlines", { headers: { "if-none-match": tag } });
		expect(again.status).toBe(304);
		expect(await again.text()).toBe("");
		await putArticle("another-story", sampleArticle({ publishedAt: minutesAgo(1) }));
		const changed = await request("/api/headlines", { headers: { "if-none-match": tag } });
		expect(changed.status).toBe(200);
		expect(changed.headers.get("etag")).not.toBe(tag);
	});

	it("Should send the full page again once its content changed", async () => {
		await publishSteady();
		const first = await request("/articles/steady-story");
		const tag = first.headers.get("etag")!;
		await putArticle("steady-story", sampleArticle({ publishedAt: STEADY, title: "A new headline" }));
		const changed = await request("/articles/steady-story", { headers: { "if-none-match": tag } });
		expect(changed.status).toBe(200);
		expect(changed.headers.get("etag")).not.toBe(tag);
		expect(await changed.text()).toContain("A new headline");
	});

	it("Should put no ETag on errors, and on a write only the saved article's own (its next If-Match)", async () => {
		expect((await request("/no-such-page")).headers.get("etag")).toBeNull();
		const put = await putArticle("etag-write", sampleArticle());
		const saved = (await put.json()) as { etag: string };
		expect(put.headers.get("etag")).toBe(saved.etag);
	});
});

describe("Cache-Control", () => {
	const LIVE = "public, max-age=0, s-maxage=30, stale-while-revalidate=20";

	it("Should keep anything that shows an age under 60 s in a shared cache", async () => {
		await publishSteady();
		for (const path of [
			"/",
			"/articles/steady-story",
			"/sections/business",
			"/api/headlines",
			"/api/articles/steady-story",
		]) {
			const cc = (await request(path)).headers.get("cache-control")!;
			expect(cc, path).toBe(LIVE);
			const seconds = (name: string) => Number(new RegExp(`${name}=(\\d+)`).exec(cc)?.[1] ?? 0);
			expect(seconds("s-maxage") + seconds("stale-while-revalidate")).toBeLessThan(60);
			expect(cc).not.toMatch(/stale-if-error/);
		}
	});

	it("Should let 404s be cached as briefly, and never store other errors or writes", async () => {
		expect((await request("/no-such-page")).headers.get("cache-control")).toBe(LIVE);
		expect((await request("/?before=bogus")).headers.get("cache-control")).toBe("no-store");
		expect((await request("/api/headlines?limit=0")).headers.get("cache-control")).toBe("no-store");
		const put = await request("/api/articles/cc-write", { method: "PUT", body: "{}" });
		expect(put.status).toBe(401);
		expect(put.headers.get("cache-control")).toBe("no-store");
	});

	it("Should keep every answer to a request with credentials out of shared caches", async () => {
		await publishSteady();
		for (const path of ["/api/articles/steady-story", "/api/headlines", "/"]) {
			const response = await request(path, { headers: adminHeaders() });
			expect(response.headers.get("cache-control"), path).toBe("private, no-store");
		}
		expect((await putArticle("cc-admin", sampleArticle())).headers.get("cache-control")).toBe("private, no-store");
	});

	it("Should keep every newsroom page, signed in or not, out of shared caches, and its static files in them", async () => {
		const { cookie } = await signInAs("editor", "Cache Editor");
		for (const path of ["/admin", "/admin/articles/new", "/admin/tokens", "/admin/passkeys"]) {
			const response = await request(path, { headers: { cookie } });
			expect(response.status, path).toBe(200);
			expect(response.headers.get("cache-control"), path).toBe("private, no-store");
		}
		for (const path of ["/admin", "/admin/sign-in"]) {
			const response = await request(path, { redirect: "manual" });
			expect(response.headers.get("cache-control"), path).toMatch(/no-store/);
		}
		const css = await request("/admin/assets/desk.css");
		expect(css.headers.get("cache-control")).not.toMatch(/no-store/);
	});

	it("Should let feeds and sitemaps, which show no ages, be cached for five minutes", async () => {
		for (const path of ["/feed.xml", "/sitemap.xml", "/news-sitemap.xml"]) {
			expect((await request(path)).headers.get("cache-control"), path).toBe("public, max-age=300");
		}
		expect((await request("/healthz")).headers.get("cache-control")).toBe("no-store");
	});
});

describe("security headers", () => {
	it("Should be on every response: pages, JSON, XML, errors, writes, 304s and HEADs", async () => {
		await publishSteady();
		const tag = (await request("/")).headers.get("etag")!;
		const responses = [
			...(await Promise.all(GET_ROUTES.map((path) => request(path)))),
			await request("/", { headers: { "if-none-match": tag } }),
			await request("/", { method: "HEAD" }),
			await request("/api/articles/x", { method: "PUT", body: "{}" }),
			await request("/api/articles/x", { method: "DELETE", headers: adminHeaders() }),
		];
		for (const response of responses) {
			const h = response.headers;
			expect(h.get("content-security-policy"), response.url).toMatch(/^default-src 'none'; /);
			expect(h.get("x-content-type-options")).toBe("nosniff");
			expect(h.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
			expect(h.get("content-security-policy")).toContain("frame-ancestors 'none'");
			expect(h.get("x-frame-options")).toBe("DENY");
		}
	});

	it("Should allow exactly the inline script and style the page carries, by hash, and nothing else inline", async () => {
		await publishSteady();
		const response = await request("/articles/steady-story");
		const page = await response.text();
		const csp = response.headers.get("content-security-policy")!;
		const script = /<script>(.*?)<\/script>/s.exec(page)![1]!;
		const style = /<style>([^<]*)<\/style>/.exec(page)![1]!;
		expect(script).toBe(LIVE_AGE_SCRIPT);
		expect(style).toBe(SITE_CSS);
		// The article page carries the age script; the home page's new-stories script is the one other hash.
		expect(csp).toContain(`script-src ${await cspHash(script)} ${await cspHash(NEW_STORIES_SCRIPT)};`);
		expect(csp).toContain("connect-src 'self';");
		expect(csp).toContain(`style-src ${await cspHash(style)};`);
		expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|nonce-|\*/);
		// Only our two inline blocks plus JSON-LD data; no style attributes anywhere.
		expect(page.match(/<script/g)).toHaveLength(2);
		expect(page).not.toMatch(/\sstyle="/);
	});

	it("Should carry the home page's two scripts, each allowed by its hash", async () => {
		await publishSteady();
		const response = await request("/");
		const page = await response.text();
		const csp = response.headers.get("content-security-policy")!;
		const scripts = [...page.matchAll(/<script>(.*?)<\/script>/gs)].map((m) => m[1]!);
		expect(scripts).toEqual([NEW_STORIES_SCRIPT, LIVE_AGE_SCRIPT]);
		for (const script of scripts) expect(csp).toContain(await cspHash(script));
	});

	it("Should leave the stylesheet byte for byte as written (nothing for the HTML escaper to change)", () => {
		expect(SITE_CSS).not.toMatch(/[<>&"']/);
	});
});

describe("HEAD", () => {
	it("Should answer every GET route with the same status and headers and no body", async () => {
		await publishSteady();
		for (const path of GET_ROUTES) {
			const get = await request(path);
			const head = await request(path, { method: "HEAD" });
			expect(head.status, path).toBe(get.status);
			expect(head.headers.get("content-type"), path).toBe(get.headers.get("content-type"));
			expect(head.headers.get("cache-control"), path).toBe(get.headers.get("cache-control"));
			// /healthz's body embeds the round trip's latency, so it differs from one request to the next.
			if (path !== "/healthz") {
				expect(head.headers.get("etag"), path).toBe(get.headers.get("etag"));
			}
			expect(await head.text(), path).toBe("");
		}
	});
});
