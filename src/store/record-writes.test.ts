// One article's KV record from its row: an expiry KV would refuse (under 60 s ahead) deletes the
// record instead. Written through the strict KV binding, which refuses what production refuses.
import { runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { rawKv, testPacingClock } from "../../test/limits";
import { keys } from "../kv/keys";
import type { ArticleRow } from "./articles-table";
import { pacedKv } from "./kv-pacing";
import { MIN_EXPIRATION_AHEAD_MS, recordPut } from "./record-writes";

function row(slug: string, expiresAt: number | null): ArticleRow {
	const article = { slug, title: `Story ${slug}`, publishedAt: "2026-11-25T10:00:00.000Z", body: "x", bodyHtml: "x" };
	return {
		slug,
		article,
		sourceId: expiresAt === null ? null : "wire",
		itemKey: expiresAt === null ? null : slug,
		expiresAt,
	};
}

async function written(slug: string, expiresAt: number | null, nowMs: number) {
	const namespace = env.WRITER as unknown as DurableObjectNamespace;
	await runInDurableObject(namespace.get(namespace.idFromName("record-writes")), async (_instance, state) => {
		await rawKv(env.NEWS).put(keys.article(slug), "before");
		await recordPut(pacedKv(state.storage.sql, env.NEWS, testPacingClock), row(slug, expiresAt), nowMs);
	});
	return rawKv(env.NEWS).getWithMetadata(keys.article(slug));
}

describe("recordPut", () => {
	it("Should write an editor's article with no expiry", async () => {
		const { value } = await written("no-expiry", null, Date.now());
		expect(JSON.parse(value ?? "null")).toMatchObject({ slug: "no-expiry" });
	});

	it("Should write a feed article with its expiry when it is far enough ahead", async () => {
		const nowMs = Date.now();
		const { value } = await written("a-day-left", nowMs + 86_400_000, nowMs);
		expect(JSON.parse(value ?? "null")).toMatchObject({ slug: "a-day-left" });
	});

	it.each([
		["just under the margin", MIN_EXPIRATION_AHEAD_MS - 1_000],
		["30 s ahead", 30_000],
		["already past", -5_000],
	])("Should delete the record instead when its expiry is %s", async (_when, aheadMs) => {
		const nowMs = Date.now();
		const { value } = await written(`expiry-${aheadMs}`, nowMs + aheadMs, nowMs);
		expect(value).toBeNull();
	});
});
