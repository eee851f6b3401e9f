// Property tests for every JSON and query input of the API (issue #5): random and mutated bodies,
// headers, methods, slugs and query strings. Never a 5xx; every API error is JSON naming the
// problem; a rejected write leaves the store exactly as it was.
import fc from "fast-check";
import * as v from "valibot";
import { beforeAll, describe, expect, it } from "vitest";
import { ErrorResponse } from "../../src/schemas/responses";
import { ADMIN_TOKEN, minutesAgo, putArticle, request, sampleArticle } from "../helpers";
import { storedState } from "../robustness/faults";
import { useUpstream } from "../upstream";
import { HTTP_RUNS, SEED } from "./runs";

const upstream = useUpstream();
type ErrorBody = v.InferOutput<typeof ErrorResponse>;

const options = { numRuns: HTTP_RUNS, seed: SEED };
const TIMEOUT = Math.max(30_000, HTTP_RUNS * 400);

/** Header values must be ByteStrings without line breaks, or `new Headers()` throws before we send. */
const headerText = fc.string({ maxLength: 80 }).map((s) => s.replace(/[^\x20-\x7e]/g, ""));

const contentType = fc.oneof(
	{ weight: 4, arbitrary: fc.constant("application/json") },
	fc.constantFrom(
		"application/json; charset=utf-8",
		"APPLICATION/JSON",
		"application/merge-patch+json",
		"application/jsonx",
		"text/plain",
		"application/x-www-form-urlencoded",
		"multipart/form-data; boundary=x",
		"",
	),
	headerText,
);

const authorization = fc.oneof(
	{ weight: 4, arbitrary: fc.constant(`Bearer ${ADMIN_TOKEN}`) },
	fc.constantFrom(
		undefined,
		"Bearer",
		"Bearer ",
		`bearer ${ADMIN_TOKEN}`,
		`Bearer  ${ADMIN_TOKEN}  `,
		`Bearer ${ADMIN_TOKEN}x`,
		"Basic dGVzdC1hZG1pbi10b2tlbg==",
	),
	headerText,
);

const validSlug = fc
	.array(fc.stringMatching(/^[a-z0-9]{1,8}$/), { minLength: 1, maxLength: 4 })
	.map((words) => `prop-${words.join("-")}`);

const slug = fc.oneof(
	{ weight: 3, arbitrary: validSlug },
	fc.string({ maxLength: 40 }).map(encodeURIComponent),
	fc.constantFrom(
		"UPPER",
		"a--b",
		"-a",
		"a-",
		"a".repeat(121),
		"%00",
		"..",
		"%2e%2e",
		"a%2Fb",
		"caf%C3%A9",
		"%E0%A4%A",
		"%",
	),
);

const queryPair = fc.tuple(
	fc.oneof(fc.constantFrom("limit", "before", "force", "utm_source"), fc.string({ maxLength: 10 })),
	fc.oneof(
		fc.constantFrom("1", "10", "100", "0", "101", "-1", "1.5", "1e2", "", "true", "abc"),
		fc.string({ maxLength: 20 }),
	),
);
const queryString = fc
	.oneof({ weight: 3, arbitrary: fc.array(queryPair, { maxLength: 3 }) }, fc.constant([]))
	.map((pairs) =>
		pairs.length ? `?${pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join("&")}` : "",
	);
const rawQuery = fc.oneof(
	queryString,
	fc.constantFrom("?limit=%ZZ", "?&&&", "?limit", "?limit=1&limit=2", "?=", "?%", "?limit=%E0%A4%A"),
);

const ARTICLE_FIELDS = Object.keys(sampleArticle());

/** One change to a valid article body: drop a field, replace one with any JSON, or add an unknown one. */
const mutation: fc.Arbitrary<(body: Record<string, unknown>) => void> = fc.oneof(
	fc.constantFrom(...ARTICLE_FIELDS).map((key) => (body: Record<string, unknown>) => {
		delete body[key];
	}),
	fc
		.tuple(fc.constantFrom(...ARTICLE_FIELDS, "image", "tags", "updatedAt", "unknown"), fc.jsonValue())
		.map(([key, value]) => (body: Record<string, unknown>) => {
			body[key] = value;
		}),
	fc
		.tuple(
			fc.constantFrom("title", "dek", "body", "publishedAt", "updatedAt", "sourceUrl", "section"),
			fc.oneof(
				fc.string(),
				fc.constantFrom(
					"",
					" ",
					"x".repeat(301),
					"2026-13-01T00:00:00Z",
					"2026-11-25T10:00:00",
					"yesterday",
					"javascript:alert(1)",
					"data:text/html,<script>alert(1)</script>",
					"\u0000",
					"\ud800",
				),
			),
		)
		.map(([key, value]) => (body: Record<string, unknown>) => {
			body[key] = value;
		}),
	fc
		.constantFrom(
			{ url: "http://insecure.example/a.jpg", alt: "x" },
			{ url: "https://ok.example/a.jpg", alt: "x", width: -1 },
			{ url: "https://ok.example/a.jpg" },
			"https://ok.example/a.jpg",
		)
		.map((image) => (body: Record<string, unknown>) => {
			body.image = image;
		}),
);

