// Issue #5's concurrency test: while a load of reads runs, editors publish, replace and delete
// and refresh runs ingest growing feeds, all interleaved. Afterwards every article written is
// present exactly once, the index matches the articles, and no request failed.
import { runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { forgetHeadlines } from "../../src/kv/headlines";
import { keys } from "../../src/kv/keys";
import { type Article, type HeadlinesIndex, headlineOf } from "../../src/schemas/article";
import type { StoreWriter } from "../../src/store/writer";
import { builders } from "../fixtures/feeds";
import { adminHeaders, minutesAgo, putArticle, request, sampleArticle } from "../helpers";
import { settleStore } from "../limits";
import { kvSnapshot, putSources } from "../refresh-helpers";
import { feed, useUpstream } from "../upstream";

const upstream = useUpstream();

const EDITORS = 3;
const ARTICLES_PER_EDITOR = 8;
const REFRESH_RUNS = 4;
const READERS = 6;
const SOURCES = ["load-a", "load-b"];

type Outcome = { what: string; status: number };

describe("reads under load while writes and refreshes interleave", () => {
	it("Should keep every article exactly once, the index equal to the articles, and fail no request", async () => {
		// Feeds that grow by three items on every fetch, one of them an update of an earlier item.
		const fetches = new Map<string, number>();
		for (const id of SOURCES) {
			const url = `https://${id}.example/feed.xml`;
			upstream.on(url, (req) => {
				const n = (fetches.get(id) ?? 0) + 1;
				fetches.set(id, n);
				const items = Array.from({ length: n * 3 }, (_, i) => ({
					guid: `${id}-${i}`,
					title: i === 0 ? `${id} lead story, revision ${n}` : `${id} story ${i}`,
					link: `https://${id}.example/${i}`,
					pubDate: builders.pubDate(200 - i),
				}));
				return feed(builders.rss(id, `https://${id}.example/`, items), "application/rss+xml")(req, { signal: null });
			});
		}
		await putSources(SOURCES.map((id) => ({ id, url: `https://${id}.example/feed.xml`, name: id })));
		// Articles readers will hammer; nobody deletes these.
		for (const n of [1, 2, 3]) {
			expect(
				(await putArticle(`steady-${n}`, sampleArticle({ title: `Steady ${n}`, publishedAt: minutesAgo(300 + n) })))
					.status,
			).toBe(201);
		}

		const outcomes: Outcome[] = [];
		let writing = true;
		const record = async (what: string, pending: Promise<Response>) => {
			const response = await pending;
			await response.arrayBuffer();
			outcomes.push({ what, status: response.status });
		};

		const readers = Array.from({ length: READERS }, async (_, r) => {
			const paths = [
				"/",
				"/api/headlines?limit=50",
				`/articles/steady-${(r % 3) + 1}`,
				`/api/articles/steady-${(r % 3) + 1}`,
				"/feed.xml",
			];
			let i = 0;
			while (writing) {
				const path = paths[i++ % paths.length] as string;
				await record(`GET ${path}`, request(path));
			}
		});

		const expected = new Map<string, string>();
		const deleted = new Set<string>();
		const editors = Array.from({ length: EDITORS }, async (_, e) => {
			for (let a = 0; a < ARTICLES_PER_EDITOR; a++) {
				const slug = `editor-${e}-story-${a}`;
				const publishedAt = minutesAgo(e * 10 + a);
				await record(`PUT ${slug}`, putArticle(slug, sampleArticle({ title: `Editor ${e} story ${a}`, publishedAt })));
				expected.set(slug, `Editor ${e} story ${a}`);
				if (a % 3 === 1) {
					const title = `Editor ${e} story ${a}, corrected`;
					await record(`PUT ${slug} again`, putArticle(slug, sampleArticle({ title, publishedAt })));
					expected.set(slug, title);
				}
				if (a % 4 === 3) {
					await record(
						`DELETE ${slug}`,
						request(`/api/articles/${slug}`, { method: "DELETE", headers: adminHeaders() }),
					);
					expected.delete(slug);
					deleted.add(slug);
				}
			}
		});

		const refreshes = (async () => {
			for (let run = 0; run < REFRESH_RUNS; run++) {
				await record(
					"POST /api/refresh",
					request("/api/refresh?force=true", { method: "POST", headers: adminHeaders() }),
				);
			}
		})();

		await Promise.all([...editors, refreshes]);
		writing = false;
		await Promise.all(readers);

		// No request failed.
		const failed = outcomes.filter((o) => o.status >= 400);
		expect(failed).toEqual([]);
		expect(outcomes.filter((o) => o.what.startsWith("GET")).length).toBeGreaterThan(READERS * 5);

		// One last run once the writers are done, so every feed's newest version is in.
		const last = await request("/api/refresh?force=true", { method: "POST", headers: adminHeaders() });
		expect(last.status).toBe(200);
		forgetHeadlines();
		// The StoreWriter writes the index at most once a second: read KV once the trailing write has landed.
		await settleStore();

		const kv = await kvSnapshot();
		const index = JSON.parse(kv.get(keys.headlines) ?? "{}") as HeadlinesIndex;
		const slugs = index.headlines.map((h) => h.slug);
		// Exactly once in the index.
		expect(new Set(slugs).size).toBe(slugs.length);
		// The index matches the articles: one entry per stored article, each its article's headline.
		const stored = [...kv.keys()].filter((k) => k.startsWith("v1:article:")).map((k) => k.slice("v1:article:".length));
		expect([...slugs].sort()).toEqual([...stored].sort());
		for (const headline of index.headlines) {
			const article = JSON.parse(kv.get(keys.article(headline.slug)) as string) as Article;
			expect(headline).toEqual(headlineOf(article));
		}
		// Every editor's article as last written; every deleted one gone.
		for (const [slug, title] of expected) {
			expect(
				slugs.filter((s) => s === slug),
				slug,
			).toHaveLength(1);
			expect((JSON.parse(kv.get(keys.article(slug)) as string) as Article).title).toBe(title);
		}
		for (const slug of deleted) expect(slugs).not.toContain(slug);
		// Every feed item exactly once, at its newest revision.
		const byItem = new Map<string, Article[]>();
		for (const slug of stored) {
			const article = JSON.parse(kv.get(keys.article(slug)) as string) as Article;
			if (article.origin) byItem.set(article.origin.itemKey, [...(byItem.get(article.origin.itemKey) ?? []), article]);
		}
		for (const id of SOURCES) {
			const fetched = fetches.get(id) ?? 0;
			for (let i = 0; i < fetched * 3; i++) expect(byItem.get(`${id}-${i}`), `${id}-${i}`).toHaveLength(1);
			expect(byItem.get(`${id}-0`)?.[0]?.title).toBe(`${id} lead story, revision ${fetched}`);
		}
		// The StoreWriter's own table agrees with what readers see in KV.
		const namespace = env.WRITER as unknown as DurableObjectNamespace<StoreWriter>;
		const table = await runInDurableObject(namespace.get(namespace.idFromName("main")), (w: StoreWriter) =>
			w.readIndex(),
		);
		expect(table.headlines).toEqual(index.headlines);
	}, 120_000);
});
