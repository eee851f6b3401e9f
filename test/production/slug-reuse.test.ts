// A slug is never reused for a different story: once a feed article has expired and its row is
// pruned, a new story with the same title must get a new slug, or an old link (shared, indexed,
// cached) would show a different story. The same item returning gets its own slug back.
import { runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { keys } from "../../src/kv/keys";
import type { Article } from "../../src/schemas/article";
import { storeWriter } from "../../src/store/stub";
import type { StoreWriter } from "../../src/store/writer";
import { builders } from "../fixtures/feeds";
import type { RssItem } from "../fixtures/feeds/builders";
import { putArticle } from "../helpers";
import { articleForItem, putSources, runRefresh } from "../refresh-helpers";
import { useUpstream } from "../upstream";

const upstream = useUpstream();
const FEED = "https://quay.example/rss";

describe("production: the slug of an expired feed article", () => {
	it("Should never go to a different story after the article expired and its row was pruned", async () => {
		await putSources([{ id: "quay-news", url: FEED, name: "Quay News" }]);
		let items: RssItem[] = [
			{ guid: "q-1", title: "Harbour closed", link: "https://quay.example/1", pubDate: builders.pubDate(60) },
		];
		upstream.on(
			FEED,
			() =>
				new Response(builders.rss("Quay News", "https://quay.example/", items), {
					headers: { "content-type": "application/rss+xml" },
				}),
		);
		await runRefresh();
		expect((await articleForItem("q-1"))?.slug).toBe("harbour-closed");

		// Its row's time is up; the next change the StoreWriter applies (an editor's) prunes it.
		await runInDurableObject(storeWriter(env), (_: StoreWriter, state: DurableObjectState) => {
			state.storage.sql.exec("UPDATE articles SET expires_at = ? WHERE slug = 'harbour-closed'", Date.now() - 1000);
		});
		expect((await putArticle("tide-tables")).status).toBe(201);
		const rows = await runInDurableObject(storeWriter(env), (_: StoreWriter, state: DurableObjectState) =>
			state.storage.sql.exec("SELECT slug FROM articles WHERE slug = 'harbour-closed'").toArray(),
		);
		expect(rows).toEqual([]);

		// Months later, a different story with the same headline.
		// One item object for both runs: a date computed twice could fall either side of a second and read as an update.
		const second: RssItem = {
			guid: "q-2",
			title: "Harbour closed",
			link: "https://quay.example/2",
			pubDate: builders.pubDate(5),
		};
		items = [second];
		expect(await runRefresh("?force=true")).toMatchObject({ itemsNew: 1 });
		expect((await articleForItem("q-2"))?.slug).toBe("harbour-closed-2");
		// The old link still names the old story (its KV record, until that expires), never the new one.
		const old = await env.NEWS.get<Article>(keys.article("harbour-closed"), "json");
		expect(old?.origin).toEqual({ sourceId: "quay-news", itemKey: "q-1" });

		// The old item itself coming back is the same story: it gets its own slug again.
		items = [
			{ guid: "q-1", title: "Harbour closed", link: "https://quay.example/1", pubDate: builders.pubDate(60) },
			second,
		];
		expect(await runRefresh("?force=true")).toMatchObject({ itemsNew: 1, itemsUnchanged: 1 });
		expect((await articleForItem("q-1"))?.slug).toBe("harbour-closed");
	});
});