const sample = JSON.stringify(sampleArticle({ publishedAt: minutesAgo(15) }));

/** Request bodies: mutated articles, any JSON, any text, truncated JSON, raw bytes, hostile constants. */
const body: fc.Arbitrary<string | Uint8Array> = fc.oneof(
	{
		weight: 4,
		arbitrary: fc.array(mutation, { maxLength: 4 }).map((changes) => {
			const article = JSON.parse(sample) as Record<string, unknown>;
			for (const change of changes) change(article);
			return JSON.stringify(article);
		}),
	},
	fc.jsonValue().map((value) => JSON.stringify(value) ?? "null"),
	fc.string({ maxLength: 200 }),
	fc.nat({ max: sample.length }).map((n) => sample.slice(0, n)),
	fc.uint8Array({ maxLength: 200 }),
	fc.constantFrom(
		`${"[".repeat(5000)}${"]".repeat(5000)}`,
		`{"a":${'{"a":'.repeat(2000)}1${"}".repeat(2001)}`,
		'{"__proto__":{"title":"polluted"},"constructor":{"prototype":{"x":1}}}',
		'{"title":"a","title":"b"}',
		'{"title":1e999}',
		"\ufeff{}",
		"null",
		"",
	),
);

const METHODS = ["GET", "HEAD", "PUT", "POST", "DELETE", "PATCH", "OPTIONS"] as const;
const WRITES = new Set(["PUT", "POST", "DELETE", "PATCH"]);

const target = fc.oneof(
	slug.map((s) => `/api/articles/${s}`),
	rawQuery.map((q) => `/api/headlines${q}`),
	fc.constant("/api/sources"),
	rawQuery.map((q) => `/api/refresh${q}`),
	slug.map((s) => `/articles/${s}`),
	slug.map((s) => `/sections/${s}`),
	rawQuery.map((q) => `/${q}`),
);

function headersOf(type: string | undefined, auth: string | undefined): Record<string, string> {
	const headers: Record<string, string> = {};
	if (type !== undefined) headers["content-type"] = type;
	if (auth !== undefined) headers.authorization = auth;
	return headers;
}

/**
 * What each API error status may say: the exact messages the routes and middleware send
 * (a pattern where the message names the slug or the parser's complaint). Anything else, say a
 * framework's default text, fails the property.
 */
const API_ERRORS: Record<number, (string | RegExp)[]> = {
	400: ["invalid slug", "invalid request body", "invalid query", /^malformed JSON: \S/],
	401: ["missing or invalid bearer token"],
	404: ["not found", /^no article '[^']*'$/],
	413: ["body exceeds 1048576 bytes"],
	415: ["content type must be application/json"],
};

/** The messages whose answer lists issues; every other error has none. */
const WITH_ISSUES = new Set(["invalid slug", "invalid request body", "invalid query"]);

/** An API error must be JSON in the documented shape, with a message its status allows and issues that each name a problem. */
async function expectJsonError(response: Response, where: string): Promise<ErrorBody> {
	expect(response.headers.get("content-type"), where).toMatch(/^application\/json/);
	const parsed = v.safeParse(ErrorResponse, await response.json());
	expect(parsed.issues, where).toBeUndefined();
	const payload = parsed.output as ErrorBody;
	const allowed = API_ERRORS[response.status] ?? [];
	expect(
		allowed.some((message) => (typeof message === "string" ? payload.error === message : message.test(payload.error))),
		`${where}: ${response.status} ${payload.error}`,
	).toBe(true);
	if (WITH_ISSUES.has(payload.error)) {
		expect(payload.issues?.length, where).toBeGreaterThan(0);
		for (const issue of payload.issues ?? []) expect(issue.message, where).not.toBe("");
		if (payload.error === "invalid slug")
			expect(
				payload.issues?.map((i) => i.path),
				where,
			).toEqual(["slug"]);
	} else {
		expect(payload.issues, where).toBeUndefined();
	}
	return payload;
}

beforeAll(async () => {
	for (const n of [1, 2, 3]) {
		await putArticle(`prop-seed-${n}`, sampleArticle({ title: `Seed ${n}`, publishedAt: minutesAgo(n * 10) }));
	}
});

