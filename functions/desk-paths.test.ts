// The line between the two Workers, checked against their real routers: every desk route is one the
// reader forwards, no reader route is, and a forwarded request reaches the desk unchanged.
import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { ORIGIN } from "../test/helpers";
import { isDeskRequest } from "./desk-paths";
import { deskApp } from "./desk-worker";
import { readerApp } from "./reader-worker";

/** A concrete path for a route pattern (`:id` → `x1`). */
function concrete(path: string): string {
	return path.replace(/:\w+/g, "x1").replace(/\*/g, "x1");
}

function routes(app: { routes: { method: string; path: string }[] }) {
	return app.routes.filter((r) => r.method !== "ALL").map((r) => ({ method: r.method, path: concrete(r.path) }));
}

/** What a newsroom request carries: the desk's reads of one article are the desk's only with it. */
const BEARER = new Headers({ authorization: "Bearer x" });
const SESSION = new Headers({ cookie: "theme=dark; edgewire_session=abc" });
const SECURE_SESSION = new Headers({ cookie: "__Host-edgewire_session=abc" });

describe("The desk's paths", () => {
	it("Should forward every route the desk answers, given a credential", () => {
		const desk = routes(deskApp);
		expect(desk.length).toBeGreaterThan(10);
		for (const { method, path } of desk) expect(isDeskRequest(method, path, BEARER), `${method} ${path}`).toBe(true);
	});

	it("Should keep every reader route in the reader", () => {
		const reader = routes(readerApp);
		expect(reader.length).toBeGreaterThan(10);
		for (const { method, path } of reader) expect(isDeskRequest(method, path), `${method} ${path}`).toBe(false);
	});

	it("Should draw the line by method for articles and by prefix elsewhere", () => {
		expect(isDeskRequest("GET", "/api/articles/a-story")).toBe(false);
		expect(isDeskRequest("PUT", "/api/articles/a-story")).toBe(true);
		expect(isDeskRequest("DELETE", "/api/articles/a-story")).toBe(true);
		expect(isDeskRequest("GET", "/api/sources.opml")).toBe(true);
		expect(isDeskRequest("GET", "/api/sourcesX")).toBe(false);
		expect(isDeskRequest("GET", "/admin")).toBe(true);
		expect(isDeskRequest("GET", "/administrator")).toBe(false);
		expect(isDeskRequest("GET", "/websub/abc")).toBe(true);
		expect(isDeskRequest("GET", "/articles/admin")).toBe(false);
		expect(isDeskRequest("POST", "/api/preview")).toBe(true);
	});

	it("Should send the desk's reads of articles to the desk, and a reader's read of one to the reader", () => {
		expect(isDeskRequest("GET", "/api/articles")).toBe(true);
		expect(isDeskRequest("GET", "/api/articles/a-story/revisions")).toBe(true);
		expect(isDeskRequest("GET", "/api/articles/a-story/revisions/3")).toBe(true);
		expect(isDeskRequest("GET", "/api/articles/a-story")).toBe(false);
		expect(isDeskRequest("GET", "/api/articles/a-story", new Headers({ cookie: "theme=dark" }))).toBe(false);
		expect(isDeskRequest("GET", "/api/articles/a-story", BEARER)).toBe(true);
		expect(isDeskRequest("GET", "/api/articles/a-story", SESSION)).toBe(true);
		expect(isDeskRequest("HEAD", "/api/articles/a-story", SECURE_SESSION)).toBe(true);
		expect(isDeskRequest("GET", "/api/articlesX")).toBe(false);
	});
});

describe("The reader Worker's hand-off", () => {
	it("Should pass a desk request to the DESK binding unchanged and answer with the desk's response as it is", async () => {
		const seen: Request[] = [];
		const desk = {
			fetch: async (request: Request) => {
				seen.push(request);
				return new Response('{"from":"desk"}', {
					status: 201,
					headers: { "content-type": "application/json", "x-desk": "1" },
				});
			},
		};
		const ctx = createExecutionContext();
		const body = JSON.stringify({ title: "t" });
		const response = await readerApp.fetch(
			new Request(`${ORIGIN}/api/articles/some-story`, {
				method: "PUT",
				headers: { authorization: "Bearer secret", "content-type": "application/json" },
				body,
			}),
			{ ...env, DESK: desk as unknown as Fetcher },
			ctx,
		);
		await waitOnExecutionContext(ctx);
		expect(response.status).toBe(201);
		expect(response.headers.get("x-desk")).toBe("1");
		// The reader added nothing of its own: no ETag, no Cache-Control rewrite.
		expect(response.headers.get("etag")).toBeNull();
		expect(await response.text()).toBe('{"from":"desk"}');
		expect(seen).toHaveLength(1);
		expect(seen[0]?.method).toBe("PUT");
		expect(seen[0]?.headers.get("authorization")).toBe("Bearer secret");
		expect(await seen[0]?.text()).toBe(body);
	});

	it("Should hand a credentialed read of one article to the desk, and answer a plain one itself", async () => {
		const seen: Request[] = [];
		const desk = {
			fetch: async (request: Request) => {
				seen.push(request);
				return new Response('{"status":"draft"}', { headers: { "content-type": "application/json" } });
			},
		};
		const fetchAs = async (headers: Record<string, string>) => {
			const ctx = createExecutionContext();
			const response = await readerApp.fetch(
				new Request(`${ORIGIN}/api/articles/never-published`, { headers }),
				{ ...env, DESK: desk as unknown as Fetcher },
				ctx,
			);
			await waitOnExecutionContext(ctx);
			return response;
		};
		expect((await fetchAs({ cookie: "edgewire_session=abc" })).status).toBe(200);
		expect((await fetchAs({ authorization: "Bearer x" })).status).toBe(200);
		expect(seen).toHaveLength(2);
		expect((await fetchAs({})).status).toBe(404);
		expect(seen).toHaveLength(2);
	});

	it("Should answer a reader request itself, never calling the desk", async () => {
		const desk = { fetch: async () => new Response("desk", { status: 500 }) };
		const ctx = createExecutionContext();
		const response = await readerApp.fetch(
			new Request(`${ORIGIN}/robots.txt`),
			{ ...env, DESK: desk as unknown as Fetcher },
			ctx,
		);
		await waitOnExecutionContext(ctx);
		expect(response.status).toBe(200);
		expect(await response.text()).toContain("Sitemap:");
	});
});
