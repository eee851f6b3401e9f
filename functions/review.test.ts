// The review queue through the real Worker, with upstream feeds mocked at the outbound fetch:
// items from a review source wait unpublished until approved, approval publishes through the
// ordinary path, rejection leaves a tombstone that holds through later refreshes, an item is
// queued once, and the list pages newest first.
import * as v from "valibot";
import { describe, expect, it } from "vitest";
import { ReviewApproved, ReviewList } from "../src/schemas/rules";
import { adminHeaders, getJson, request } from "../test/helpers";
import { articleForItem, putSources, runRefresh, storedHeadlines } from "../test/refresh-helpers";
import {
	aMomentLater,
	type FeedEntry,
	putGlobalRules,
	putSourceRules,
	reviewQueue,
	send,
	serveFeed,
} from "../test/review-helpers";
import { useUpstream } from "../test/upstream";

const upstream = useUpstream();

const entries = (prefix: string, count: number): FeedEntry[] =>
	Array.from({ length: count }, (_, i) => ({
		guid: `${prefix}-${i + 1}`,
		title: `${prefix} story number ${i + 1}`,
		link: `https://${prefix}.example/${i + 1}`,
		minutesAgo: 10 + i,
		author: "Desk",
		categories: ["Local"],
		content: `<p>Body of ${prefix} ${i + 1}.</p>`,
	}));

async function headlineSlugs(): Promise<string[]> {
	const { status, body } = await getJson<{ headlines: { slug: string }[] }>("/api/headlines?limit=100");
	expect(status).toBe(200);
	return body.headlines.map((h) => h.slug);
}

async function queuedFrom(sourceId: string) {
	return (await reviewQueue()).filter((q) => q.sourceId === sourceId);
}

