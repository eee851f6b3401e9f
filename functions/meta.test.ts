// The OpenAPI document (every JSON route, generated from the schemas), /api/docs, /healthz and the icon.
import { env } from "cloudflare:workers";
import * as v from "valibot";
import { describe, expect, it } from "vitest";
import { ArticleResponse, ErrorResponse, HeadlinesResponse, HealthResponse } from "../src/schemas/responses";
import { SourcesRecord } from "../src/schemas/source";
import { adminHeaders, getJson, putArticle, request, sampleArticle } from "../test/helpers";
import { app } from "./index";

/** Every JSON route the Worker answers, as `METHOD path` in OpenAPI's templated form. */
const JSON_ROUTES = [
	"GET /api/headlines",
	"GET /api/search",
	"GET /api/articles/{slug}",
	"PUT /api/articles/{slug}",
	"DELETE /api/articles/{slug}",
	"GET /api/articles",
	"GET /api/articles/{slug}/revisions",
	"GET /api/articles/{slug}/revisions/{n}",
	"POST /api/articles/{slug}/revisions/{n}/restore",
	"POST /api/preview",
	"GET /api/sources",
	"PUT /api/sources",
	"GET /api/sources.opml",
	"POST /api/sources/opml",
	"POST /api/sources/discover",
	"PATCH /api/sources/{id}",
	"POST /api/sources",
	"DELETE /api/sources/{id}",
	"GET /api/sources/{id}/runs",
	"POST /api/refresh",
	"GET /api/rules",
	"PUT /api/rules",
	"GET /api/sources/{id}/rules",
	"PUT /api/sources/{id}/rules",
	"POST /api/sources/{id}/rules/test",
	"GET /api/review",
	"POST /api/review/{id}/approve",
	"POST /api/review/{id}/reject",
	"GET /api/tombstones",
	"DELETE /api/tombstones/{id}",
	"GET /api/staff",
	"POST /api/staff",
	"GET /api/staff/{id}",
	"PATCH /api/staff/{id}",
	"DELETE /api/staff/{id}",
	"DELETE /api/staff/{id}/sessions",
	"POST /api/staff/{id}/sign-in-links",
	"GET /api/tokens",
	"POST /api/tokens",
	"DELETE /api/tokens/{id}",
	"GET /api/audit",
	"GET /api/openapi.json",
	"GET /healthz",
];

describe("GET /api/openapi.json", () => {
	it("Should describe every JSON route in OpenAPI 3.1", async () => {
		const { status, body } = await getJson("/api/openapi.json");
		expect(status).toBe(200);
		expect(body.openapi).toBe("3.1.0");
		const described = Object.entries(body.paths as Record<string, Record<string, unknown>>).flatMap(([path, item]) =>
			["get", "put", "post", "patch", "delete"].filter((m) => item[m]).map((m) => `${m.toUpperCase()} ${path}`),
		);
		expect(described.sort()).toEqual([...JSON_ROUTES].sort());
	});

	it("Should generate its schemas from the valibot schemas that validate requests", async () => {
		const { body } = await getJson("/api/openapi.json");
		const input = body.components.schemas.ArticleInput;
		expect(input.required.sort()).toEqual(["body", "publishedAt", "title"]);
		expect(input.additionalProperties).toBe(false);
		expect(input.properties.title).toEqual({ type: "string", minLength: 1, maxLength: 300 });
		expect(input.properties.sourceUrl.description).toBe("must be an absolute http or https URL");
		const limit = body.paths["/api/headlines"].get.parameters[0];
		expect(limit).toMatchObject({
			name: "limit",
			in: "query",
			required: false,
			schema: { type: "string", default: "10" },
		});
		const slug = body.paths["/api/articles/{slug}"].parameters[0];
		expect(slug).toMatchObject({ name: "slug", in: "path", required: true, schema: { maxLength: 120 } });
		expect(body.paths["/api/articles/{slug}"].put.security).toEqual([{ adminToken: [] }]);
		expect(body.components.schemas.SourcesInput.properties.sources.type).toBe("array");
		// Every $ref points at a schema that exists.
		for (const [, ref] of JSON.stringify(body).matchAll(/"\$ref":"#\/components\/schemas\/(\w+)"/g)) {
			expect(body.components.schemas, ref).toHaveProperty(ref!);
		}
	});

	it("Should match what the routes really answer", async () => {
		await putArticle("openapi-story", sampleArticle({ tags: ["ports"] }));
		v.parse(HeadlinesResponse, (await getJson("/api/headlines")).body);
		v.parse(ArticleResponse, (await getJson("/api/articles/openapi-story")).body);
		v.parse(ErrorResponse, (await getJson("/api/articles/no-such-story")).body);
		v.parse(ErrorResponse, (await getJson("/api/headlines?limit=0")).body);
		v.parse(HealthResponse, (await getJson("/healthz")).body);
		const sources = await request("/api/sources", { headers: adminHeaders() });
		expect(sources.status).toBe(200);
		v.parse(SourcesRecord, await sources.json());
	});
});

