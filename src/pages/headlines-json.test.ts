import { describe, expect, it } from "vitest";
import { keys } from "../kv/keys";
import { expectValue, minutesBefore, NOW, putRaw, readerAt, seed, storedArticle } from "./fixtures/records";
import { headlinesJson } from "./headlines-json";

const at = (ms: number) => readerAt("/api/headlines", new Date(NOW.getTime() + ms));

describe("headlinesJson", () => {
	it("Should give exactly `limit` live headlines, newest first, with their ages at `now`", async () => {
		await seed([
			storedArticle("later", -1),
			storedArticle("newest", 5, { section: undefined, source: "Port Wire" }),
			storedArticle("middle", 61),
			storedArticle("oldest", 130),
		]);
		const body = expectValue(await headlinesJson(at(0), { limit: 2, ages: true }));
		expect(JSON.parse(body.json)).toEqual({
			headlines: [
				{
					slug: "newest",
					title: "Story newest",
					url: "/articles/newest",
					section: null,
					source: "Port Wire",
					publishedAt: minutesBefore(5),
					age: "5 mins ago",
				},
				{
					slug: "middle",
					title: "Story middle",
					url: "/articles/middle",
					section: "business",
					source: null,
					publishedAt: minutesBefore(61),
					age: "about 1 hour ago",
				},
			],
			generatedAt: NOW.toISOString(),
		});
		expect(body.etag).toMatch(/^W\/"[0-9a-f]{28}"$/);
	});

	it("Should keep the tag while every age holds, and change it when one changes", async () => {
		await seed([storedArticle("steady", 30)]);
		const first = expectValue(await headlinesJson(at(0), { limit: 10, ages: true }));
		const same = expectValue(await headlinesJson(at(59_000), { limit: 10, ages: true }));
		expect(same.etag).toBe(first.etag);
		expect(JSON.parse(same.json).generatedAt).toBe(new Date(NOW.getTime() + 59_000).toISOString());
		const changed = expectValue(await headlinesJson(at(60_000), { limit: 10, ages: true }));
		expect(JSON.parse(changed.json).headlines[0].age).toBe("31 mins ago");
		expect(changed.etag).not.toBe(first.etag);
	});

	it("Should keep the tag of a list without ages for as long as the list holds, however the ages move", async () => {
		await seed([storedArticle("steady", 30), storedArticle("older", 300)]);
		const first = expectValue(await headlinesJson(at(0), { limit: 10, ages: false }));
		expect(JSON.parse(first.json).headlines.map((h: object) => Object.keys(h))).toEqual([
			["slug", "title", "url", "section", "source", "publishedAt"],
			["slug", "title", "url", "section", "source", "publishedAt"],
		]);
		for (const later of [60_000, 31 * 60_000, 26 * 60 * 60_000]) {
			expect(expectValue(await headlinesJson(at(later), { limit: 10, ages: false })).etag).toBe(first.etag);
		}
		// Its tag is not the aged list's: a client holding one never revalidates the other.
		expect(expectValue(await headlinesJson(at(0), { limit: 10, ages: true })).etag).not.toBe(first.etag);
	});

	it("Should change the tag of a list without ages when a scheduled story goes live", async () => {
		await seed([storedArticle("steady", 30), storedArticle("soon", -5)]);
		const before = expectValue(await headlinesJson(at(0), { limit: 10, ages: false }));
		expect(JSON.parse(before.json).headlines.map((h: { slug: string }) => h.slug)).toEqual(["steady"]);
		const after = expectValue(await headlinesJson(at(5 * 60_000), { limit: 10, ages: false }));
		expect(JSON.parse(after.json).headlines.map((h: { slug: string }) => h.slug)).toEqual(["soon", "steady"]);
		expect(after.etag).not.toBe(before.etag);
	});

	it("Should call an index that fails its schema unreadable", async () => {
		await putRaw(keys.headlines, '{"headlines": "not a list"}');
		expect(await headlinesJson(at(0), { limit: 10, ages: true })).toEqual({
			ok: false,
			error: { code: "page.unreadable" },
		});
	});
});
