// The item identity on the StoreWriter's real SQLite: the migration of rows keyed by bare guid,
// lookups by source and key (with the bare-key fallback), and the ledger of issued slugs.
import { reset, runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import type { Article } from "../schemas/article";
import { findByItem, migrateArticlesTable, slugTaken, upsertRow } from "./articles-table";
import { linkOwners, parseItemKey, storedItemKey } from "./item-identity";
import { storeWriter } from "./stub";
import type { StoreWriter } from "./writer";

beforeEach(async () => {
	await reset();
});

function article(slug: string, extra: Partial<Article> = {}): Article {
	return {
		slug,
		title: `Story ${slug}`,
		publishedAt: "2026-11-25T09:00:00.000Z",
		body: "",
		bodyHtml: "<p>text</p>",
		...extra,
	};
}

/** Inserts a row the way the table held it before per-source keys: the bare guid. */
function legacyRow(sql: SqlStorage, slug: string, itemKey: string, stored: Article): void {
	sql.exec(
		"INSERT INTO articles (slug, published_at, item_key, expires_at, headline, json) VALUES (?, ?, ?, NULL, ?, ?)",
		slug,
		Date.parse(stored.publishedAt),
		itemKey,
		JSON.stringify({ slug, title: stored.title, publishedAt: stored.publishedAt }),
		JSON.stringify(stored),
	);
}

function inWriter<T>(fn: (sql: SqlStorage) => T): Promise<T> {
	return runInDurableObject(storeWriter(env), (_: StoreWriter, state: DurableObjectState) => fn(state.storage.sql));
}

describe("item identity", () => {
	it("Should write and read a key per source, never confusing a source id with the key", () => {
		expect(storedItemKey("north", "urn:a b")).toBe("north\u001furn:a b");
		expect(parseItemKey("north\u001furn:a b")).toEqual({ sourceId: "north", itemKey: "urn:a b" });
		expect(parseItemKey("bare-guid")).toEqual({ sourceId: null, itemKey: "bare-guid" });
		expect(storedItemKey(null, null)).toBeNull();
	});

	it("Should migrate bare guids to keys per source where the article names its source, and keep the rest findable", async () => {
		const rows = await inWriter((sql) => {
			const origin = { sourceId: "north", itemKey: "1234" };
			legacyRow(
				sql,
				"north-story",
				"1234",
				article("north-story", { origin, sourceUrl: "https://North.example/1234?utm_source=rss" }),
			);
			// An editor replaced this feed article before per-source keys: its source is unknown.
			legacyRow(sql, "replaced-story", "urn:x", article("replaced-story"));
			legacyRow(sql, "editors-own", "", article("editors-own"));
			sql.exec("UPDATE articles SET item_key = NULL WHERE slug = 'editors-own'");
			sql.exec("DELETE FROM meta WHERE k IN ('articles_item_identity', 'issued_slugs')");
			migrateArticlesTable(sql);
			migrateArticlesTable(sql);
			return sql.exec("SELECT slug, item_key, canonical_link FROM articles ORDER BY slug").toArray();
		});
		expect(rows).toEqual([
			{ slug: "editors-own", item_key: null, canonical_link: null },
			{ slug: "north-story", item_key: "north\u001f1234", canonical_link: "https://north.example/1234" },
			{ slug: "replaced-story", item_key: "urn:x", canonical_link: null },
		]);

		const found = await inWriter((sql) => ({
			north: findByItem(sql, "north", "1234")?.slug,
			south: findByItem(sql, "south", "1234")?.slug,
			replaced: findByItem(sql, "anyone", "urn:x")?.slug,
			owners: linkOwners(sql, "https://north.example/1234", Date.now()),
			// The ledger starts with every slug the table held.
			taken: ["north-story", "replaced-story", "editors-own"].map((slug) => slugTaken(sql, slug, "south", "9")),
		}));
		expect(found).toEqual({
			north: "north-story",
			south: undefined,
			replaced: "replaced-story",
			owners: ["north"],
			taken: [true, true, true],
		});
	});

	it("Should refuse a pruned article's slug to any other item, and give it back to the same item", async () => {
		const taken = await inWriter((sql) => {
			upsertRow(sql, {
				slug: "harbour-closed",
				article: article("harbour-closed"),
				sourceId: "quay",
				itemKey: "q-1",
				expiresAt: 1,
			});
			sql.exec("DELETE FROM articles WHERE slug = 'harbour-closed'");
			return {
				another: slugTaken(sql, "harbour-closed", "quay", "q-2"),
				sameKeyOtherSource: slugTaken(sql, "harbour-closed", "other", "q-1"),
				same: slugTaken(sql, "harbour-closed", "quay", "q-1"),
				never: slugTaken(sql, "harbour-open", "quay", "q-2"),
			};
		});
		expect(taken).toEqual({ another: true, sameKeyOtherSource: true, same: false, never: false });
	});
});
