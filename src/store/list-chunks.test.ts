// The lists behind older pages, on the StoreWriter's real SQLite and the strict KV: every public
// article reachable from the newest page by older links, a rare section's too, chunks within bounds,
// the cost of a page the same at any size, and no sort or scan on the write path.
import { reset, runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import * as v from "valibot";
import { beforeEach, describe, expect, it } from "vitest";
import { rawKv, settleStore } from "../../test/limits";
import { forgetLists, readListPage } from "../kv/lists";
import type { Article } from "../schemas/article";
import { CursorText } from "../schemas/paging";
import { CHUNK_MAX, CHUNK_MIN } from "./list-chunks";
import { storeWriter } from "./stub";
import type { StoreWriter } from "./writer";

beforeEach(async () => {
	await reset();
	forgetLists();
});

const BASE = Date.parse("2026-11-01T00:00:00.000Z");

function article(i: number, section?: string): Article {
	return {
		slug: `story-${String(i).padStart(5, "0")}`,
		title: `Story ${i}`,
		// Pairs share a minute, so ties are broken by slug.
		publishedAt: new Date(BASE - Math.floor(i / 2) * 60_000).toISOString(),
		body: "",
		bodyHtml: "<p>x</p>",
		...(section ? { section } : {}),
	};
}

/** Stores articles through the StoreWriter's own change sets, `batch` at a time, then lets the trailing writes land. */
async function store(articles: Article[], batch = 100, expiresAt: number | null = null): Promise<void> {
	for (let at = 0; at < articles.length; at += batch) {
		const put = articles
			.slice(at, at + batch)
			.map((a) => ({ slug: a.slug, article: a, sourceId: null, itemKey: null, expiresAt }));
		await runInDurableObject(storeWriter(env), async (writer: StoreWriter) => {
			const w = writer as unknown as {
				serialized: (fn: () => Promise<unknown>) => Promise<unknown>;
				editorApply: (c: unknown) => Promise<unknown>;
			};
			await w.serialized(() => w.editorApply({ put, remove: [] }));
		});
	}
	await settleStore();
	forgetLists();
}

async function remove(slugs: string[]): Promise<void> {
	for (const slug of slugs) await storeWriter(env).deleteArticle(slug);
	await settleStore();
	forgetLists();
}

const NOW = new Date(BASE + 86_400_000);
const source = { kv: env.NEWS, namespaceId: undefined };

/** Every slug from the newest page of `section`'s list (or the home list) down the older links. */
async function walk(section?: string): Promise<{ slugs: string[]; pages: number }> {
	const slugs: string[] = [];
	let before: string | undefined;
	let pages = 0;
	do {
		const cursor = before === undefined ? undefined : v.parse(CursorText, before);
		const page = await readListPage(source, { section }, { before: cursor, size: 30 }, NOW);
		if (!page.ok) throw new Error(JSON.stringify(page.error));
		slugs.push(...page.value.headlines.map((h) => h.slug));
		before = page.value.older;
		pages++;
	} while (before);
	return { slugs, pages };
}

function expected(articles: Article[]): string[] {
	return [...articles]
		.sort((a, b) => Date.parse(b.publishedAt) - Date.parse(a.publishedAt) || (a.slug < b.slug ? -1 : 1))
		.map((a) => a.slug);
}

describe("List chunks", () => {
	it("Should reach every article of a large list exactly once, newest first, with every page full but the last", async () => {
		const articles = Array.from({ length: 1500 }, (_, i) => article(i, i % 100 === 50 ? "Quiet" : "Busy"));
		await store(articles, 250);
		const home = await walk();
		expect(home.slugs).toEqual(expected(articles));
		expect(home.pages).toBe(Math.ceil(1500 / 30));
		const quiet = await walk("quiet");
		expect(quiet.slugs).toEqual(expected(articles.filter((a) => a.section === "Quiet")));
	}, 60_000);

	it("Should keep every chunk within its bounds, and each KV value far under KV's limits", async () => {
		await store(
			Array.from({ length: 1200 }, (_, i) => article(i)),
			400,
		);
		const sizes = await runInDurableObject(storeWriter(env), (_: StoreWriter, state: DurableObjectState) =>
			state.storage.sql.exec<{ n: number }>("SELECT count(*) AS n FROM list_chunks WHERE list = 'home'").one(),
		);
		expect(sizes.n).toBeGreaterThanOrEqual(Math.floor(1200 / CHUNK_MAX));
		const directory = JSON.parse((await rawKv(env.NEWS).get("v1:list:home:dir")) ?? "{}") as { chunks: string[] };
		expect(directory.chunks.at(-1)).toBe("first");
		for (const bound of directory.chunks) {
			const raw = (await rawKv(env.NEWS).get(`v1:list:home:c:${bound}`)) ?? "";
			const chunk = JSON.parse(raw) as { headlines: unknown[]; tail: unknown[] };
			expect(chunk.headlines.length).toBeLessThanOrEqual(CHUNK_MAX);
			expect(raw.length).toBeLessThan(1024 * 1024);
		}
	}, 30_000);

	it("Should still reach everything after deletions merge small chunks away", async () => {
		const articles = Array.from({ length: 600 }, (_, i) => article(i));
		await store(articles);
		const gone = articles.filter((_, i) => i >= 100 && i < 400).map((a) => a.slug);
		await remove(gone);
		const left = articles.filter((a) => !gone.includes(a.slug));
		expect((await walk()).slugs).toEqual(expected(left));
		const small = await runInDurableObject(storeWriter(env), (_: StoreWriter, state: DurableObjectState) =>
			state.storage.sql.exec<{ n: number }>("SELECT count(*) AS n FROM list_chunks WHERE list = 'home'").one(),
		);
		expect(small.n).toBeLessThanOrEqual(Math.ceil(left.length / CHUNK_MIN));
	}, 30_000);

	it("Should reach a story backdated into a new section, and hide one scheduled for later", async () => {
		await store(Array.from({ length: 300 }, (_, i) => article(i)));
		const backdated = {
			...article(9000, "Archive Finds"),
			publishedAt: new Date(BASE - 30 * 86_400_000).toISOString(),
		};
		const later = { ...article(9001), publishedAt: new Date(NOW.getTime() + 3_600_000).toISOString() };
		await store([backdated, later]);
		expect((await walk("archive-finds")).slugs).toEqual([backdated.slug]);
		const home = (await walk()).slugs;
		expect(home).toContain(backdated.slug);
		expect(home).not.toContain(later.slug);
	});

	it("Should drop an expired article from its lists and its month's sitemap at the next write", async () => {
		await store(Array.from({ length: 40 }, (_, i) => article(i, "Busy")));
		const expiring = article(500, "Busy");
		// Three seconds of life: enough for the store and the walk on a loaded machine (50 ms was not, under CI's load).
		const expiresAt = Date.now() + 3_000;
		await store([expiring], 1, expiresAt);
		expect((await walk("busy")).slugs).toContain(expiring.slug);
		await new Promise((resolve) => setTimeout(resolve, Math.max(0, expiresAt - Date.now()) + 30));
		await store([article(501, "Other")]);
		expect((await walk()).slugs).not.toContain(expiring.slug);
		expect((await walk("busy")).slugs).not.toContain(expiring.slug);
		const month = expiring.publishedAt.slice(0, 7);
		const sitemap = JSON.parse((await rawKv(env.NEWS).get(`v1:sitemap:${month}`)) ?? "{}") as { urls: string[][] };
		expect(sitemap.urls.map((u) => u[0])).not.toContain(expiring.slug);
		const live = [...Array.from({ length: 40 }, (_, i) => article(i, "Busy")), article(501, "Other")];
		expect(sitemap.urls).toHaveLength(live.filter((a) => a.publishedAt.startsWith(month)).length);
	});

	it("Should cost two KV reads a page at 100 articles and at 2,000", async () => {
		const reads = async () => {
			let count = 0;
			const counted = new Proxy(env.NEWS, {
				get(target, prop) {
					const value = Reflect.get(target, prop, target);
					if (prop === "get")
						return (...args: unknown[]) => {
							count++;
							return (value as (...a: unknown[]) => unknown).apply(target, args);
						};
					return typeof value === "function" ? value.bind(target) : value;
				},
			});
			const deep = await readListPage(
				{ kv: counted, namespaceId: undefined },
				{},
				{ before: { publishedMs: BASE - 20 * 60_000, slug: "story-00040" }, size: 30 },
				NOW,
			);
			expect(deep.ok && deep.value.headlines.length).toBe(30);
			forgetLists();
			return count;
		};
		await store(Array.from({ length: 100 }, (_, i) => article(i)));
		const small = await reads();
		await store(
			Array.from({ length: 1900 }, (_, i) => article(i + 100)),
			475,
		);
		const large = await reads();
		expect(small).toBe(2);
		expect(large).toBe(2);
	}, 30_000);

	it("Should find every list query in an index, never a sort of the table", async () => {
		await store(Array.from({ length: 50 }, (_, i) => article(i, "Busy")));
		const plans = await runInDurableObject(storeWriter(env), (_: StoreWriter, state: DurableObjectState) => {
			const sql = state.storage.sql;
			const plan = (q: string, ...p: (string | number)[]) =>
				sql
					.exec<{ detail: string }>(`EXPLAIN QUERY PLAN ${q}`, ...p)
					.toArray()
					.map((r) => r.detail)
					.join("; ");
			return [
				plan(
					"SELECT headline FROM articles WHERE (status = 'published' AND (expires_at IS NULL OR expires_at > ?)) AND (published_at < ? OR (published_at = ? AND slug > ?)) ORDER BY published_at DESC, slug ASC LIMIT 31",
					0,
					1,
					1,
					"a",
				),
				plan(
					"SELECT headline FROM articles WHERE (status = 'published' AND (expires_at IS NULL OR expires_at > ?)) AND section_slug = ? AND (published_at < ? OR (published_at = ? AND slug > ?)) ORDER BY published_at DESC, slug ASC LIMIT 31",
					0,
					"busy",
					1,
					1,
					"a",
				),
				plan("DELETE FROM articles WHERE expires_at IS NOT NULL AND expires_at <= ?", 0),
			];
		});
		for (const p of plans) {
			expect(p).not.toMatch(/TEMP B-TREE/);
			expect(p).toMatch(/USING (COVERING )?INDEX/);
		}
	});
});
