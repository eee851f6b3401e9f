import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { keys } from "../src/kv/keys";
import { adminHeaders, getJson, putArticle, request, sampleArticle } from "../test/helpers";
import { settleStore } from "../test/limits";
import { app } from "./index";

async function storedKeys(): Promise<string[]> {
	return (await env.NEWS.list()).keys.map((k) => k.name).sort();
}

async function headlineSlugs(): Promise<string[]> {
	// The StoreWriter writes the index at most once a second: KV holds it once the trailing write has landed.
	await settleStore();
	const index = await env.NEWS.get<{ headlines: { slug: string }[] }>(keys.headlines, "json");
	return index?.headlines.map((h) => h.slug) ?? [];
}

describe("PUT /api/articles/:slug", () => {
	it("Should create with 201, then replace with 200 without duplicating the headline", async () => {
		const created = await putArticle("cranes-return");
		expect(created.status).toBe(201);
		const body = (await created.json()) as Record<string, unknown>;
		expect(body).toMatchObject({ slug: "cranes-return", url: "/articles/cranes-return", age: "30 mins ago" });
		expect(body.bodyHtml).toContain("<h2>What changes for shippers?</h2>");

		const replaced = await putArticle("cranes-return", sampleArticle({ title: "Cranes back at work" }));
		expect(replaced.status).toBe(200);
		expect((await headlineSlugs()).filter((s) => s === "cranes-return")).toHaveLength(1);
		const { body: page } = await getJson("/api/articles/cranes-return");
		expect(page.title).toBe("Cranes back at work");
	});

	it("Should store an article scheduled for later but keep it out of reads until then", async () => {
		const later = new Date(Date.now() + 3_600_000).toISOString();
		expect((await putArticle("embargoed-report", sampleArticle({ publishedAt: later }))).status).toBe(201);
		expect(await env.NEWS.get(keys.article("embargoed-report"))).not.toBeNull();
		expect((await request("/api/articles/embargoed-report")).status).toBe(404);
		expect((await request("/articles/embargoed-report")).status).toBe(404);
		const { body } = await getJson("/api/headlines?limit=100");
		expect(body.headlines.map((h: { slug: string }) => h.slug)).not.toContain("embargoed-report");
	});

	it.each([
		["no token", {}],
		["a wrong token", { authorization: "Bearer nope" }],
		["a non-bearer scheme", { authorization: "Basic dGVzdC1hZG1pbi10b2tlbg==" }],
	])("Should answer 401 to %s and store nothing", async (_name, headers) => {
		const before = await storedKeys();
		const response = await request("/api/articles/sneaky", {
			method: "PUT",
			headers: { "content-type": "application/json", ...headers },
			body: JSON.stringify(sampleArticle()),
		});
		expect(response.status).toBe(401);
		expect(response.headers.get("www-authenticate")).toBe('Bearer realm="edgewire admin"');
		expect((await response.json()) as any).toEqual({ error: "missing or invalid bearer token" });
		expect(await storedKeys()).toEqual(before);
	});

	it("Should refuse everything with 401 when no ADMIN_TOKEN is configured", async () => {
		const response = await app.request(
			"/api/articles/anything",
			{ method: "PUT", headers: adminHeaders(), body: JSON.stringify(sampleArticle()) },
			{ ...env, ADMIN_TOKEN: undefined },
		);
		expect(response.status).toBe(401);
		expect((await response.json()) as any).toEqual({ error: "admin API is disabled: ADMIN_TOKEN is not set" });
	});

	const SLUG_RULE = "must be lowercase letters and digits in words joined by single hyphens";

	it.each([
		["Uppercase", "Bad-Slug", SLUG_RULE],
		["double hyphen", "bad--slug", SLUG_RULE],
		["trailing hyphen", "bad-", SLUG_RULE],
		["too long", "a".repeat(121), "must be at most 120 characters"],
		["punctuation", "what%3F", SLUG_RULE],
	])("Should answer 400 to a slug with %s", async (_name, slug, message) => {
		const response = await putArticle(slug);
		expect(response.status).toBe(400);
		expect((await response.json()) as any).toEqual({ error: "invalid slug", issues: [{ path: "slug", message }] });
	});

	it("Should check the slug before reading the body", async () => {
		const response = await request("/api/articles/Bad-Slug", { method: "PUT", headers: adminHeaders(), body: "{" });
		expect(response.status).toBe(400);
		expect(((await response.json()) as any).error).toBe("invalid slug");
	});

	it("Should answer 415 to a body that is not JSON", async () => {
		const response = await request("/api/articles/form-post", {
			method: "PUT",
			headers: adminHeaders({ "content-type": "text/plain" }),
			body: JSON.stringify(sampleArticle()),
		});
		expect(response.status).toBe(415);
		expect((await response.json()) as any).toEqual({ error: "content type must be application/json" });
	});

	it("Should answer 415, not 413, to a body over 1 MiB that is not JSON", async () => {
		const response = await request("/api/articles/form-post", {
			method: "PUT",
			headers: adminHeaders({ "content-type": "text/plain" }),
			body: "x".repeat(2 * 1024 * 1024),
		});
		expect(response.status).toBe(415);
		expect((await response.json()) as any).toEqual({ error: "content type must be application/json" });
	});

	it("Should answer 413 to a body over 1 MiB", async () => {
		const response = await putArticle("huge", sampleArticle({ body: "x".repeat(1024 * 1024 + 1) }));
		expect(response.status).toBe(413);
		expect((await response.json()) as any).toEqual({ error: "body exceeds 1048576 bytes" });
		expect(await env.NEWS.get(keys.article("huge"))).toBeNull();
	});

	/** A body sent in chunks with no Content-Length, so the limit is counted as it is read. */
	function streamed(text: string): RequestInit {
		const bytes = new TextEncoder().encode(text);
		const body = new ReadableStream<Uint8Array>({
			start(controller) {
				for (let at = 0; at < bytes.length; at += 64 * 1024) controller.enqueue(bytes.subarray(at, at + 64 * 1024));
				controller.close();
			},
		});
		return { method: "PUT", headers: adminHeaders(), body, duplex: "half" } as RequestInit;
	}

	it("Should answer 413 to a streamed body over 1 MiB that declares no length", async () => {
		const response = await request(
			"/api/articles/streamed-huge",
			streamed(JSON.stringify(sampleArticle({ body: "x".repeat(1024 * 1024) }))),
		);
		expect(response.status).toBe(413);
		expect((await response.json()) as any).toEqual({ error: "body exceeds 1048576 bytes" });
		expect(await env.NEWS.get(keys.article("streamed-huge"))).toBeNull();
	});

	it("Should accept a streamed body under 1 MiB", async () => {
		const response = await request("/api/articles/streamed-small", streamed(JSON.stringify(sampleArticle())));
		expect(response.status).toBe(201);
		expect(((await response.json()) as any).slug).toBe("streamed-small");
	});

	it("Should answer 400 to malformed JSON", async () => {
		const response = await request("/api/articles/broken", {
			method: "PUT",
			headers: adminHeaders(),
			body: '{"title":',
		});
		expect(response.status).toBe(400);
		expect((await response.json()) as any).toEqual({ error: "malformed JSON: Unexpected end of JSON input" });
	});

	it("Should name every schema violation by its path", async () => {
		const response = await putArticle(
			"invalid-fields",
			sampleArticle({
				title: "",
				publishedAt: "yesterday",
				sourceUrl: "javascript:alert(1)",
				image: { url: "http://insecure.example/a.jpg", alt: "x" },
				author: { name: "A", shoeSize: 9 },
			}),
		);
		expect(response.status).toBe(400);
		const body = (await response.json()) as any;
		expect(body.error).toBe("invalid request body");
		const paths = body.issues.map((i: { path: string }) => i.path);
		expect(paths).toEqual(
			expect.arrayContaining(["title", "publishedAt", "sourceUrl", "image.url", "author.shoeSize"]),
		);
		expect(new Set(paths)).toEqual(new Set(["title", "publishedAt", "sourceUrl", "image.url", "author.shoeSize"]));
		// The date's own wording belongs to its schema's tests; every other field's is exact here.
		expect(body.issues).toEqual(
			expect.arrayContaining([
				{ path: "title", message: "must not be empty" },
				{ path: "sourceUrl", message: "must be an absolute http or https URL" },
				{ path: "image.url", message: "must be an absolute https URL" },
				{ path: "author.shoeSize", message: 'Invalid key: Expected never but received "shoeSize"' },
			]),
		);
	});

	it("Should leave the stored article untouched when a replacement is rejected", async () => {
		await putArticle("keep-me", sampleArticle({ title: "The original" }));
		const before = await env.NEWS.get(keys.article("keep-me"));
		const rejected = await putArticle("keep-me", sampleArticle({ title: "x".repeat(301) }));
		expect(rejected.status).toBe(400);
		expect(await env.NEWS.get(keys.article("keep-me"))).toBe(before);
	});
});

