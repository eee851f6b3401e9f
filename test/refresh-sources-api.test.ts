// The admin API for sources and on-demand refresh: bearer token required, valibot-validated input
// with a 400 listing the issues, and the shapes editors rely on.
import { describe, expect, it } from "vitest";
import { adminHeaders, request } from "./helpers";
import { putSources, runRefresh } from "./refresh-helpers";
import { useUpstream } from "./upstream";

useUpstream();

async function put(body: unknown, headers = adminHeaders()): Promise<Response> {
	return request("/api/sources", { method: "PUT", headers, body: JSON.stringify(body) });
}

describe("sources API", () => {
	it.each([
		{ method: "GET", path: "/api/sources" },
		{ method: "PUT", path: "/api/sources" },
		{ method: "POST", path: "/api/refresh" },
		{ method: "POST", path: "/api/refresh?force=true" },
	])("Should answer 401 to $method $path without the bearer token", async ({ method, path }) => {
		for (const authorization of [undefined, "Bearer wrong-token"]) {
			const headers: Record<string, string> = { "content-type": "application/json" };
			if (authorization) headers.authorization = authorization;
			const response = await request(path, { method, headers, body: method === "GET" ? undefined : "{}" });
			expect(response.status).toBe(401);
			expect(response.headers.get("www-authenticate")).toMatch(/^Bearer/);
		}
	});

	it("Should list no sources before any are configured", async () => {
		const response = await request("/api/sources", { headers: adminHeaders() });
		expect(response.status).toBe(200);
		expect(await response.json()).toEqual({ updatedAt: null, sources: [] });
	});

	it.each([
		{
			name: "a non-slug id",
			source: { id: "Harbour Gazette", url: "https://g.example/rss", name: "G" },
			path: "sources.0.id",
		},
		{ name: "an ftp URL", source: { id: "g", url: "ftp://g.example/rss", name: "G" }, path: "sources.0.url" },
		{ name: "a relative URL", source: { id: "g", url: "/rss", name: "G" }, path: "sources.0.url" },
		{ name: "no name", source: { id: "g", url: "https://g.example/rss" }, path: "sources.0.name" },
		{ name: "an empty name", source: { id: "g", url: "https://g.example/rss", name: "  " }, path: "sources.0.name" },
		{
			name: "an unknown field",
			source: { id: "g", url: "https://g.example/rss", name: "G", tags: [] },
			path: "sources.0.tags",
		},
	])("Should answer 400 with issues for $name", async ({ source, path }) => {
		const response = await put({ sources: [source] });
		expect(response.status).toBe(400);
		const body = (await response.json()) as { error: string; issues: { path: string; message: string }[] };
		expect(body.error).toBe("invalid request body");
		expect(body.issues.map((i) => i.path)).toContain(path);
	});

	it("Should answer 400 for duplicate ids and for a body that is not a list", async () => {
		const twice = { id: "g", url: "https://g.example/rss", name: "G" };
		const duplicate = await put({ sources: [twice, { ...twice, url: "https://g2.example/rss" }] });
		expect(duplicate.status).toBe(400);
		expect(await duplicate.json()).toMatchObject({
			issues: [{ path: "sources", message: "source ids must be unique" }],
		});
		expect((await put({ sources: "https://g.example/rss" })).status).toBe(400);
		expect((await put([twice])).status).toBe(400);
	});

	it("Should answer 415 to a body that is not JSON", async () => {
		const response = await request("/api/sources", {
			method: "PUT",
			headers: adminHeaders({ "content-type": "text/plain" }),
			body: "g https://g.example/rss",
		});
		expect(response.status).toBe(415);
	});

	it("Should store the list and return every source with its health", async () => {
		const record = await putSources([
			{ id: "harbour-gazette", url: "https://gazette.example/feed.xml", name: "Harbour Gazette", section: "Local" },
			{ id: "river-post", url: "http://riverpost.example/feed.json", name: "River Post" },
		]);
		const listed = await (await request("/api/sources", { headers: adminHeaders() })).json();
		expect(listed).toEqual(record);
		expect(record.sources[0]).toEqual({
			id: "harbour-gazette",
			url: "https://gazette.example/feed.xml",
			name: "Harbour Gazette",
			section: "Local",
			lastFetchedAt: null,
			lastSuccessAt: null,
			lastStatus: null,
			lastError: null,
			consecutiveFailures: 0,
			nextDueAt: null,
			itemCount: 0,
			etag: null,
			lastModified: null,
		});
	});

	it("Should answer 400 to a force value other than true or false", async () => {
		const response = await request("/api/refresh?force=yes", { method: "POST", headers: adminHeaders() });
		expect(response.status).toBe(400);
		expect(await response.json()).toEqual({
			error: "invalid query",
			issues: [{ path: "force", message: "must be true or false" }],
		});
	});

	it("Should return the run's summary from POST /api/refresh", async () => {
		await putSources([]);
		const summary = await runRefresh("?force=true");
		expect(Object.keys(summary)).toEqual([
			"runId",
			"at",
			"force",
			"sources",
			"fetched",
			"notModified",
			"failed",
			"skipped",
			"deferred",
			"itemsNew",
			"itemsUpdated",
			"itemsUnchanged",
			"itemsDropped",
			"kvWrites",
			"subrequests",
			"parsedBytes",
			"skippedBy",
			"results",
		]);
		expect(summary).toMatchObject({ force: true, sources: 0, fetched: 0, kvWrites: 0, subrequests: 1 });
	});
});
