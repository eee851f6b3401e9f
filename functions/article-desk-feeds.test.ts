// The article desk with feed articles: the desk list's source filter, and an editor's unpublishing of
// a feed story that no later refresh undoes.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { keys } from "../src/kv/keys";
import { adminHeaders, request } from "../test/helpers";
import { putSources, runRefresh } from "../test/refresh-helpers";
import { type FeedEntry, serveFeed } from "../test/review-helpers";
import { useUpstream } from "../test/upstream";

const upstream = useUpstream();

function entries(prefix: string, title = "story"): FeedEntry[] {
	return [1, 2].map((n) => ({
		guid: `${prefix}-${n}`,
		title: `${prefix} ${title} ${n}`,
		link: `https://${prefix}.example/${n}`,
		minutesAgo: 10 + n,
		content: `<p>Body of ${prefix} ${n}.</p>`,
	}));
}

async function deskSlugs(query: string): Promise<string[]> {
	const response = await request(`/api/articles?${query}`, { headers: adminHeaders() });
	expect(response.status).toBe(200);
	return ((await response.json()) as { articles: { slug: string }[] }).articles.map((a) => a.slug).sort();
}

describe("The desk and feed articles", () => {
	it("Should list one source's articles, and keep a feed story an editor unpublished off the site", async () => {
		let title = "story";
		serveFeed(upstream, "https://gulls.example/rss", () => entries("gulls", title));
		serveFeed(upstream, "https://terns.example/rss", () => entries("terns"));
		await putSources([
			{ id: "gulls", url: "https://gulls.example/rss", name: "Gulls" },
			{ id: "terns", url: "https://terns.example/rss", name: "Terns" },
		]);
		await runRefresh();
		const gulls = await deskSlugs("source=gulls");
		expect(gulls).toEqual(["gulls-story-1", "gulls-story-2"]);
		expect(await deskSlugs("source=terns")).toEqual(["terns-story-1", "terns-story-2"]);

		const copy = (await (await request("/api/articles/gulls-story-1", { headers: adminHeaders() })).json()) as {
			sourceId: string;
			source: string;
			status: string;
			title: string;
			body: string;
			publishedAt: string;
		};
		expect(copy).toMatchObject({ sourceId: "gulls", source: "Gulls", status: "published" });
		const { title: t, body, publishedAt } = copy;
		const unpublished = await request("/api/articles/gulls-story-1", {
			method: "PUT",
			headers: adminHeaders(),
			body: JSON.stringify({ title: t, body, publishedAt, status: "draft" }),
		});
		expect(unpublished.status).toBe(200);
		expect(await env.NEWS.get(keys.article("gulls-story-1"))).toBeNull();

		// The feed changes the story; the refresh must not bring it back.
		title = "story, updated";
		await runRefresh("?force=true");
		expect((await request("/api/articles/gulls-story-1")).status).toBe(404);
		expect(await env.NEWS.get(keys.article("gulls-story-1"))).toBeNull();
		expect(await deskSlugs("source=gulls&status=draft")).toEqual(["gulls-story-1"]);
	});

	it("Should start a new history for a slug whose article a source's removal took away", async () => {
		serveFeed(upstream, "https://puffins.example/rss", () => entries("puffins"));
		await putSources([{ id: "puffins", url: "https://puffins.example/rss", name: "Puffins" }]);
		await runRefresh();
		const read = (await (await request("/api/articles/puffins-story-1", { headers: adminHeaders() })).json()) as {
			title: string;
			body: string;
			publishedAt: string;
		};
		const edit = { title: `${read.title}, edited`, body: read.body, publishedAt: read.publishedAt };
		const put = () =>
			request("/api/articles/puffins-story-1", { method: "PUT", headers: adminHeaders(), body: JSON.stringify(edit) });
		expect((await put()).status).toBe(200);
		const removed = await request("/api/sources/puffins?articles=remove", {
			method: "DELETE",
			headers: adminHeaders(),
		});
		expect(removed.status).toBe(200);
		expect((await request("/api/articles/puffins-story-1", { headers: adminHeaders() })).status).toBe(404);

		expect((await put()).status).toBe(201);
		const listed = await request("/api/articles/puffins-story-1/revisions", { headers: adminHeaders() });
		const { revisions } = (await listed.json()) as { revisions: { n: number }[] };
		expect(revisions.map((r) => r.n)).toEqual([1]);
	});
});
