import { env } from "cloudflare:workers";
import * as v from "valibot";
import { describe, expect, it } from "vitest";
import { sampleArticle } from "../../test/helpers";
import { settleStore } from "../../test/limits";
import { OWNER } from "../auth/actor";
import { keys } from "../kv/keys";
import { HeadlinesIndex } from "../schemas/article";
import type { ArticleInput as Input } from "../schemas/article-input";
import { ArticleInput } from "../schemas/article-input";
import { saveDeskArticle } from "./desk";
import { removeArticle } from "./publish";

const NOW = new Date("2026-11-25T12:00:00Z");
const input = (overrides: Record<string, unknown> = {}) =>
	v.parse(ArticleInput, sampleArticle({ publishedAt: "2026-11-25T11:30:00Z", ...overrides }));

/** A save as the owner's API call makes it: published, no preconditions. */
async function publish(slug: string, article: Input) {
	const save = { slug, input: article, actor: OWNER, conditions: {}, autosave: false };
	const saved = await saveDeskArticle(env, save, NOW);
	if (!saved.ok) throw new Error(`save refused: ${saved.error.code}`);
	return saved.value;
}

async function indexedSlugs(): Promise<string[]> {
	// The StoreWriter writes the index at most once a second: KV holds it once the trailing write has landed.
	await settleStore();
	const index = v.parse(HeadlinesIndex, await env.NEWS.get(keys.headlines, "json"));
	return index.headlines.map((h) => h.slug);
}

describe("saveDeskArticle, as the owner publishes", () => {
	it("Should store a new article as created and answer with it as the API shows it", async () => {
		const { article, created } = await publish("unit-cranes", input());
		expect(created).toBe(true);
		expect(article).toMatchObject({
			slug: "unit-cranes",
			title: "Harbour cranes return to the east quay",
			publishedAt: "2026-11-25T11:30:00.000Z",
			url: "/articles/unit-cranes",
			age: "30 mins ago",
		});
		expect(article.bodyHtml).toContain("<h2>What changes for shippers?</h2>");
		expect(await env.NEWS.get(keys.article("unit-cranes"), "json")).toMatchObject({ title: article.title });
		expect(await indexedSlugs()).toContain("unit-cranes");
	});

	it("Should replace an article with the same slug and say it was not created", async () => {
		await publish("unit-replaced", input());
		const { article, created } = await publish("unit-replaced", input({ title: "Cranes at work" }));
		expect(created).toBe(false);
		expect(article.title).toBe("Cranes at work");
		expect((await indexedSlugs()).filter((slug) => slug === "unit-replaced")).toEqual(["unit-replaced"]);
	});
});

describe("removeArticle", () => {
	it("Should remove the article and its headline", async () => {
		await publish("unit-removed", input());
		expect(await removeArticle(env, "unit-removed", NOW)).toEqual({ ok: true, value: undefined });
		expect(await env.NEWS.get(keys.article("unit-removed"))).toBeNull();
		expect(await indexedSlugs()).not.toContain("unit-removed");
	});

	it("Should answer publish.missing for a slug with no article", async () => {
		expect(await removeArticle(env, "unit-never-there", NOW)).toEqual({
			ok: false,
			error: { code: "publish.missing", detail: "no article 'unit-never-there'" },
		});
	});
});
