// Regression test for issue 9, finding 4 (SQLite's part): the StoreWriter kept the JSON of every
// headline in the index as one SQLite value to skip unchanged writes. 500 headlines with long
// multibyte titles and image URLs pass SQLite's 2 MB per value, so under the strict harness the
// write failed after KV already held the new index. It keeps a SHA-256 of it now.
import { runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { keys } from "../../src/kv/keys";
import type { Article, HeadlinesIndex } from "../../src/schemas/article";
import { HEADLINES_CAP, upsertRow } from "../../src/store/articles-table";
import type { StoreWriter } from "../../src/store/writer";
import { minutesAgo, putArticle, sampleArticle } from "../helpers";
import { takeRejections } from "../limits";

/** Three UTF-8 bytes a character, so each field at its schema's maximum length is three times its length in bytes. */
const WIDE = "語";

function widest(slug: string, minutes: number): Article {
	return {
		slug,
		title: WIDE.repeat(300),
		section: WIDE.repeat(60),
		publishedAt: minutesAgo(minutes),
		body: "x",
		bodyHtml: "<p>x</p>",
		image: { url: `https://images.example/${WIDE.repeat(2000)}`, alt: WIDE.repeat(500) },
	};
}

describe("production: the index signature within SQLite's 2 MB", () => {
	it("Should commit an index of 500 headlines with maximal multibyte titles and image URLs", async () => {
		const namespace = env.WRITER as unknown as DurableObjectNamespace<StoreWriter>;
		const stub = namespace.get(namespace.idFromName("main"));
		await runInDurableObject(stub, (_instance, state) => {
			for (let i = 0; i < HEADLINES_CAP; i++) {
				const article = widest(`wide-${i}`, i + 10);
				upsertRow(state.storage.sql, { slug: article.slug, article, sourceId: null, itemKey: null, expiresAt: null });
			}
		});
		const { image, title, section } = widest("unused", 0);
		const response = await putArticle(
			"wide-newest",
			sampleArticle({ title, section, image, publishedAt: minutesAgo(1) }),
		);
		expect(response.status).toBe(201);

		const index = await env.NEWS.get<HeadlinesIndex>(keys.headlines, "json");
		expect(index?.headlines).toHaveLength(HEADLINES_CAP);
		expect(index?.headlines[0]?.slug).toBe("wide-newest");
		// Well past 2 MB of JSON: the size that used to be stored as the signature.
		expect(new TextEncoder().encode(JSON.stringify(index?.headlines)).byteLength).toBeGreaterThan(4_000_000);
		const signature = await runInDurableObject(
			stub,
			(_instance, state) => state.storage.sql.exec<{ v: string }>("SELECT v FROM meta WHERE k = 'index'").one().v,
		);
		expect(signature).toMatch(/^[0-9a-f]{64}$/);
		expect(takeRejections()).toEqual([]);
	});
});
