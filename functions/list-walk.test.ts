// Reaching every story by "older" links on a list built the way an archive grows: newest first at the
// top, then older and older stories appended at the bottom, so the oldest chunk keeps splitting.
import { reset } from "cloudflare:test";
import { beforeEach, describe, expect, it } from "vitest";
import { forgetLists } from "../src/kv/lists";
import { minutesAgo, putArticle, request, sampleArticle } from "../test/helpers";
import { settleStore } from "../test/limits";

beforeEach(async () => {
	await reset();
});

function slugsOn(html: string): string[] {
	const main = html.slice(html.indexOf("<main"));
	return [...main.matchAll(/href="\/articles\/([^"]+)"/g)].map((m) => m[1]!);
}

async function walk(first: string): Promise<string[]> {
	const seen: string[] = [];
	let path: string | undefined = first;
	for (let pages = 0; path && pages < 100; pages++) {
		const html = await (await request(path)).text();
		seen.push(...slugsOn(html));
		path = /href="([^"]*\?before=[^"]+)" rel="next"/.exec(html)?.[1]?.replace(/&amp;/g, "&");
	}
	return seen;
}

describe("Older links on a list that grew at the bottom", () => {
	it("Should reach the oldest story from the first page, each story once", async () => {
		const total = 1010;
		const base = Date.now();
		// Four writers at once, each going back in time, as the e2e seeds its archive.
		const lanes = [0, 1, 2, 3].map(async (lane) => {
			for (let i = lane; i < total; i += 4) {
				const slug = `grown-${String(i).padStart(4, "0")}`;
				const at = minutesAgo(1440 + i * 60, base);
				const response = await putArticle(slug, sampleArticle({ title: `Grown ${i}`, publishedAt: at }));
				expect(response.status).toBe(201);
			}
		});
		await Promise.all(lanes);
		await settleStore();
		forgetLists();
		const seen = await walk("/");
		expect(seen.at(-1)).toBe(`grown-${String(total - 1).padStart(4, "0")}`);
		expect(new Set(seen).size).toBe(seen.length);
		expect(seen.length).toBe(total);
	}, 120_000);
});
