// The date archive: `/archive`, a month's days and a day's articles, in the site's time zone (UTC in
// the tests' wrangler.toml; another zone re-files every row, checked at the end).
import { createExecutionContext, reset, runInDurableObject, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { localDay } from "../src/archive/local-day";
import { forgetArchive } from "../src/kv/archive";
import { migrateArchiveDays } from "../src/store/archive-days";
import { storeWriter } from "../src/store/stub";
import { adminHeaders, ORIGIN, putArticle, request, sampleArticle } from "../test/helpers";
import { settleStore as settleWrites } from "../test/limits";
import { instrumentKv } from "../test/robustness/instrumented-kv";
import { app } from "./index";

beforeEach(async () => {
	await reset();
	forgetArchive();
});

/** The writes landed, and this isolate's copies of the records dropped (they are trusted for 5 s). */
async function settleStore(): Promise<void> {
	await settleWrites();
	forgetArchive();
}

function links(html: string, prefix: string): string[] {
	return [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]!).filter((href) => href.startsWith(prefix));
}

function articleLinks(html: string): string[] {
	return links(html, "/articles/").map((href) => href.slice("/articles/".length));
}

/** `YYYY-MM-DD` of `daysAgo` days before now at the UTC hour `hour`. */
function at(daysAgo: number, hour: number): string {
	const date = new Date();
	date.setUTCDate(date.getUTCDate() - daysAgo);
	date.setUTCHours(hour, 0, 0, 0);
	return date.toISOString();
}

const path = (day: string) => `/archive/${day.slice(0, 10).replaceAll("-", "/")}`;

describe("A day's page", () => {
	it("Should list that day's articles, newest first, and link to the nearest days that have articles", async () => {
		await putArticle("early", sampleArticle({ title: "Early", publishedAt: at(10, 6) }));
		await putArticle("late", sampleArticle({ title: "Late", publishedAt: at(10, 20) }));
		await putArticle("before", sampleArticle({ title: "Before", publishedAt: at(14, 12) }));
		await putArticle("after", sampleArticle({ title: "After", publishedAt: at(3, 12) }));
		await settleStore();
		const response = await request(path(at(10, 0)));
		expect(response.status).toBe(200);
		const html = await response.text();
		expect(articleLinks(html)).toEqual(["late", "early"]);
		// Days with nothing in them are skipped: the pager goes straight to the nearest ones.
		expect(links(html, "/archive/")).toEqual(
			expect.arrayContaining([path(at(14, 0)), path(at(3, 0)), `/archive/${at(10, 0).slice(0, 7).replace("-", "/")}`]),
		);
		expect(html).toContain('rel="next"');
		expect(response.headers.get("Content-Type")).toMatch(/^text\/html/);
	});

	it("Should answer 404 for a day with no articles, one that is not in the calendar, and a malformed one", async () => {
		await putArticle("one", sampleArticle({ publishedAt: at(5, 12) }));
		await settleStore();
		expect((await request(path(at(6, 0)))).status).toBe(404);
		for (const bad of ["/archive/2026/02/30", "/archive/2026/13/01", "/archive/0000/01/01", "/archive/26/1/1"]) {
			const response = await request(bad);
			expect(response.status, bad).toBe(404);
			expect(await response.text()).toContain("no such");
		}
	});

	it("Should leave a scheduled article off its day, and not link to a day that only holds one", async () => {
		await putArticle("today", sampleArticle({ publishedAt: at(0, 0) }));
		const tomorrow = at(-1, 12);
		await putArticle("tomorrow", sampleArticle({ publishedAt: tomorrow }));
		await settleStore();
		const html = await (await request(path(at(0, 0)))).text();
		expect(articleLinks(html)).toContain("today");
		expect(articleLinks(html)).not.toContain("tomorrow");
		expect(links(html, "/archive/")).not.toContain(path(tomorrow));
		expect((await request(path(tomorrow))).status).toBe(404);
	});

	it("Should drop a day whose last article is deleted, and re-link its neighbours", async () => {
		await putArticle("a", sampleArticle({ publishedAt: at(9, 12) }));
		await putArticle("b", sampleArticle({ publishedAt: at(8, 12) }));
		await putArticle("c", sampleArticle({ publishedAt: at(7, 12) }));
		await settleStore();
		expect(links(await (await request(path(at(9, 0)))).text(), "/archive/")).toContain(path(at(8, 0)));
		expect((await request("/api/articles/b", { method: "DELETE", headers: adminHeaders() })).status).toBe(204);
		await settleStore();
		expect((await request(path(at(8, 0)))).status).toBe(404);
		const html = await (await request(path(at(9, 0)))).text();
		expect(links(html, "/archive/")).toContain(path(at(7, 0)));
		expect(links(html, "/archive/")).not.toContain(path(at(8, 0)));
	});

	it("Should follow an article moved to another day", async () => {
		await putArticle("moved", sampleArticle({ publishedAt: at(4, 12) }));
		await settleStore();
		await putArticle("moved", sampleArticle({ publishedAt: at(20, 12) }));
		await settleStore();
		expect((await request(path(at(4, 0)))).status).toBe(404);
		expect(articleLinks(await (await request(path(at(20, 0)))).text())).toEqual(["moved"]);
	});

	it("Should cost one KV read beside the headlines index, whatever the archive holds", async () => {
		for (let i = 0; i < 6; i++) await putArticle(`s-${i}`, sampleArticle({ publishedAt: at(2, i * 3) }));
		await settleStore();
		const counter = instrumentKv(env.NEWS);
		const bindings = { ...env, NEWS: counter.kv, KV_NAMESPACE_ID: "" };
		for (const url of [path(at(2, 0)), `/archive/${at(2, 0).slice(0, 7).replace("-", "/")}`, "/archive"]) {
			counter.reset();
			const ctx = createExecutionContext();
			const response = await app.fetch(new Request(`${ORIGIN}${url}`), bindings, ctx);
			expect(response.status, url).toBe(200);
			await response.arrayBuffer();
			await waitOnExecutionContext(ctx);
			expect(
				counter.calls.filter((c) => c.op === "list"),
				url,
			).toEqual([]);
			expect(counter.calls.filter((c) => c.key !== "v1:headlines").length, url).toBe(1);
		}
	});
});

