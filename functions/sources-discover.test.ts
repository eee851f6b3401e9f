// POST /api/sources/discover through the real Worker entry: admin auth, valibot-validated input,
// and answers that match the schema the OpenAPI document publishes.
import * as v from "valibot";
import { describe, expect, it } from "vitest";
import { DiscoveryResponse } from "../src/schemas/discovery";
import { builders } from "../test/fixtures/feeds";
import { adminHeaders, request } from "../test/helpers";
import { feed, useUpstream } from "../test/upstream";

const upstream = useUpstream();

function discover(body: unknown, headers: Record<string, string> = adminHeaders()): Promise<Response> {
	return request("/api/sources/discover", { method: "POST", headers, body: JSON.stringify(body) });
}

/** A 200 whose body matches the published schema. */
async function discovered(url: string): Promise<DiscoveryResponse> {
	const response = await discover({ url });
	expect(response.status, await response.clone().text()).toBe(200);
	const body = await response.json();
	const checked = v.safeParse(DiscoveryResponse, body);
	expect(checked.issues?.map((issue) => `${v.getDotPath(issue)}: ${issue.message}`) ?? []).toEqual([]);
	return body as DiscoveryResponse;
}

const PAGE = "https://blog.example/";
const RSS = builders.rss("The Blog", PAGE, [{ guid: "1", title: "Hello", link: `${PAGE}hello` }]);

describe("POST /api/sources/discover", () => {
	it("Should answer 401 without the bearer token, or with a wrong one, and fetch nothing", async () => {
		for (const authorization of [undefined, "Bearer wrong-token"]) {
			const headers: Record<string, string> = { "content-type": "application/json" };
			if (authorization) headers.authorization = authorization;
			const response = await discover({ url: PAGE }, headers);
			expect(response.status).toBe(401);
			expect(response.headers.get("www-authenticate")).toMatch(/^Bearer/);
		}
		expect(upstream.requests).toEqual([]);
	});

	it.each([
		{ name: "a string that is not a URL", body: { url: "not a url" } },
		{ name: "a relative URL", body: { url: "/feed.xml" } },
		{ name: "an ftp URL", body: { url: "ftp://blog.example/feed.xml" } },
		{ name: "a javascript: URL", body: { url: "javascript:alert(1)" } },
		{ name: "no url", body: {} },
		{ name: "a url that is not a string", body: { url: 42 } },
	])("Should answer 400 naming url for $name", async ({ body }) => {
		const response = await discover(body);
		expect(response.status).toBe(400);
		const json = (await response.json()) as { error: string; issues: { path: string }[] };
		expect(json.error).toBe("invalid request body");
		expect(json.issues.map((i) => i.path)).toContain("url");
		expect(upstream.requests).toEqual([]);
	});

	it("Should answer 400 to an unknown field, and 415 to a body that is not JSON", async () => {
		expect((await discover({ url: PAGE, follow: true })).status).toBe(400);
		const form = await request("/api/sources/discover", {
			method: "POST",
			headers: adminHeaders({ "content-type": "application/x-www-form-urlencoded" }),
			body: `url=${encodeURIComponent(PAGE)}`,
		});
		expect(form.status).toBe(415);
	});

	it("Should offer the feed a page links to", async () => {
		upstream.on(
			PAGE,
			feed(
				`<!doctype html><html><head><link rel="alternate" type="application/rss+xml" href="/feed.xml"></head></html>`,
				"text/html; charset=utf-8",
			),
		);
		upstream.on(`${PAGE}feed.xml`, feed(RSS, "application/rss+xml"));
		const body = await discovered(PAGE);
		expect(body).toMatchObject({
			url: PAGE,
			feeds: [{ url: `${PAGE}feed.xml`, title: "The Blog", format: "rss", itemCount: 1 }],
			message: "Found 1 feed.",
		});
	});

	it("Should answer 200 with no feeds and a clear message for a page without any", async () => {
		upstream.on(PAGE, feed("<!doctype html><html><head><title>Hi</title></head></html>", "text/html"));
		upstream.on(/^https:\/\/blog\.example\/(feed|feed\.xml|rss\.xml|atom\.xml|index\.xml|feed\.json)$/, () => {
			return new Response("Not Found", { status: 404 });
		});
		const body = await discovered(PAGE);
		expect(body.feeds).toEqual([]);
		expect(body.message).toBe("No feeds found on this page.");
		expect(body.checked).toHaveLength(7);
	});

	it("Should answer 200 with the error in words for a page that cannot be fetched", async () => {
		upstream.on(PAGE, () => new Response("nope", { status: 503, statusText: "Service Unavailable" }));
		const body = await discovered(PAGE);
		expect(body).toEqual({
			url: PAGE,
			feeds: [],
			checked: [
				{
					url: PAGE,
					via: "input",
					outcome: "rejected",
					error: { stage: "fetch", code: "fetch.http_503", detail: "upstream answered 503 Service Unavailable" },
				},
			],
			message: "The page could not be fetched: upstream answered 503 Service Unavailable.",
		});
	});
});
