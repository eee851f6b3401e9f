// Durable Object SQLite refuses a string or row over 2 MB, which the emulator stores. One feed item
// with more than 2 MB of sanitized HTML used to fail its whole run's change set, every run. Its
// content is now capped at 256 KiB, cut cleanly; and an item the store still refuses harms only
// itself: the rest of its source and the other sources in the run are committed.
import { reset, runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { keys } from "../../src/kv/keys";
import { refresh } from "../../src/refresh";
import type { Article } from "../../src/schemas/article";
import { storeWriter } from "../../src/store/stub";
import type { StoreWriter } from "../../src/store/writer";
import { builders } from "../fixtures/feeds";
import type { RssItem } from "../fixtures/feeds/builders";
import { articlesFrom } from "../refresh-helpers";
import { instrumentKv, withStoreKv } from "../robustness/instrumented-kv";
import { feed, useUpstream } from "../upstream";

const upstream = useUpstream();
const NOW = new Date();
const ROOMY = { parseBytesPerRun: 8 * 1024 * 1024 };
/** The cap on an item's sanitized content (FEED_ITEM_CONTENT_MAX_BYTES). */
const CAP = 256 * 1024;

beforeEach(async () => {
	await reset();
});

const utf8 = (text: string) => new TextEncoder().encode(text).byteLength;

function serve(id: string, items: RssItem[]): void {
	upstream.on(
		`https://${id}.example/feed`,
		feed(builders.rss(id, `https://${id}.example/`, items), "application/rss+xml"),
	);
}

function item(id: string, n: number, title: string, content = `<p>${title}.</p>`): RssItem {
	return { guid: `${id}-${n}`, title, link: `https://${id}.example/${n}`, pubDate: builders.pubDate(n), content };
}

async function configure(...ids: string[]): Promise<void> {
	await storeWriter(env).putSources(
		ids.map((id) => ({ id, url: `https://${id}.example/feed`, name: id })),
		NOW.toISOString(),
	);
}

describe("production: a feed item too large for a stored row", () => {
	it("Should be stored with its content capped at 256 KiB, cut cleanly, and the rest of the run committed", async () => {
		// ~2.6 MB of sanitized HTML: paragraphs with a link and an entity, in a list, multibyte text.
		const paragraph = '<li><p>Crane nº 7 — <a href="https://big.example/x">details</a> &amp; more</p></li>';
		const huge = `<ul>${paragraph.repeat(30_000)}</ul>`;
		await configure("big", "other");
		serve("big", [item("big", 1, "The longest report", huge), item("big", 2, "A short one")]);
		serve("other", [item("other", 3, "Meanwhile elsewhere")]);

		const summary = await refresh(env, { now: NOW, force: false, policy: ROOMY });
		expect(summary).toMatchObject({ fetched: 2, failed: 0, deferred: 0, itemsNew: 3, itemsDropped: 0 });

		const stored = await env.NEWS.get<Article>(keys.article("the-longest-report"), "json");
		const html = stored?.bodyHtml ?? "";
		expect(utf8(html)).toBeLessThanOrEqual(CAP);
		expect(utf8(html)).toBeGreaterThan(CAP - 200);
		// Cut between whole list items, every element closed, nothing half written.
		expect(html.startsWith("<ul><li><p>Crane nº 7")).toBe(true);
		expect(html.endsWith("</li></ul>")).toBe(true);
		const opened = (name: string) => html.split(`<${name}`).length - 1;
		const closed = (name: string) => html.split(`</${name}>`).length - 1;
		for (const name of ["ul", "li", "p", "a"]) expect(closed(name), name).toBe(opened(name));
		expect((await articlesFrom("big")).map((a) => a.title).sort()).toEqual(["A short one", "The longest report"]);
		expect((await articlesFrom("other")).map((a) => a.title)).toEqual(["Meanwhile elsewhere"]);
	});

	it("Should drop only an item the store refuses, and commit the rest of its source and the other sources", async () => {
		await configure("refusing", "fine");
		serve("refusing", [item("refusing", 1, "The refused story"), item("refusing", 2, "A stored story")]);
		serve("fine", [item("fine", 3, "Another source's story")]);
		// As KV or SQLite would refuse a record too large: every put of that one article fails.
		const refused = keys.article("the-refused-story");
		const faulty = instrumentKv(env.NEWS, (call) =>
			call.op === "put" && call.key === refused
				? { error: new Error("KV PUT failed: 413 Value too large") }
				: undefined,
		);

		const summary = await withStoreKv(faulty.kv, () => refresh(env, { now: NOW, force: false, policy: ROOMY }));
		expect(summary).toMatchObject({ fetched: 2, failed: 0, deferred: 0, itemsNew: 2, itemsDropped: 1 });
		expect(summary.results).toMatchObject([
			{ id: "refusing", outcome: "fetched", items: { new: 1, updated: 0, unchanged: 0, dropped: 1 } },
			{ id: "fine", outcome: "fetched", items: { new: 1, updated: 0, unchanged: 0, dropped: 0 } },
		]);
		expect(await env.NEWS.get(refused)).toBeNull();
		expect((await articlesFrom("refusing")).map((a) => a.title)).toEqual(["A stored story"]);
		expect((await articlesFrom("fine")).map((a) => a.title)).toEqual(["Another source's story"]);
	});

	it("Should leave alone a feed row that no longer reads, and commit the rest of its source", async () => {
		await configure("aging");
		serve("aging", [item("aging", 1, "Stored long ago")]);
		await refresh(env, { now: NOW, force: false, policy: ROOMY });
		// A rule tightened since the row was stored: it no longer passes the schema.
		await runInDurableObject(storeWriter(env), (_: StoreWriter, state: DurableObjectState) => {
			state.storage.sql.exec(
				"UPDATE articles SET json = json_set(json, '$.publishedAt', '+010000-01-01T00:00:00.000Z') WHERE slug = 'stored-long-ago'",
			);
		});
		serve("aging", [item("aging", 1, "Stored long ago, edited"), item("aging", 2, "Fresh today")]);
		const summary = await refresh(env, { now: NOW, force: true, policy: ROOMY });
		expect(summary).toMatchObject({
			fetched: 1,
			failed: 0,
			deferred: 0,
			itemsNew: 1,
			itemsUnchanged: 1,
			itemsDropped: 0,
		});
		expect((await env.NEWS.get<Article>(keys.article("fresh-today"), "json"))?.title).toBe("Fresh today");
		expect(await env.NEWS.get(keys.article("stored-long-ago-edited"))).toBeNull();
	});
});
