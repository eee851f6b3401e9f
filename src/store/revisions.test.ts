// Revisions on a real Durable Object's SQLite: an article's history keeps its newest REVISIONS_KEPT.
import { runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { OWNER } from "../auth/actor";
import { keepRevision, listRevisions, migrateRevisions, REVISIONS_KEPT, readRevision } from "./revisions";

function withSql<T>(name: string, body: (sql: SqlStorage) => T): Promise<T> {
	const namespace = env.WRITER as unknown as DurableObjectNamespace;
	return runInDurableObject(namespace.get(namespace.idFromName(name)), (_instance, state) => body(state.storage.sql));
}

describe("keepRevision", () => {
	it("Should keep only an article's newest REVISIONS_KEPT revisions, every one of them listed", async () => {
		await withSql("revisions-cap", (sql) => {
			migrateRevisions(sql);
			const save = (i: number, slug = "long-history") =>
				keepRevision(sql, {
					slug,
					fields: { title: `Save ${i}`, publishedAt: "2026-11-25T10:00:00.000Z", body: "Text." },
					status: "draft",
					actor: OWNER,
					atMs: Date.parse("2026-11-25T10:00:00.000Z") + i,
					autosave: false,
				});
			save(1, "other-story");
			for (let i = 1; i <= REVISIONS_KEPT + 5; i++) expect(save(i)).toBe(i);
			const count = (slug: string) =>
				sql.exec<{ n: number }>("SELECT count(*) AS n FROM article_revisions WHERE slug = ?", slug).one().n;
			expect(count("long-history")).toBe(REVISIONS_KEPT);
			expect(count("other-story")).toBe(1);
			const listed = listRevisions(sql, "long-history");
			expect(listed).toHaveLength(REVISIONS_KEPT);
			expect(listed[0]?.n).toBe(REVISIONS_KEPT + 5);
			expect(listed.at(-1)?.n).toBe(6);
			expect(readRevision(sql, "long-history", 5)).toBeUndefined();
			expect(readRevision(sql, "long-history", 6)?.title).toBe("Save 6");
		});
	});
});