describe("API input properties", () => {
	// A refresh the random requests start must never reach the network: every upstream answers 404.
	const offline = () =>
		upstream.on(
			() => true,
			() => new Response("not here", { status: 404 }),
		);

	it(
		"Should never answer 5xx to any method, path, header and body, with a JSON error on every API failure, and change nothing when it rejects a write",
		async () => {
			offline();
			await fc.assert(
				fc.asyncProperty(
					fc.constantFrom(...METHODS),
					target,
					contentType,
					authorization,
					body,
					async (method, path, type, auth, payload) => {
						const where = `${method} ${path}`;
						const write = WRITES.has(method);
						const before = write ? await storedState() : undefined;
						const init: RequestInit = { method, headers: headersOf(type, auth) };
						if (method !== "GET" && method !== "HEAD") init.body = payload;
						const response = await request(path, init);
						expect(response.status, where).toBeLessThan(500);
						if (response.status >= 400 && path.startsWith("/api/") && method !== "HEAD") {
							await expectJsonError(response, where);
						} else {
							await response.arrayBuffer();
						}
						if (before && response.status >= 400)
							expect(await storedState(), `${where} changed the store`).toEqual(before);
					},
				),
				options,
			);
		},
		TIMEOUT,
	);

	it(
		"Should validate mutated article bodies: reject with the offending fields named and the store unchanged, or store exactly what was accepted",
		async () => {
			await fc.assert(
				fc.asyncProperty(validSlug, fc.array(mutation, { minLength: 1, maxLength: 3 }), async (s, changes) => {
					const article = JSON.parse(sample) as Record<string, unknown>;
					for (const change of changes) change(article);
					const before = await storedState();
					const response = await request(`/api/articles/${s}`, {
						method: "PUT",
						headers: headersOf("application/json", `Bearer ${ADMIN_TOKEN}`),
						body: JSON.stringify(article),
					});
					expect(response.status, JSON.stringify(article)).toBeLessThan(500);
					if (response.status >= 400) {
						const payload = await expectJsonError(response, s);
						expect(response.status).toBe(400);
						const issues = payload.issues as { path: string }[];
						expect(issues.length).toBeGreaterThan(0);
						// Every named path is a field of the body (or the body itself): the error points at the problem.
						for (const { path } of issues) {
							if (path === "") continue;
							const top = path.split(".")[0] as string;
							expect([...ARTICLE_FIELDS, "image", "tags", "updatedAt", "unknown"]).toContain(top);
						}
						expect(await storedState()).toEqual(before);
					} else {
						const stored = (await (await request(`/api/articles/${s}`)).json()) as { title: string };
						if (Date.parse(String(article.publishedAt)) <= Date.now()) {
							expect(stored.title).toBe(String(article.title).trim());
						}
					}
				}),
				options,
			);
		},
		TIMEOUT,
	);

	it(
		"Should answer /api/headlines with 200, or 400 naming the offending parameter",
		async () => {
			await fc.assert(
				fc.asyncProperty(queryString, async (query) => {
					const response = await request(`/api/headlines${query}`);
					if (response.status === 200) {
						const { headlines } = (await response.json()) as { headlines: unknown[] };
						const limit = new URLSearchParams(query).get("limit");
						expect(headlines.length).toBeLessThanOrEqual(limit === null ? 10 : Number(limit));
						return;
					}
					expect(response.status).toBe(400);
					const payload = await expectJsonError(response, query);
					const named = (payload.issues as { path: string }[]).map((i) => i.path);
					const keys = [...new URLSearchParams(query).keys()];
					for (const path of named) expect(keys, query).toContain(path);
				}),
				options,
			);
		},
		TIMEOUT,
	);

	it(
		"Should validate random source lists: 400 with issues and v1:sources untouched, or the list stored as sent",
		async () => {
			const source = fc.record(
				{
					id: fc.oneof(validSlug, fc.string({ maxLength: 10 })),
					url: fc.oneof(
						fc.constant("https://feeds.example/a.xml"),
						fc.webUrl(),
						fc.constantFrom("ftp://x.example/f", "javascript:alert(1)", "not a url", ""),
					),
					name: fc.oneof(fc.constant("A source"), fc.string({ maxLength: 20 })),
					section: fc.oneof(fc.constant("world"), fc.string({ maxLength: 10 })),
				},
				{ requiredKeys: ["id", "url", "name"] },
			);
			const sourcesBody = fc.oneof(
				{ weight: 3, arbitrary: fc.array(source, { maxLength: 4 }).map((sources) => JSON.stringify({ sources })) },
				fc.jsonValue().map((value) => JSON.stringify(value) ?? "null"),
				fc.string({ maxLength: 100 }),
			);
			await fc.assert(
				fc.asyncProperty(sourcesBody, async (payload) => {
					const before = await storedState();
					const response = await request("/api/sources", {
						method: "PUT",
						headers: headersOf("application/json", `Bearer ${ADMIN_TOKEN}`),
						body: payload,
					});
					expect(response.status, payload).toBeLessThan(500);
					if (response.status >= 400) {
						expect(response.status).toBe(400);
						await expectJsonError(response, payload);
						expect(await storedState()).toEqual(before);
						return;
					}
					const sent = (JSON.parse(payload) as { sources: { id: string }[] }).sources.map((s) => s.id);
					const stored = (await response.json()) as { sources: { id: string }[] };
					expect(stored.sources.map((s) => s.id)).toEqual(sent);
				}),
				options,
			);
		},
		TIMEOUT,
	);
});
