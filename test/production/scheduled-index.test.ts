// Regression test for issue 9, finding 5g: the 500-entry index counted scheduled articles, so each
// one scheduled (a far-future placeholder for good) pushed a live article out of every list. The
// index now holds the newest 500 live headlines, plus the next scheduled ones, so that each goes
// live on its minute with no rewrite; readers still hide a scheduled one until then.
import { createExecutionContext, runInDurableObject, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it, vi } from "vitest";
import { app } from "../../functions/index";
import { type Article, headlineOf } from "../../src/schemas/article";
import { HEADLINES_CAP } from "../../src/store/articles-table";
import type { StoreWriter } from "../../src/store/writer";
import { ORIGIN, putArticle, sampleArticle } from "../helpers";

const LIVE = HEADLINES_CAP;
const SCHEDULED = 20;
const MINUTE = 60_000;

function writer(): DurableObjectStub<StoreWriter> {
	const namespace = env.WRITER as unknown as DurableObjectNamespace<StoreWriter>;
	return namespace.get(namespace.idFromName("main"));
}

function article(slug: string, publishedMs: number): Article {
	const publishedAt = new Date(publishedMs).toISOString();
	return { slug, title: `Story ${slug}`, section: "business", publishedAt, body: "Text.", bodyHtml: "<p>Text.</p>" };
}

/** Rows as the StoreWriter keeps them, written straight into its table: 500 PUTs would take minutes. */
async function storeRows(articles: Article[]): Promise<void> {
	await runInDurableObject(writer(), (_instance, state) => {
		for (const a of articles) {
			state.storage.sql.exec(
				"INSERT INTO articles (slug, published_at, expires_at, headline, json) VALUES (?, ?, NULL, ?, ?)",
				a.slug,
				Date.parse(a.publishedAt),
				JSON.stringify(headlineOf(a)),
				JSON.stringify(a),
			);
		}
	});
}

async function page(path: string): Promise<string> {
	const ctx = createExecutionContext();
	const response = await app.fetch(new Request(`${ORIGIN}${path}`), env, ctx);
	await waitOnExecutionContext(ctx);
	expect(response.status, path).toBe(200);
	return response.text();
}

function listedSlugs(html: string): string[] {
	const list = /<ol class="headlines">(.*?)<\/ol>/s.exec(html)?.[1] ?? "";
	return [...list.matchAll(/<a href="\/articles\/([a-z0-9-]+)">/g)].map((m) => m[1]!);
}

/** Every headline the home page and its older pages list, following `rel="next"` to the end. */
async function walkHome(): Promise<string[]> {
	const seen: string[] = [];
	let path: string | undefined = "/";
	while (path) {
		const html = await page(path);
		seen.push(...listedSlugs(html));
		path = /<a href="([^"]*)" rel="next">/.exec(html)?.[1]?.replaceAll("&amp;", "&");
	}
	return seen;
}

afterEach(() => {
	vi.useRealTimers();
});

describe("production: scheduled articles beside a full index of live ones", () => {
	it("Should page through all 500 live headlines, and show each scheduled one from its minute on", async () => {
		const base = Date.now();
		const live = Array.from({ length: LIVE - 1 }, (_, i) =>
			article(`live-${String(i + 1).padStart(3, "0")}`, base - (i + 2) * MINUTE),
		);
		const scheduled = Array.from({ length: SCHEDULED - 1 }, (_, i) =>
			article(`scheduled-${String(i).padStart(2, "0")}`, base + (i + 5) * MINUTE),
		);
		const placeholder = article("placeholder", Date.parse("9999-12-31T00:00:00Z"));
		await storeRows([...live, ...scheduled, placeholder]);
		// The 500th live article comes through the API, which projects the index into KV.
		const put = await putArticle("live-000", sampleArticle({ publishedAt: new Date(base - MINUTE).toISOString() }));
		expect(put.status).toBe(201);

		const liveSlugs = ["live-000", ...live.map((a) => a.slug)];
		expect(await walkHome()).toEqual(liveSlugs);

		// A minute before the first scheduled article's time it is hidden; from that minute on it leads.
		const first = scheduled[0]!;
		vi.useFakeTimers({ toFake: ["Date"], now: Date.parse(first.publishedAt) - 1 });
		expect(listedSlugs(await page("/"))[0]).toBe("live-000");
		vi.setSystemTime(Date.parse(first.publishedAt));
		expect(listedSlugs(await page("/")).slice(0, 2)).toEqual([first.slug, "live-000"]);
		expect(await walkHome()).toEqual([first.slug, ...liveSlugs]);
	}, 60_000);
});
