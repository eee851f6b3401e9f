// Search results are checked as they come back, like any record read back: one malformed hit is left out,
// a malformed page answers as no results, and nothing reader-facing breaks.
import { describe, expect, it } from "vitest";
import { NOW, readerAt } from "./fixtures/records";
import { forgetSearches, type SearchBackend, searchJson } from "./search";

const good = { headline: { slug: "good-story", title: "Good story", publishedAt: NOW.toISOString() }, snippet: "a" };

function backend(page: unknown): SearchBackend {
	return async () => page as Awaited<ReturnType<SearchBackend>>;
}

describe("searchJson on what the StoreWriter answers", () => {
	it("Should leave out a hit that fails its schema and keep the rest", async () => {
		forgetSearches();
		const bad = { headline: { slug: "Not A Slug", title: 7 }, snippet: "b" };
		const body = await searchJson(readerAt("/api/search?q=x&limit=5"), backend({ hits: [bad, good], more: false }), {
			text: "bad hit",
			limit: 5,
			offset: 0,
		});
		expect(body.results.map((r) => r.slug)).toEqual(["good-story"]);
	});

	it("Should answer a page that is not one as no results", async () => {
		forgetSearches();
		const body = await searchJson(readerAt("/api/search?q=y&limit=5"), backend({ hits: "nope" }), {
			text: "bad page",
			limit: 5,
			offset: 0,
		});
		expect(body).toEqual({ results: [] });
	});
});
