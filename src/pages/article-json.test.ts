import { describe, expect, it } from "vitest";
import { keys } from "../kv/keys";
import { liveArticleJson } from "./article-json";
import { expectValue, minutesBefore, putRaw, readerAt, seed, storedArticle } from "./fixtures/records";

describe("liveArticleJson", () => {
	it("Should give the stored article without its origin, with its URL and its age at `now`", async () => {
		const origin = { sourceId: "port-wire", itemKey: "https://port.example/1" };
		await seed([storedArticle("wired", 61, { origin, source: "Port Wire", tags: ["ports"] })]);
		expect(expectValue(await liveArticleJson(readerAt("/api/articles/wired"), "wired"))).toEqual({
			slug: "wired",
			title: "Story wired",
			section: "business",
			publishedAt: minutesBefore(61),
			body: "The cranes are back.",
			bodyHtml: "<p>The cranes are back.</p>",
			source: "Port Wire",
			tags: ["ports"],
			url: "/articles/wired",
			age: "about 1 hour ago",
		});
	});

	it("Should find no article that is absent or scheduled, and call a corrupt one unreadable", async () => {
		await seed([storedArticle("scheduled", -1)]);
		await putRaw(keys.article("corrupt"), "{");
		const json = (slug: string) => liveArticleJson(readerAt(`/api/articles/${slug}`), slug);
		expect(await json("absent")).toEqual({ ok: false, error: { code: "page.not_found" } });
		expect(await json("scheduled")).toEqual({ ok: false, error: { code: "page.not_found" } });
		expect(await json("corrupt")).toEqual({ ok: false, error: { code: "page.unreadable" } });
	});
});
