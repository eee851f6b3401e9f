// Regression tests for issue 9, finding 1 and 5b: one date domain on write and read. A date a PUT
// accepts always reads back, so no single article can turn every list into a 500.
import { describe, expect, it } from "vitest";
import { putArticle, request, sampleArticle } from "../helpers";

/** Each case renders five pages; the first in a fresh isolate also warms it, which can pass the 5 s default. */
const TIMEOUT = 30_000;

const LIST_PATHS = ["/", "/api/headlines", "/feed.xml", "/sitemap.xml", "/news-sitemap.xml"];

async function expectListsUp(): Promise<void> {
	for (const path of LIST_PATHS) expect((await request(path)).status, path).toBe(200);
}

async function expectRejected(slug: string, field: string, value: string, message: string): Promise<void> {
	const overrides = field === "updatedAt" ? { updatedAt: value } : { publishedAt: value };
	const response = await putArticle(slug, sampleArticle(overrides));
	expect(response.status).toBe(400);
	const body = (await response.json()) as { error: string; issues: { path: string; message: string }[] };
	expect(body.error).toBe("invalid request body");
	expect(body.issues).toEqual([{ path: field, message }]);
	expect((await request(`/api/articles/${slug}`)).status).toBe(404);
}

const OUT_OF_RANGE = "must fall in the years 0001 to 9999 once converted to UTC";
const NOT_A_DAY = "must name a real calendar day and time (no February 30, no hour 24)";

describe("production: a far-future or far-past date that leaves the years 0001–9999 in UTC", () => {
	it.each([
		["publishedAt", "9999-12-31T23:59:59-05:00"],
		["publishedAt", "0000-01-01T00:00:00+01:00"],
		["updatedAt", "9999-12-31T23:59:59-05:00"],
		["updatedAt", "0000-01-01T00:00:00+01:00"],
	])(
		"Should answer 400 naming %s for %j and leave every list up",
		async (field, value) => {
			await expectRejected("far-future", field, value, OUT_OF_RANGE);
			await expectListsUp();
		},
		TIMEOUT,
	);
});

describe("production: an impossible calendar date", () => {
	it.each([
		["publishedAt", "2026-02-30T09:00:00Z"],
		["publishedAt", "2026-13-01T09:00:00Z"],
		["publishedAt", "2026-04-31T09:00:00Z"],
		["publishedAt", "2025-02-29T09:00:00Z"],
		["updatedAt", "2026-02-30T09:00:00Z"],
	])("Should answer 400 naming %s for %j", async (field, value) => {
		await expectRejected("impossible-day", field, value, NOT_A_DAY);
	});
});

describe("production: dates at the edges of the domain", () => {
	it.each([
		["9999-12-31T23:59:59Z", "9999-12-31T23:59:59.000Z"],
		["0001-01-01T00:00:00Z", "0001-01-01T00:00:00.000Z"],
		["9999-12-31T23:59:59+14:00", "9999-12-31T09:59:59.000Z"],
		["0001-01-01T00:00:00-14:00", "0001-01-01T14:00:00.000Z"],
	])(
		"Should publish %j as %s, keep every list up and delete it",
		async (publishedAt, stored) => {
			const created = await putArticle("edge-of-time", sampleArticle({ publishedAt, updatedAt: publishedAt }));
			expect(created.status).toBe(201);
			const body = (await created.json()) as { publishedAt: string; updatedAt: string };
			expect([body.publishedAt, body.updatedAt]).toEqual([stored, stored]);
			await expectListsUp();
			const deleted = await request("/api/articles/edge-of-time", {
				method: "DELETE",
				headers: { authorization: "Bearer test-admin-token" },
			});
			expect(deleted.status).toBe(204);
			await expectListsUp();
		},
		TIMEOUT,
	);

	it(
		"Should accept a leap second, stored as the last millisecond of its minute",
		async () => {
			const created = await putArticle("leap-second", sampleArticle({ publishedAt: "2016-12-31T23:59:60Z" }));
			expect(created.status).toBe(201);
			expect(((await created.json()) as { publishedAt: string }).publishedAt).toBe("2016-12-31T23:59:59.999Z");
			await expectListsUp();
		},
		TIMEOUT,
	);
});
