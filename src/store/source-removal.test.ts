// Removing a source with its articles, on the real StoreWriter: an article an editor saved through the
// desk leaves no desk row or revisions behind, since no API call could reach them once it is gone.
import { runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { adminHeaders, request } from "../../test/helpers";
import { putSources, runRefresh } from "../../test/refresh-helpers";
import { serveFeed } from "../../test/review-helpers";
import { useUpstream } from "../../test/upstream";

const upstream = useUpstream();

function historyRows(slug: string): Promise<number> {
	const namespace = env.WRITER as unknown as DurableObjectNamespace;
	return runInDurableObject(namespace.get(namespace.idFromName("main")), (_instance, state) => {
		const sql = state.storage.sql;
		const count = (table: string) =>
			sql.exec<{ n: number }>(`SELECT count(*) AS n FROM ${table} WHERE slug = ?`, slug).one().n;
		return count("desk_articles") + count("article_revisions");
	});
}

describe("removeSource with its articles", () => {
	it("Should drop the desk rows and revisions of the edited stories it removes", async () => {
		serveFeed(upstream, "https://skuas.example/rss", () => [
			{
				guid: "skuas-1",
				title: "skuas story 1",
				link: "https://skuas.example/1",
				minutesAgo: 10,
				content: "<p>Body.</p>",
			},
		]);
		await putSources([{ id: "skuas", url: "https://skuas.example/rss", name: "Skuas" }]);
		await runRefresh();
		const read = (await (await request("/api/articles/skuas-story-1", { headers: adminHeaders() })).json()) as {
			title: string;
			body: string;
			publishedAt: string;
		};
		const edit = { title: `${read.title}, edited`, body: read.body, publishedAt: read.publishedAt };
		const put = await request("/api/articles/skuas-story-1", {
			method: "PUT",
			headers: adminHeaders(),
			body: JSON.stringify(edit),
		});
		expect(put.status).toBe(200);
		expect(await historyRows("skuas-story-1")).toBe(2);

		const removed = await request("/api/sources/skuas?articles=remove", { method: "DELETE", headers: adminHeaders() });
		expect(removed.status).toBe(200);
		expect(await historyRows("skuas-story-1")).toBe(0);
	});
});
