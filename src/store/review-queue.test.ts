// The review queue and the last-items copy on a real Durable Object's SQLite: one row per item,
// the per-source cap and the age limit, paging, the slug an approval takes, and the dry run's copy.
import { runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { Article } from "../schemas/article";
import type { FeedItem } from "../schemas/feed-item";
import { upsertRow } from "./articles-table";
import type { QueuedItem } from "./ingest-plan";
import { LAST_ITEMS_PER_SOURCE, lastItems, saveLastItems } from "./last-items";
import {
	approvalRow,
	enqueue,
	findQueued,
	isQueued,
	listQueue,
	MAX_QUEUED_PER_SOURCE,
	removeQueued,
} from "./review-queue";
import { migrateScreening } from "./screening";

function withSql<T>(name: string, body: (sql: SqlStorage) => T): Promise<T> {
	const namespace = env.WRITER as unknown as DurableObjectNamespace;
	return runInDurableObject(namespace.get(namespace.idFromName(name)), (_instance, state) => {
		migrateScreening(state.storage.sql);
		return body(state.storage.sql);
	});
}

const T0 = Date.parse("2026-11-25T10:00:00.000Z");
const DAY = 86_400_000;

function queued(sourceId: string, key: string, slug = `story-${key}`): QueuedItem {
	const article: Article = {
		slug,
		title: `Story ${key}`,
		publishedAt: "2026-11-25T09:00:00.000Z",
		body: "",
		bodyHtml: "<p>Body.</p>",
		sourceUrl: `https://${sourceId}.example/${key}`,
		source: sourceId,
		origin: { sourceId, itemKey: key },
	};
	return { row: { slug, article, sourceId, itemKey: key, expiresAt: null }, reason: "held", note: "held" };
}

describe("the review queue table", () => {
	it("Should hold one row per item, however often it is queued", async () => {
		await withSql("queue-once", (sql) => {
			enqueue(sql, [queued("a", "1"), queued("a", "1")], T0, 30 * DAY);
			enqueue(sql, [queued("a", "1")], T0 + 1000, 30 * DAY);
			expect(listQueue(sql, 10, undefined).items).toHaveLength(1);
			expect(isQueued(sql, "a", "1")).toBe(true);
			expect(isQueued(sql, "b", "1")).toBe(false);
		});
	});

	it(`Should keep a source's newest ${MAX_QUEUED_PER_SOURCE} and leave other sources alone`, async () => {
		await withSql("queue-cap", (sql) => {
			enqueue(sql, [queued("other", "x")], T0, 30 * DAY);
			const many = Array.from({ length: MAX_QUEUED_PER_SOURCE + 5 }, (_, i) => queued("busy", String(i)));
			enqueue(sql, many, T0, 30 * DAY);
			const page = listQueue(sql, 100, undefined);
			expect(page.items[0]?.itemKey).toBe(String(MAX_QUEUED_PER_SOURCE + 4));
			expect(isQueued(sql, "busy", "0")).toBe(false);
			expect(isQueued(sql, "busy", "5")).toBe(true);
			expect(isQueued(sql, "other", "x")).toBe(true);
		});
	});

	it("Should drop rows older than an article would live", async () => {
		await withSql("queue-ttl", (sql) => {
			enqueue(sql, [queued("a", "old")], T0, 30 * DAY);
			enqueue(sql, [queued("a", "new")], T0 + 31 * DAY, 30 * DAY);
			expect(listQueue(sql, 10, undefined).items.map((i) => i.itemKey)).toEqual(["new"]);
		});
	});

	it("Should page by id, newest first, with next only while more follow", async () => {
		await withSql("queue-pages", (sql) => {
			enqueue(
				sql,
				["1", "2", "3"].map((k) => queued("p", k)),
				T0,
				30 * DAY,
			);
			const first = listQueue(sql, 2, undefined);
			expect(first.items.map((i) => i.itemKey)).toEqual(["3", "2"]);
			const second = listQueue(sql, 2, Number(first.next));
			expect(second).toEqual({ items: [expect.objectContaining({ itemKey: "1" })] });
		});
	});

	it("Should give an approval the queued slug while free, else the next one from the title", async () => {
		await withSql("queue-slug", (sql) => {
			enqueue(sql, [queued("s", "1", "story-1")], T0, 30 * DAY);
			const [item] = listQueue(sql, 1, undefined).items;
			const found = findQueued(sql, item?.id ?? 0);
			if (!found?.row) throw new Error("not found");
			expect(approvalRow(sql, found.row, T0).slug).toBe("story-1");
			upsertRow(sql, { ...queued("editor", "e", "story-1").row, sourceId: null, itemKey: null });
			const row = approvalRow(sql, found.row, T0 + DAY);
			expect(row).toMatchObject({ slug: "story-1-2", article: { slug: "story-1-2" }, expiresAt: T0 + DAY });
			expect(found.takenDown).toEqual({
				itemKey: "s\u001f1",
				slug: "story-1",
				title: "Story 1",
				link: "https://s.example/1",
			});
			removeQueued(sql, found.id);
			expect(findQueued(sql, found.id)).toBeUndefined();
		});
	});
});

describe("the last fetched items", () => {
	const item = (i: number): FeedItem => ({
		key: `k${i}`,
		title: `Item ${i}`,
		link: `https://x.example/${i}`,
		publishedAt: "2026-11-25T09:00:00.000Z",
		dated: true,
		contentHtml: `<p>Text ${i}</p>`,
		categories: ["c"],
	});

	it(`Should keep the newest ${LAST_ITEMS_PER_SOURCE} of the last fetch only, as rules read them`, async () => {
		await withSql("last-items", (sql) => {
			saveLastItems(sql, "a", [item(1), item(2)], new Date(T0));
			saveLastItems(
				sql,
				"a",
				Array.from({ length: LAST_ITEMS_PER_SOURCE + 10 }, (_, i) => item(i + 10)),
				new Date(T0 + 1000),
			);
			const last = lastItems(sql, "a");
			expect(last.fetchedAt).toBe(new Date(T0 + 1000).toISOString());
			expect(last.items).toHaveLength(LAST_ITEMS_PER_SOURCE);
			expect(last.items[0]).toEqual({
				key: "k10",
				title: "Item 10",
				link: "https://x.example/10",
				categories: ["c"],
				content: "Text 10",
			});
			expect(lastItems(sql, "b")).toEqual({ fetchedAt: null, items: [] });
		});
	});
});