describe("GET /api/docs", () => {
	it("Should render every route and schema for people, escaped, in the site's layout", async () => {
		const response = await request("/api/docs");
		expect(response.status).toBe(200);
		expect(response.headers.get("content-type")).toMatch(/^text\/html/);
		const page = await response.text();
		expect(page).toContain('<a class="brand" href="/">edgewire</a>');
		for (const route of JSON_ROUTES) {
			const [method, path] = route.split(" ");
			expect(page, route).toContain(`<span class="method">${method}</span> <code>${path}</code>`);
		}
		expect(page).toContain('<section id="schema-ArticleInput">');
		expect(page).toContain("&quot;maxLength&quot;: 300");
		expect(page).not.toContain("<script>");
	});

	it("Should show the descriptions' Markdown as HTML: backticks become <code>", async () => {
		const page = await (await request("/api/docs")).text();
		expect(page).toContain("editors' routes need <code>Authorization: Bearer &lt;ADMIN_TOKEN&gt;</code>.</p>");
		expect(page).toContain("<strong>400</strong> A <code>force</code> other than true or false.");
		expect(page.replace(/<pre[^>]*>[^<]*<\/pre>/g, "")).not.toContain("`");
	});
});

describe("GET /healthz", () => {
	it("Should answer 200 after a KV round trip", async () => {
		const { status, body } = await getJson("/healthz");
		expect(status).toBe(200);
		expect(body).toEqual({ status: "ok", checks: { kv: { status: "ok", latencyMs: expect.any(Number) } } });
	});

	it("Should answer 503 when KV fails", async () => {
		const failing = { get: () => Promise.reject(new Error("KV is down")) } as unknown as KVNamespace;
		const response = await app.request("/healthz", {}, { ...env, NEWS: failing });
		expect(response.status).toBe(503);
		expect(await response.json()).toEqual({
			status: "error",
			checks: { kv: { status: "error", latencyMs: expect.any(Number), error: "Error: KV is down" } },
		});
		expect(response.headers.get("cache-control")).toBe("no-store");
	});

	it("Should answer 503 when KV doesn't answer in time", async () => {
		const hanging = { get: () => new Promise(() => {}) } as unknown as KVNamespace;
		const started = Date.now();
		const response = await app.request("/healthz", {}, { ...env, NEWS: hanging });
		expect(response.status).toBe(503);
		expect(((await response.json()) as any).checks.kv.error).toBe("Error: no answer within 2000 ms");
		expect(Date.now() - started).toBeLessThan(5_000);
	});
});

describe("the site icon", () => {
	it("Should serve an SVG icon and redirect the conventional path to it", async () => {
		const icon = await request("/favicon.svg");
		expect(icon.status).toBe(200);
		expect(icon.headers.get("content-type")).toBe("image/svg+xml");
		expect(await icon.text()).toMatch(/^<svg /);
		const ico = await request("/favicon.ico", { redirect: "manual" });
		expect(ico.status).toBe(301);
		expect(ico.headers.get("location")).toBe("/favicon.svg");
	});
});
