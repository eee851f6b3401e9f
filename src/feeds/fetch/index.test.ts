import { describe, expect, it } from "vitest";
import { dnsFailure, endlessBody, feed, hang, redirect, useUpstream } from "../../../test/upstream";
import { type FetchOptions, fetchFeed } from "./index";

const upstream = useUpstream();
const URL_A = "https://feeds.example/a.xml";
const RSS = `<?xml version="1.0"?><rss version="2.0"><channel><title>A</title></channel></rss>`;
const NOW = new Date("2026-11-25T10:00:00Z");
const none = { etag: null, lastModified: null };

function options(overrides: Partial<FetchOptions> = {}): FetchOptions {
	return {
		timeoutMs: 1_000,
		maxBytes: 64 * 1024,
		maxRedirects: 3,
		userAgent: "edgewire-test/1.0",
		now: NOW,
		claimSubrequest: () => null,
		...overrides,
	};
}

describe("fetchFeed", () => {
	it("Should return the bytes, content type and validators of a 200", async () => {
		upstream.on(
			URL_A,
			feed(RSS, "application/rss+xml", { etag: '"v1"', "last-modified": "Tue, 24 Nov 2026 08:00:00 GMT" }),
		);
		const result = await fetchFeed(URL_A, none, options());
		expect(result).toMatchObject({
			ok: true,
			value: {
				kind: "fetched",
				status: 200,
				url: URL_A,
				contentType: "application/rss+xml",
				validators: { etag: '"v1"', lastModified: "Tue, 24 Nov 2026 08:00:00 GMT" },
			},
		});
		expect(result.ok && result.value.kind === "fetched" && new TextDecoder().decode(result.value.body)).toBe(RSS);
	});

	it("Should send both validators, a descriptive User-Agent and a feed Accept header (RFC 9111 §4.3.1)", async () => {
		upstream.on(URL_A, () => new Response(null, { status: 304 }));
		const result = await fetchFeed(URL_A, { etag: '"v1"', lastModified: "Tue, 24 Nov 2026 08:00:00 GMT" }, options());
		expect(result).toMatchObject({ ok: true, value: { kind: "not_modified", status: 304 } });
		const sent = upstream.requestsTo(URL_A)[0]?.headers;
		expect(sent?.["if-none-match"]).toBe('"v1"');
		expect(sent?.["if-modified-since"]).toBe("Tue, 24 Nov 2026 08:00:00 GMT");
		expect(sent?.["user-agent"]).toBe("edgewire-test/1.0");
		expect(sent?.accept).toMatch(/^application\/rss\+xml, application\/atom\+xml/);
	});

	it("Should send no conditional headers when it has no validators", async () => {
		upstream.on(URL_A, feed(RSS, "application/rss+xml"));
		await fetchFeed(URL_A, none, options());
		const sent = upstream.requestsTo(URL_A)[0]?.headers ?? {};
		expect(sent["if-none-match"]).toBeUndefined();
		expect(sent["if-modified-since"]).toBeUndefined();
	});

	it("Should report null validators when a 200 carries none, so stale ones are not replayed", async () => {
		upstream.on(URL_A, feed(RSS, "application/rss+xml"));
		const result = await fetchFeed(URL_A, { etag: '"old"', lastModified: null }, options());
		expect(result).toMatchObject({ ok: true, value: { validators: { etag: null, lastModified: null } } });
	});

	it("Should read max-age and ignore it under no-cache (RFC 9111 §5.2.2)", async () => {
		upstream.on(URL_A, feed(RSS, "application/rss+xml", { "cache-control": "public, max-age=1800" }));
		upstream.on(
			"https://feeds.example/b.xml",
			feed(RSS, "application/rss+xml", { "cache-control": "no-cache, max-age=60" }),
		);
		expect(await fetchFeed(URL_A, none, options())).toMatchObject({ value: { maxAgeSeconds: 1800 } });
		expect(await fetchFeed("https://feeds.example/b.xml", none, options())).toMatchObject({
			value: { maxAgeSeconds: null },
		});
	});

	it("Should follow a relative redirect and report the final URL (RFC 9110 §10.2.2)", async () => {
		upstream.on(URL_A, redirect("/moved/a.xml", 301));
		upstream.on("https://feeds.example/moved/a.xml", redirect("https://cdn.example/a.xml", 307));
		upstream.on("https://cdn.example/a.xml", feed(RSS, "application/rss+xml"));
		const result = await fetchFeed(URL_A, none, options());
		expect(result).toMatchObject({ ok: true, value: { status: 200, url: "https://cdn.example/a.xml" } });
		expect(upstream.requests.map((r) => r.url)).toEqual([
			URL_A,
			"https://feeds.example/moved/a.xml",
			"https://cdn.example/a.xml",
		]);
	});

	it("Should keep the validators on every redirect hop", async () => {
		upstream.on(URL_A, redirect("https://cdn.example/a.xml", 302));
		upstream.on("https://cdn.example/a.xml", () => new Response(null, { status: 304 }));
		await fetchFeed(URL_A, { etag: '"v9"', lastModified: null }, options());
		expect(upstream.requestsTo("https://cdn.example/a.xml")[0]?.headers["if-none-match"]).toBe('"v9"');
	});

	it.each([
		{
			name: "a redirect loop",
			setup: () => {
				upstream.on(URL_A, redirect("https://feeds.example/b.xml"));
				upstream.on("https://feeds.example/b.xml", redirect(URL_A));
			},
			code: "fetch.redirect_loop",
			status: 301,
		},
		{
			name: "too many redirects",
			setup: () => {
				let hop = 0;
				upstream.on(/^https:\/\/feeds\.example\/hop/, () =>
					redirect(`/hop${++hop}`)(new Request(URL_A), { signal: null }),
				);
			},
			url: "https://feeds.example/hop",
			code: "fetch.too_many_redirects",
			status: 301,
		},
		{
			name: "a redirect without Location",
			setup: () => upstream.on(URL_A, () => new Response(null, { status: 302 })),
			code: "fetch.redirect_invalid",
			status: 302,
		},
		{
			name: "a redirect to a javascript: URL",
			setup: () => upstream.on(URL_A, redirect("javascript:alert(1)")),
			code: "fetch.redirect_invalid",
			status: 301,
		},
		{
			name: "a 404",
			setup: () => upstream.on(URL_A, () => new Response("gone", { status: 404, statusText: "Not Found" })),
			code: "fetch.http_404",
			status: 404,
		},
		{
			name: "a 410",
			setup: () => upstream.on(URL_A, () => new Response("gone", { status: 410 })),
			code: "fetch.http_410",
			status: 410,
		},
		{
			name: "a 500",
			setup: () => upstream.on(URL_A, () => new Response("oops", { status: 500 })),
			code: "fetch.http_500",
			status: 500,
		},
		{
			name: "a DNS failure",
			setup: () => upstream.on(URL_A, dnsFailure()),
			code: "fetch.dns",
			status: null,
		},
		{
			name: "Cloudflare's origin DNS error (530, error code 1016)",
			setup: () => upstream.on(URL_A, () => new Response("error code: 1016", { status: 530 })),
			code: "fetch.dns",
			status: 530,
		},
		{
			name: "any other 530",
			setup: () => upstream.on(URL_A, () => new Response("error code: 1033", { status: 530 })),
			code: "fetch.http_530",
			status: 530,
		},
		{
			name: "a connection reset",
			setup: () =>
				upstream.on(URL_A, () => {
					throw new TypeError("Network connection lost.");
				}),
			code: "fetch.network",
			status: null,
		},
		{
			name: "an empty body",
			setup: () => upstream.on(URL_A, feed("  \n", "application/rss+xml")),
			code: "fetch.empty_body",
			status: 200,
		},
		{
			name: "a declared Content-Length over the cap",
			setup: () =>
				upstream.on(URL_A, () => {
					const response = new Response("x", { headers: { "content-type": "application/rss+xml" } });
					return new Response(response.body, { headers: { "content-length": String(10 * 1024 * 1024) } });
				}),
			code: "fetch.too_large",
			status: 200,
		},
		{
			name: "an endless body, stopped while streaming",
			setup: () => upstream.on(URL_A, endlessBody()),
			code: "fetch.too_large",
			status: 200,
		},
		{
			name: "a server that never answers",
			setup: () => upstream.on(URL_A, hang()),
			code: "fetch.timeout",
			status: null,
			timeoutMs: 50,
		},
		{
			name: "a body that stalls after the headers",
			setup: () =>
				upstream.on(URL_A, () => new Response(new ReadableStream({ pull: () => new Promise(() => undefined) }))),
			code: "fetch.timeout",
			status: 200,
			timeoutMs: 50,
		},
		{
			name: "a URL that does not parse",
			setup: () => undefined,
			url: "not a url",
			code: "fetch.invalid_url",
			status: null,
		},
	])("Should fail with $code on $name", async ({ setup, url, code, status, timeoutMs }) => {
		setup();
		const result = await fetchFeed(url ?? URL_A, none, options(timeoutMs ? { timeoutMs } : {}));
		expect(result).toMatchObject({ ok: false, error: { stage: "fetch", code, status } });
	});

	it("Should count every redirect hop against the subrequest budget and stop, deferred, when it is spent", async () => {
		upstream.on(URL_A, redirect("https://cdn.example/a.xml"));
		upstream.on("https://cdn.example/a.xml", feed(RSS, "application/rss+xml"));
		let left = 1;
		const spent = { kind: "deferred", reason: "subrequest_budget" } as const;
		const result = await fetchFeed(URL_A, none, options({ claimSubrequest: () => (left-- > 0 ? null : spent) }));
		expect(result).toEqual({ ok: true, value: spent });
		expect(upstream.requests).toHaveLength(1);
	});

	it("Should leave the body unread, deferred, when the parse budget cannot take it", async () => {
		upstream.on(URL_A, feed(RSS, "application/rss+xml"));
		const declared: (number | null)[] = [];
		const result = await fetchFeed(
			URL_A,
			none,
			options({
				admitBody: (bytes) => {
					declared.push(bytes);
					return { kind: "deferred", reason: "parse_budget" };
				},
			}),
		);
		expect(result).toEqual({ ok: true, value: { kind: "deferred", reason: "parse_budget" } });
		expect(declared).toHaveLength(1);
	});

	it("Should read Retry-After as seconds or an HTTP-date on a 429 (RFC 9110 §10.2.3)", async () => {
		upstream.on(URL_A, () => new Response("slow down", { status: 429, headers: { "retry-after": "120" } }));
		upstream.on(
			"https://feeds.example/b.xml",
			() => new Response("busy", { status: 503, headers: { "retry-after": "Wed, 25 Nov 2026 11:00:00 GMT" } }),
		);
		expect(await fetchFeed(URL_A, none, options())).toMatchObject({
			error: { code: "fetch.http_429", retryAfterSeconds: 120 },
		});
		expect(await fetchFeed("https://feeds.example/b.xml", none, options())).toMatchObject({
			error: { retryAfterSeconds: 3600 },
		});
	});
});
