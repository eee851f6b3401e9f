// A draft saved again and again (the desk's autosave) costs no KV delete: it has no record to delete.
import { runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { testPacingClock } from "../../test/limits";
import { keys } from "../kv/keys";
import type { ArticleRow } from "./articles-table";
import { pacedKv } from "./kv-pacing";
import { applyChanges } from "./projection";
import type { ArticleStatus } from "./public-rows";

function row(slug: string, status: ArticleStatus, title: string): ArticleRow {
	const article = { slug, title, publishedAt: "2026-11-25T10:00:00.000Z", body: "x", bodyHtml: "x" };
	return { slug, article, sourceId: null, itemKey: null, expiresAt: null, status };
}

const isRecord = (key: string) => key === keys.article("autosaved");

describe("applyChanges with unpublished rows", () => {
	it("Should delete a record when a row leaves published, and touch KV no more while it stays a draft", async () => {
		const namespace = env.WRITER as unknown as DurableObjectNamespace;
		await runInDurableObject(namespace.get(namespace.idFromName("projection-drafts")), async (_instance, state) => {
			const sql = state.storage.sql;
			const deleted: string[] = [];
			const counting = new Proxy(env.NEWS, {
				get(target, name) {
					if (name === "delete") {
						return (key: string) => {
							deleted.push(key);
							return target.delete(key);
						};
					}
					const value = Reflect.get(target, name);
					return typeof value === "function" ? value.bind(target) : value;
				},
			});
			const target = { sql, kv: pacedKv(sql, counting, testPacingClock), wakeIn: async () => {} };
			const apply = (status: ArticleStatus, title: string) =>
				applyChanges(target, { put: [row("autosaved", status, title)], remove: [] });

			expect((await apply("published", "Live")).ok).toBe(true);
			expect(await env.NEWS.get(keys.article("autosaved"))).not.toBeNull();
			expect((await apply("draft", "Pulled back")).ok).toBe(true);
			expect(deleted.filter(isRecord)).toEqual([keys.article("autosaved")]);
			expect(await env.NEWS.get(keys.article("autosaved"))).toBeNull();

			for (const title of ["Draft 1", "Draft 2", "Draft 3"]) expect((await apply("draft", title)).ok).toBe(true);
			expect((await apply("review", "For review")).ok).toBe(true);
			// The archive keys the pull-back emptied may follow later, when their pacing frees them; no record delete does.
			expect(deleted.filter(isRecord)).toHaveLength(1);
			expect(
				sql
					.exec<{ title: string }>(
						"SELECT json_extract(json, '$.title') AS title FROM articles WHERE slug = 'autosaved'",
					)
					.one().title,
			).toBe("For review");

			expect((await apply("published", "Back")).ok).toBe(true);
			expect(JSON.parse((await env.NEWS.get(keys.article("autosaved"))) ?? "null")).toMatchObject({ title: "Back" });
		});
	});
});