describe("A month's page and the archive's front", () => {
	it("Should list the month's days that have articles, and the months either side", async () => {
		await putArticle("m1", sampleArticle({ publishedAt: "2025-03-04T10:00:00Z" }));
		await putArticle("m2", sampleArticle({ publishedAt: "2025-03-19T10:00:00Z" }));
		await putArticle("m2b", sampleArticle({ publishedAt: "2025-03-19T11:00:00Z" }));
		await putArticle("jan", sampleArticle({ publishedAt: "2025-01-30T10:00:00Z" }));
		await putArticle("jun", sampleArticle({ publishedAt: "2025-06-01T10:00:00Z" }));
		await settleStore();
		const html = await (await request("/archive/2025/03")).text();
		expect(links(html, "/archive/2025/03/")).toEqual(["/archive/2025/03/04", "/archive/2025/03/19"]);
		expect(html).toContain("March 2025");
		expect(links(html, "/archive/")).toEqual(expect.arrayContaining(["/archive/2025/01", "/archive/2025/06"]));
		expect((await request("/archive/2025/02")).status).toBe(404);
		const front = await (await request("/archive")).text();
		expect(links(front, "/archive/")).toEqual(["/archive/2025/06", "/archive/2025/03", "/archive/2025/01"]);
		expect(front).toContain(">2025<");
	});

	it("Should show an empty archive as a page, not an error", async () => {
		const response = await request("/archive");
		expect(response.status).toBe(200);
		expect(await response.text()).toContain("No stories yet.");
	});

	it("Should name days and months from the years 0001 and 9999 as the date domain admits", async () => {
		await putArticle("first", sampleArticle({ publishedAt: "0001-01-01T00:00:00Z" }));
		await putArticle("last", sampleArticle({ publishedAt: "9999-12-31T23:59:59Z" }));
		await settleStore();
		expect(articleLinks(await (await request("/archive/0001/01/01")).text())).toEqual(["first"]);
		expect((await request("/archive/0001/01")).status).toBe(200);
		// Scheduled for the year 9999: filed, but not shown until then.
		expect((await request("/archive/9999/12/31")).status).toBe(404);
	});
});

describe("The site's time zone", () => {
	it("Should file each article under its local day, and re-file every row when the zone changes", async () => {
		// 20:00 UTC on 10 June is 08:00 on 11 June in Auckland (UTC+12 in winter).
		await putArticle("evening", sampleArticle({ publishedAt: "2025-06-10T20:00:00Z" }));
		await settleStore();
		expect((await request("/archive/2025/06/10")).status).toBe(200);
		await runInDurableObject(storeWriter(env), async (_instance, state) => {
			expect(migrateArchiveDays(state.storage.sql, "Pacific/Auckland")).toBe(true);
		});
		// The StoreWriter wakes itself after a re-filing at start; here the next publish writes the keys.
		await putArticle("unrelated", sampleArticle({ publishedAt: "2024-01-01T12:00:00Z" }));
		await settleStore();
		expect((await request("/archive/2025/06/10")).status).toBe(404);
		expect(articleLinks(await (await request("/archive/2025/06/11")).text())).toEqual(["evening"]);
		// And back, so the rest of the file's store is filed in the zone the Worker runs with.
		await runInDurableObject(storeWriter(env), async (_instance, state) => {
			migrateArchiveDays(state.storage.sql, "UTC");
		});
	});

	it("Should name the local day of an instant in zones east and west, and at the date domain's edges", () => {
		expect(localDay(Date.parse("2026-12-04T02:00:00Z"), "America/New_York")).toBe("2026-12-03");
		expect(localDay(Date.parse("2026-12-03T11:30:00Z"), "Asia/Kolkata")).toBe("2026-12-03");
		expect(localDay(Date.parse("2026-12-03T18:30:00Z"), "Asia/Kolkata")).toBe("2026-12-04");
		expect(localDay(Date.parse("2026-03-29T00:59:59Z"), "Europe/London")).toBe("2026-03-29");
		expect(localDay(Date.parse("0001-01-01T00:00:00Z"), "America/Los_Angeles")).toBe("0001-01-01");
		expect(localDay(Date.parse("9999-12-31T23:59:59Z"), "Pacific/Kiritimati")).toBe("9999-12-31");
	});
});
