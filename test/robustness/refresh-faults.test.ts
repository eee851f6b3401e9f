// Fault injection (issue #5) on the refresh: KV write errors at each step of a run's commit, once
// and from that step on. Earlier items must stay stored and listed exactly once, a failed run must
// answer cleanly, and the next run after KV recovers must bring every item exactly once.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { forgetHeadlines } from "../../src/kv/headlines";
import type { HeadlinesIndex } from "../../src/schemas/article";
import { builders } from "../fixtures/feeds";
import { adminHeaders, request } from "../helpers";
import { settleStore } from "../limits";
import { putSources, runRefresh } from "../refresh-helpers";
import { feed, useUpstream } from "../upstream";
import { expectCleanError, failWrite, storedState } from "./faults";
import { instrumentKv, withStoreKv } from "./instrumented-kv";

const upstream = useUpstream();

describe("refresh under KV faults", () => {
	/** A source that brought two items; its next fetch has one changed item and two new ones. */
	function feeds(id: string) {
		const url = `https://${id}.example/feed`;
		const item = (n: number, title: string, minutes: number) => ({
			guid: `${id}-${n}`,
			title,
			link: `https://${id}.example/${n}`,
			pubDate: builders.pubDate(minutes),
		});
		const v1 = builders.rss(id, `https://${id}.example/`, [item(1, `${id} first`, 50), item(2, `${id} second`, 40)]);
		const v2 = builders.rss(id, `https://${id}.example/`, [
			item(1, `${id} first, updated`, 50),
			item(2, `${id} second`, 40),
			item(3, `${id} third`, 20),
			item(4, `${id} fourth`, 10),
		]);
		return { url, v1, v2 };
	}

	/** `itemKey → title` of every stored article from `id`, and how many index entries point at each. */
	async function storedFrom(id: string): Promise<{ titles: Map<string, string>; listed: Map<string, number> }> {
		const { kv } = await storedState();
		const index = (kv.get("v1:headlines") ?? { headlines: [] }) as HeadlinesIndex;
		const titles = new Map<string, string>();
		const listed = new Map<string, number>();
		const slugs = new Map<string, number>();
		for (const h of index.headlines) {
			slugs.set(h.slug, (slugs.get(h.slug) ?? 0) + 1);
			// No index entry may point at a record that is not there.
			expect(kv.has(`v1:article:${h.slug}`), `${h.slug} is listed but has no record`).toBe(true);
		}
		for (const [key, value] of kv) {
			if (!key.startsWith("v1:article:")) continue;
			const article = value as { slug: string; title: string; origin?: { sourceId: string; itemKey: string } };
			if (article.origin?.sourceId !== id) continue;
			titles.set(article.origin.itemKey, article.title);
			listed.set(article.origin.itemKey, slugs.get(article.slug) ?? 0);
		}
		return { titles, listed };
	}

	// A clean second run writes 5 keys: three articles (one updated, two new), the index, v1:sources.
	for (const persistent of [false, true]) {
		for (const step of [1, 2, 3, 4, 5]) {
			const mode = persistent ? "from" : "at";
			it(`Should keep earlier items and converge when KV writes fail ${mode} step ${step} of a refresh`, async () => {
				const id = `fault-${mode}-${step}`;
				const { url, v1, v2 } = feeds(id);
				let body = v1;
				upstream.on(url, () => feed(body, "application/rss+xml")(new Request(url), { signal: null }));
				await putSources([{ id, url, name: id }]);
				expect(await runRefresh()).toMatchObject({ fetched: 1, itemsNew: 2 });
				const before = await storedFrom(id);
				expect([...before.titles.values()].sort()).toEqual([`${id} first`, `${id} second`]);

				body = v2;
				const faulty = instrumentKv(env.NEWS, failWrite(step, persistent));
				const response = await withStoreKv(faulty.kv, () =>
					request("/api/refresh?force=true", { method: "POST", headers: adminHeaders() }),
				);
				expect([200, 500]).toContain(response.status);
				if (response.status === 500) await expectCleanError(response);
				expect(faulty.count("list")).toBe(0);
				// Whatever was written, every item from before is still stored and listed exactly once.
				const during = await storedFrom(id);
				for (const key of before.titles.keys()) {
					expect(during.titles.has(key), `${key} kept`).toBe(true);
					expect(during.listed.get(key), `${key} listed once`).toBe(1);
				}
				expect(during.titles.get(`${id}-2`)).toBe(`${id} second`);

				// KV is back: the next run brings everything, each listed exactly once.
				forgetHeadlines();
				expect((await runRefresh("?force=true")).failed).toBe(0);
				const after = await storedFrom(id);
				expect(Object.fromEntries(after.titles)).toEqual({
					[`${id}-1`]: `${id} first, updated`,
					[`${id}-2`]: `${id} second`,
					[`${id}-3`]: `${id} third`,
					[`${id}-4`]: `${id} fourth`,
				});
				expect([...after.listed.values()]).toEqual([1, 1, 1, 1]);
			});
		}
	}

	it("Should write exactly eight keys (five, plus the list chunk, the month sitemap and the archive day the changed item is in) in the clean second run the steps above count", async () => {
		const id = "fault-clean";
		const { url, v1, v2 } = feeds(id);
		let body = v1;
		upstream.on(url, () => feed(body, "application/rss+xml")(new Request(url), { signal: null }));
		await putSources([{ id, url, name: id }]);
		await runRefresh();
		// A second later, so the run's index write is not coalesced into the first run's (KV's one write per key per second).
		await settleStore();
		body = v2;
		const counter = instrumentKv(env.NEWS);
		await withStoreKv(counter.kv, () => runRefresh("?force=true"));
		expect(counter.writes()).toBe(8);
		expect(counter.reads() + counter.count("list")).toBe(0);
	});
});
