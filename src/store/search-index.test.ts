// Full-text search on the StoreWriter's real SQLite (FTS5): stemming and prefixes, ranking, escaped
// snippets, and only public, live articles ever found.
import { reset, runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import fc from "fast-check";
import { beforeEach, describe, expect, it } from "vitest";
import type { Article } from "../schemas/article";
import { MARK_END, MARK_START } from "../search/results";
import { deleteRow, pruneExpired, upsertRow } from "./articles-table";
import { migrateSearchIndex, SEARCH_CANDIDATES, searchArticles } from "./search-index";
import { storeWriter } from "./stub";
import type { StoreWriter } from "./writer";

beforeEach(async () => {
	await reset();
});

const NOW = Date.parse("2026-12-03T12:00:00.000Z");

function article(slug: string, extra: Partial<Article> = {}): Article {
	return {
		slug,
		title: `Story ${slug}`,
		publishedAt: new Date(NOW - 3_600_000).toISOString(),
		body: "",
		bodyHtml: "<p>Nothing to see.</p>",
		...extra,
	};
}

function inWriter<T>(fn: (sql: SqlStorage) => T): Promise<T> {
	return runInDurableObject(storeWriter(env), (_: StoreWriter, state: DurableObjectState) => fn(state.storage.sql));
}

function put(sql: SqlStorage, a: Article, expiresAt: number | null = null): void {
	upsertRow(sql, { slug: a.slug, article: a, sourceId: null, itemKey: null, expiresAt });
}

const slugs = (sql: SqlStorage, q: string, nowMs = NOW) =>
	searchArticles(sql, q, { nowMs, limit: 20, offset: 0 }).hits.map((h) => h.headline.slug);

describe("Search index", () => {
	it("Should rank a word in more stories than SEARCH_CANDIDATES among its newest matches, and a rarer one over all", async () => {
		await inWriter((sql) => {
			// The oldest story matches best (the word in its title), but it is past the newest SEARCH_CANDIDATES matches.
			put(sql, article("oldest", { title: "Harbour harbour harbour", bodyHtml: "<p>harbour</p>" }));
			for (let i = 0; i < SEARCH_CANDIDATES + 5; i++) {
				put(sql, article(`common-${i}`, { bodyHtml: `<p>The harbour again, part ${i}.</p>` }));
			}
			put(sql, article("rare-old", { title: "Quarry tunnel", bodyHtml: "<p>quarry</p>" }));
			for (let i = 0; i < 50; i++) put(sql, article(`quarry-${i}`, { bodyHtml: "<p>A quarry, once.</p>" }));
			const common = searchArticles(sql, "harbour", { nowMs: NOW, limit: 50, offset: 0 });
			expect(common.hits.map((h) => h.headline.slug)).not.toContain("oldest");
			expect(common.more).toBe(true);
			// Past the candidates, no more pages: a common word is ranked among its newest matches.
			const last = searchArticles(sql, "harbour", { nowMs: NOW, limit: 50, offset: SEARCH_CANDIDATES - 10 });
			expect(last.hits.length).toBeLessThanOrEqual(10);
			expect(last.more).toBe(false);
			// A word with fewer matches is ranked over all of them: the best one leads, however old.
			expect(slugs(sql, "quarry")[0]).toBe("rare-old");
			// A partial word still finds by prefix, common or not.
			expect(searchArticles(sql, "harb", { nowMs: NOW, limit: 5, offset: 0 }).hits).toHaveLength(5);
			expect(slugs(sql, "quarr")[0]).toBe("rare-old");
		});
	});

	it("Should take a version-1 index as it is, noting each document's rowid without rebuilding it", async () => {
		await inWriter((sql) => {
			put(sql, article("kept-a", { bodyHtml: "<p>lanterns by the quay</p>" }));
			put(sql, article("kept-b", { bodyHtml: "<p>more lanterns</p>" }));
			// As version 1 left it: documents, no rowid map.
			sql.exec("DELETE FROM search_rows");
			sql.exec("UPDATE meta SET v = '1' WHERE k = 'search_index'");
			const rowids = sql.exec<{ r: number }>("SELECT rowid AS r FROM articles_fts ORDER BY rowid").toArray();
			migrateSearchIndex(sql);
			expect(sql.exec<{ r: number }>("SELECT rid AS r FROM search_rows ORDER BY rid").toArray()).toEqual(rowids);
			expect(slugs(sql, "lanterns").sort()).toEqual(["kept-a", "kept-b"]);
			// Its documents are found by rowid from now on: an edit replaces, never duplicates.
			put(sql, article("kept-a", { bodyHtml: "<p>lanterns, corrected</p>" }));
			expect(slugs(sql, "lanterns").sort()).toEqual(["kept-a", "kept-b"]);
			expect(sql.exec("SELECT COUNT(*) AS n FROM articles_fts").one().n).toBe(2);
		});
	});

	it("Should find a re-indexed story once, as the newest document, and forget a deleted one", async () => {
		await inWriter((sql) => {
			put(sql, article("edited", { bodyHtml: "<p>first draft about lanterns</p>" }));
			put(sql, article("edited", { bodyHtml: "<p>second draft about lanterns</p>" }));
			expect(slugs(sql, "lanterns")).toEqual(["edited"]);
			expect(searchArticles(sql, "lanterns", { nowMs: NOW, limit: 5, offset: 0 }).hits[0]?.snippet).toContain("second");
			deleteRow(sql, "edited");
			expect(slugs(sql, "lanterns")).toEqual([]);
			expect(sql.exec("SELECT COUNT(*) AS n FROM search_rows").one().n).toBe(0);
		});
	});

	it("Should find words by stem and by prefix in the title, dek, body and author", async () => {
		await inWriter((sql) => {
			put(sql, article("floods", { bodyHtml: "<p>The river was flooding the lower town.</p>" }));
			put(sql, article("dek", { dek: "Harbour cranes are back" }));
			put(sql, article("author", { author: { name: "Ines Marlow" } }));
			put(sql, article("other"));
			expect(slugs(sql, "flood")).toEqual(["floods"]);
			expect(slugs(sql, "floods")).toEqual(["floods"]);
			expect(slugs(sql, "harb")).toEqual(["dek"]);
			expect(slugs(sql, "marlow")).toEqual(["author"]);
			expect(slugs(sql, "river town")).toEqual(["floods"]);
			expect(slugs(sql, "river harbour")).toEqual([]);
		});
	});

	it("Should rank a title match above a body match, and the newer above the older at equal relevance", async () => {
		await inWriter((sql) => {
			put(sql, article("in-body", { bodyHtml: "<p>A note about the ferry timetable.</p>" }));
			put(sql, article("in-title", { title: "Ferry timetable changes" }));
			expect(slugs(sql, "ferry")).toEqual(["in-title", "in-body"]);
			put(sql, article("old", { title: "Tram works", publishedAt: new Date(NOW - 90 * 86_400_000).toISOString() }));
			put(sql, article("new", { title: "Tram works", publishedAt: new Date(NOW - 60_000).toISOString() }));
			expect(slugs(sql, "tram")).toEqual(["new", "old"]);
		});
	});

	it("Should never find drafts, scheduled, expired or deleted articles", async () => {
		await inWriter((sql) => {
			put(sql, article("live", { title: "Orchard opens" }));
			put(sql, article("later", { title: "Orchard party", publishedAt: new Date(NOW + 3_600_000).toISOString() }));
			put(sql, article("gone", { title: "Orchard sold" }));
			put(sql, article("expiring", { title: "Orchard news" }), NOW + 1000);
			put(sql, article("draft", { title: "Orchard draft" }));
			sql.exec("UPDATE articles SET status = 'draft' WHERE slug = 'draft'");
			deleteRow(sql, "gone");
			expect(slugs(sql, "orchard").sort()).toEqual(["expiring", "live"]);
			expect(slugs(sql, "orchard", NOW + 2000)).toEqual(["live"]);
			pruneExpired(sql, NOW + 2000);
			expect(sql.exec("SELECT count(*) AS n FROM articles_fts").one().n).toBe(3);
			// The scheduled one appears at its minute.
			expect(slugs(sql, "orchard", NOW + 3_600_001).sort()).toEqual(["later", "live"]);
		});
	});

	it("Should replace an article's words when it is edited", async () => {
		await inWriter((sql) => {
			put(sql, article("edited", { title: "Market hall closes" }));
			put(sql, article("edited", { title: "Grain store reopens" }));
			expect(slugs(sql, "market")).toEqual([]);
			expect(slugs(sql, "grain")).toEqual(["edited"]);
		});
	});

	it("Should mark matches in the snippet with marks no stored text can contain", async () => {
		await inWriter((sql) => {
			put(sql, article("marks", { bodyHtml: `<p>Quay \u0002fake\u0003 &lt;b&gt; works begin</p>` }));
			const [hit] = searchArticles(sql, "quay", { nowMs: NOW, limit: 5, offset: 0 }).hits;
			expect(hit?.snippet).toContain(`${MARK_START}Quay${MARK_END}`);
			expect(hit?.snippet.split(MARK_START)).toHaveLength(2);
			expect(hit?.snippet).toContain("<b>");
		});
	});

	it("Should page through results with `more` on every page but the last", async () => {
		await inWriter((sql) => {
			for (let i = 0; i < 5; i++) put(sql, article(`p${i}`, { title: `Coastal path ${i}` }));
			const first = searchArticles(sql, "coastal", { nowMs: NOW, limit: 3, offset: 0 });
			const second = searchArticles(sql, "coastal", { nowMs: NOW, limit: 3, offset: 3 });
			expect(first.hits).toHaveLength(3);
			expect(first.more).toBe(true);
			expect(second.hits).toHaveLength(2);
			expect(second.more).toBe(false);
			const all = [...first.hits, ...second.hits].map((h) => h.headline.slug);
			expect(new Set(all).size).toBe(5);
		});
	});

	it("Should never fail on any query text: operators, quotes, parentheses, every Unicode plane", async () => {
		await inWriter((sql) => {
			put(sql, article("any", { title: "Council meets" }));
			for (const q of ['"', 'council"', "*", "-council", "NEAR(council", "council AND", "OR", "((", ")", "a:b", "^x"]) {
				expect(() => searchArticles(sql, q, { nowMs: NOW, limit: 5, offset: 0 })).not.toThrow();
			}
			expect(slugs(sql, '"council')).toEqual(["any"]);
			fc.assert(
				fc.property(fc.string({ unit: "binary", maxLength: 200 }), (q) => {
					searchArticles(sql, q, { nowMs: NOW, limit: 5, offset: 0 });
				}),
				{ numRuns: 300 },
			);
		});
	});
});
