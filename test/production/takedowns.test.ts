// A takedown that sticks: an editor deletes an article that came from a feed (a legal takedown, a
// correction), and the next refresh, even one whose feed changed and still carries the item, must
// not bring it back. The tombstone it leaves can be listed and lifted, and then the item returns.

import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { keys } from "../../src/kv/keys";
import { builders } from "../fixtures/feeds";
import { adminHeaders, request } from "../helpers";
import { KV_LIMITS } from "../limits";
import { articleForItem, putSources, runRefresh } from "../refresh-helpers";
import { useUpstream } from "../upstream";

const upstream = useUpstream();
const FEED = "https://takedown.example/rss";

describe("production: a feed article an editor deleted", () => {
	it("Should stay deleted when its feed changes, be listed as a tombstone, and return once that is lifted", async () => {
		await putSources([{ id: "takedown-wire", url: FEED, name: "Takedown Wire" }]);
		const libel = {
			guid: "tw-1",
			title: "Councillor named in inquiry",
			link: "https://takedown.example/1",
			pubDate: builders.pubDate(30),
		};
		const other = {
			guid: "tw-2",
			title: "Ferry timetable changes",
			link: "https://takedown.example/2",
			pubDate: builders.pubDate(20),
		};
		let items = [libel, other];
		upstream.on(
			FEED,
			() =>
				new Response(builders.rss("Takedown Wire", "https://takedown.example/", items), {
					headers: { "content-type": "application/rss+xml" },
				}),
		);
		expect(await runRefresh()).toMatchObject({ fetched: 1, itemsNew: 2 });
		const slug = (await articleForItem("tw-1"))?.slug;
		expect(slug).toBe("councillor-named-in-inquiry");

		// An editor acts a moment later: KV takes one write per key per second, and the refresh just wrote it.
		await new Promise((resolve) => setTimeout(resolve, KV_LIMITS.writeIntervalMs));
		const deleted = await request(`/api/articles/${slug}`, { method: "DELETE", headers: adminHeaders() });
		expect(deleted.status).toBe(204);

		// The feed changes (the item edited, a new one added): the deleted story stays out.
		items = [
			{ ...libel, title: "Councillor named in inquiry (updated)" },
			other,
			{
				guid: "tw-3",
				title: "Harbour dredging starts",
				link: "https://takedown.example/3",
				pubDate: builders.pubDate(5),
			},
		];
		const after = await runRefresh("?force=true");
		expect(after).toMatchObject({ fetched: 1, itemsNew: 1, itemsTombstoned: 1 });
		expect(after.results[0]?.items).toEqual({ new: 1, updated: 0, unchanged: 1, dropped: 0, tombstoned: 1 });
		expect(await articleForItem("tw-1")).toBeUndefined();
		expect(await env.NEWS.get(keys.article("councillor-named-in-inquiry-updated"))).toBeNull();
		expect((await request(`/articles/${slug}`)).status).toBe(404);

		const listed = await request("/api/tombstones", { headers: adminHeaders() });
		expect(listed.status).toBe(200);
		const { tombstones } = (await listed.json()) as { tombstones: { id: number; deletedAt: string }[] };
		expect(tombstones).toEqual([
			{
				id: tombstones[0]?.id,
				sourceId: "takedown-wire",
				itemKey: "tw-1",
				slug: "councillor-named-in-inquiry",
				title: "Councillor named in inquiry",
				link: "https://takedown.example/1",
				deletedAt: tombstones[0]?.deletedAt,
			},
		]);
		expect(Number.isInteger(tombstones[0]?.id)).toBe(true);

		// Lifted, the item comes back at the feed's next change, under a new slug: the old one stays retired.
		const id = tombstones[0]?.id;
		expect((await request(`/api/tombstones/${id}`, { method: "DELETE", headers: adminHeaders() })).status).toBe(204);
		const again = await request(`/api/tombstones/${id}`, { method: "DELETE", headers: adminHeaders() });
		expect(again.status).toBe(404);
		expect(await again.json()).toEqual({ error: `no tombstone ${id}` });
		expect(await (await request("/api/tombstones", { headers: adminHeaders() })).json()).toEqual({ tombstones: [] });
		expect(await runRefresh("?force=true")).toMatchObject({ itemsNew: 1 });
		expect(await articleForItem("tw-1")).toMatchObject({
			slug: "councillor-named-in-inquiry-updated",
			title: "Councillor named in inquiry (updated)",
		});
	});
});
