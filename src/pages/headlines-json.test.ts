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
		const body = expectValue(await headlinesJson(at(0), 2));
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
		const first = expectValue(await headlinesJson(at(0), 10));
		const same = expectValue(await headlinesJson(at(59_000), 10));
		expect(same.etag).toBe(first.etag);
		expect(JSON.parse(same.json).generatedAt).toBe(new Date(NOW.getTime() + 59_000).toISOString());
		const changed = expectValue(await headlinesJson(at(60_000), 10));
		expect(JSON.parse(changed.json).headlines[0].age).toBe("31 mins ago");
		expect(changed.etag).not.toBe(first.etag);
	});

	it("Should call an index that fails its schema unreadable", async () => {
		await putRaw(keys.headlines, '{"headlines": "not a list"}');
		expect(await headlinesJson(at(0), 10)).toEqual({ ok: false, error: { code: "page.unreadable" } });
	});
});