describe("DELETE /api/articles/:slug", () => {
	it("Should remove the article and its headline with 204, then 404", async () => {
		await putArticle("short-lived");
		expect(await headlineSlugs()).toContain("short-lived");
		const deleted = await request("/api/articles/short-lived", { method: "DELETE", headers: adminHeaders() });
		expect(deleted.status).toBe(204);
		expect(await env.NEWS.get(keys.article("short-lived"))).toBeNull();
		expect(await headlineSlugs()).not.toContain("short-lived");
		expect((await request("/api/articles/short-lived")).status).toBe(404);
		const again = await request("/api/articles/short-lived", { method: "DELETE", headers: adminHeaders() });
		expect(again.status).toBe(404);
		expect((await again.json()) as any).toEqual({ error: "no article 'short-lived'" });
	});

	it("Should require the token", async () => {
		await putArticle("guarded");
		const response = await request("/api/articles/guarded", { method: "DELETE" });
		expect(response.status).toBe(401);
		expect((await response.json()) as any).toEqual({ error: "missing or invalid bearer token" });
		expect(await env.NEWS.get(keys.article("guarded"))).not.toBeNull();
	});

	it("Should answer 400 to a bad slug", async () => {
		const response = await request("/api/articles/Not_A_Slug", { method: "DELETE", headers: adminHeaders() });
		expect(response.status).toBe(400);
		expect((await response.json()) as any).toEqual({
			error: "invalid slug",
			issues: [{ path: "slug", message: "must be lowercase letters and digits in words joined by single hyphens" }],
		});
	});
});