describe("the review queue", () => {
	it("Should hold a review source's new items unpublished until an editor approves them", async () => {
		await putGlobalRules([]);
		const url = "https://held.example/rss";
		serveFeed(upstream, url, () => entries("held", 2));
		await putSources([{ id: "held", url, name: "Held", review: true }]);
		const summary = await runRefresh();
		expect(summary).toMatchObject({ fetched: 1, itemsNew: 0, itemsHeld: 2 });
		expect(summary.results[0]?.items).toEqual({ new: 0, updated: 0, unchanged: 0, dropped: 0, held: 2 });

		// Not public anywhere: no article, no headline.
		expect(await articleForItem("held-1")).toBeUndefined();
		expect((await request("/api/articles/held-story-number-1")).status).toBe(404);
		expect(await headlineSlugs()).not.toContain("held-story-number-1");

		const listed = await send("/api/review", "GET");
		expect(listed.status).toBe(200);
		const list = (await listed.json()) as ReviewList;
		expect(v.is(ReviewList, list)).toBe(true);
		const mine = list.items.filter((q) => q.sourceId === "held");
		expect(mine).toEqual([
			{
				id: expect.any(Number),
				sourceId: "held",
				itemKey: "held-2",
				title: "held story number 2",
				link: "https://held.example/2",
				publishedAt: expect.any(String),
				reason: "held",
				note: "its source holds new items for review",
				queuedAt: expect.any(String),
			},
			expect.objectContaining({ itemKey: "held-1", reason: "held" }),
		]);

		await aMomentLater();
		const approved = await send(`/api/review/${mine[1]?.id}/approve`, "POST");
		expect(approved.status).toBe(200);
		const body = (await approved.json()) as ReviewApproved;
		expect(v.is(ReviewApproved, body)).toBe(true);
		expect(body).toEqual({ id: mine[1]?.id, slug: "held-story-number-1", url: "/articles/held-story-number-1" });

		// Published through the ordinary path: the article, the headlines, the page.
		expect(await headlineSlugs()).toContain("held-story-number-1");
		const article = await getJson<{ title: string }>("/api/articles/held-story-number-1");
		expect(article.status).toBe(200);
		expect(article.body).toMatchObject({ title: "held story number 1", source: "Held" });
		expect(await articleForItem("held-1")).toMatchObject({ origin: { sourceId: "held", itemKey: "held-1" } });
		expect((await request("/articles/held-story-number-1")).status).toBe(200);
		expect((await storedHeadlines()).headlines.map((h) => h.slug)).toContain("held-story-number-1");

		// Out of the queue; approving again is a 404.
		expect((await queuedFrom("held")).map((q) => q.itemKey)).toEqual(["held-2"]);
		const again = await send(`/api/review/${mine[1]?.id}/approve`, "POST");
		expect(again.status).toBe(404);
		expect(await again.json()).toEqual({ error: `no review item ${mine[1]?.id}` });

		// The feed changes: the approved item is an article now (updated in place), the held one is not queued twice.
		await aMomentLater();
		const next = await runRefresh("?force=true");
		expect(next.results[0]?.items).toMatchObject({ new: 0, unchanged: 2 });
		expect((await queuedFrom("held")).map((q) => q.itemKey)).toEqual(["held-2"]);
	});

	it("Should leave a tombstone for a rejected item, so no later refresh brings it back", async () => {
		await putGlobalRules([]);
		const url = "https://rejected.example/rss";
		let items = entries("rejected", 2);
		serveFeed(upstream, url, () => items);
		await putSources([{ id: "rejected", url, name: "Rejected", review: true }]);
		await runRefresh();
		const queued = await queuedFrom("rejected");
		const target = queued.find((q) => q.itemKey === "rejected-1");
		const rejected = await send(`/api/review/${target?.id}/reject`, "POST");
		expect(rejected.status).toBe(204);
		expect((await queuedFrom("rejected")).map((q) => q.itemKey)).toEqual(["rejected-2"]);
		const tombstones = (await (await send("/api/tombstones", "GET")).json()) as { tombstones: unknown[] };
		expect(tombstones.tombstones).toContainEqual(
			expect.objectContaining({ sourceId: "rejected", itemKey: "rejected-1" }),
		);
		expect((await send(`/api/review/${target?.id}/reject`, "POST")).status).toBe(404);

		// The feed edits the rejected item; the source stops holding items: it still stays out.
		items = [{ ...(items[0] as FeedEntry), title: "rejected story number 1, updated" }, items[1] as FeedEntry];
		const patched = await send("/api/sources/rejected", "PATCH", { review: false });
		expect(patched.status).toBe(200);
		const next = await runRefresh("?force=true");
		expect(next.results[0]?.items).toMatchObject({ new: 0, tombstoned: 1, unchanged: 1 });
		expect(await articleForItem("rejected-1")).toBeUndefined();
		expect((await queuedFrom("rejected")).map((q) => q.itemKey)).toEqual(["rejected-2"]);
	});

	it("Should queue a blocked item with its rule, and publish it when approved anyway", async () => {
		await putGlobalRules([]);
		const url = "https://blocked.example/rss";
		serveFeed(upstream, url, () => entries("blocked", 2));
		await putSources([{ id: "blocked", url, name: "Blocked" }]);
		await putSourceRules("blocked", [{ action: "block", field: "title", kind: "pattern", value: "number 2$" }]);
		expect(await runRefresh()).toMatchObject({ itemsNew: 1, itemsBlocked: 1 });
		const [queued] = await queuedFrom("blocked");
		expect(queued).toMatchObject({
			itemKey: "blocked-2",
			reason: "blocked",
			rule: {
				scope: "source",
				id: expect.any(Number),
				action: "block",
				field: "title",
				kind: "pattern",
				value: "number 2$",
			},
		});
		await aMomentLater();
		const approved = await send(`/api/review/${queued?.id}/approve`, "POST");
		expect(approved.status).toBe(200);
		expect(await headlineSlugs()).toEqual(expect.arrayContaining(["blocked-story-number-1", "blocked-story-number-2"]));
	});

	it("Should give an approved item a free slug when another story took its own meanwhile", async () => {
		await putGlobalRules([]);
		const url = "https://clash.example/rss";
		serveFeed(upstream, url, () => entries("clash", 1));
		await putSources([{ id: "clash", url, name: "Clash", review: true }]);
		await runRefresh();
		const editor = await request("/api/articles/clash-story-number-1", {
			method: "PUT",
			headers: adminHeaders(),
			body: JSON.stringify({ title: "An editor's own", publishedAt: new Date().toISOString(), body: "Mine." }),
		});
		expect(editor.status).toBe(201);
		const [queued] = await queuedFrom("clash");
		await aMomentLater();
		const approved = (await (await send(`/api/review/${queued?.id}/approve`, "POST")).json()) as ReviewApproved;
		expect(approved.slug).toBe("clash-story-number-1-2");
		expect((await getJson<{ title: string }>("/api/articles/clash-story-number-1")).body.title).toBe("An editor's own");
	});

	it("Should page newest first with limit and cursor", async () => {
		await putGlobalRules([]);
		const url = "https://paged.example/rss";
		serveFeed(upstream, url, () => entries("paged", 5));
		await putSources([{ id: "paged", url, name: "Paged", review: true }]);
		await runRefresh();
		const all = await reviewQueue();
		const seen: number[] = [];
		let cursor = "";
		do {
			const page = (await (
				await send(`/api/review?limit=2${cursor ? `&cursor=${cursor}` : ""}`, "GET")
			).json()) as ReviewList;
			expect(page.items.length).toBeLessThanOrEqual(2);
			seen.push(...page.items.map((i) => i.id));
			cursor = page.next ?? "";
		} while (cursor);
		expect(seen).toEqual(all.map((q) => q.id));
		expect([...seen].sort((a, b) => b - a)).toEqual(seen);
	});

	it.each([
		["/api/review?limit=0", "limit"],
		["/api/review?limit=101", "limit"],
		["/api/review?cursor=abc", "cursor"],
		["/api/review?sort=old", "sort"],
	])("Should answer 400 to %s naming %s", async (path, name) => {
		const response = await send(path, "GET");
		expect(response.status).toBe(400);
		const { issues } = (await response.json()) as { issues: { path: string }[] };
		expect(issues.map((i) => i.path)).toContain(name);
	});

	it.each(["0", "-1", "x", "1.5"])("Should answer 400 to the review id %j", async (id) => {
		for (const action of ["approve", "reject"]) {
			const response = await send(`/api/review/${id}/${action}`, "POST");
			expect(response.status).toBe(400);
			expect(await response.json()).toEqual({
				error: "invalid review item id",
				issues: [{ path: "id", message: "must be a review item id: a whole number from 1" }],
			});
		}
	});

	it("Should answer 404 JSON to an id no queued item has", async () => {
		for (const action of ["approve", "reject"]) {
			const response = await send(`/api/review/987654/${action}`, "POST");
			expect(response.status).toBe(404);
			expect(response.headers.get("content-type")).toMatch(/^application\/json/);
			expect(await response.json()).toEqual({ error: "no review item 987654" });
		}
	});
});
