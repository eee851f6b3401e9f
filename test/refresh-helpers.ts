/**
 * @module Shared steps of the refresh tests: configure sources and run a refresh through the
 * real Worker entry, then read KV back to see exactly what a run wrote.
 */
import { env, exports } from "cloudflare:workers";
import * as v from "valibot";
import { expect } from "vitest";
import { keys } from "../src/kv/keys";
import type { Article, HeadlinesIndex } from "../src/schemas/article";
import { type RefreshSummary, RefreshSummary as RefreshSummarySchema } from "../src/schemas/refresh-summary";
import type { SourceConfig, SourceState, SourcesRecord } from "../src/schemas/source";
import { adminHeaders, request } from "./helpers";
import { settleStore } from "./limits";

export async function putSources(sources: SourceConfig[]): Promise<SourcesRecord> {
	const response = await request("/api/sources", {
		method: "PUT",
		headers: adminHeaders(),
		body: JSON.stringify({ sources }),
	});
	expect(response.status).toBe(200);
	return response.json();
}

/** `POST /api/refresh`, asserting a 200 and a body that matches its published schema, returning the summary. */
export async function runRefresh(query = ""): Promise<RefreshSummary> {
	const response = await request(`/api/refresh${query}`, { method: "POST", headers: adminHeaders() });
	expect(response.status, await response.clone().text()).toBe(200);
	const summary = await response.json();
	const checked = v.safeParse(RefreshSummarySchema, summary);
	expect(checked.issues?.map((issue) => `${v.getDotPath(issue)}: ${issue.message}`) ?? []).toEqual([]);
	return summary as RefreshSummary;
}

/** `Fetcher.scheduled()` exists behind the test-only `service_binding_extra_handlers` flag; the stable types omit it. */
type ScheduledFetcher = {
	scheduled(options: { scheduledTime?: Date; cron?: string }): Promise<{ outcome: string; noRetry: boolean }>;
};

/** The cron path: `scheduled()` at `at`, the schedule's clock for that run. */
export async function runScheduled(at: Date): Promise<void> {
	const worker = exports.default as unknown as ScheduledFetcher;
	const result = await worker.scheduled({ scheduledTime: at, cron: "*/10 * * * *" });
	expect(result.outcome).toBe("ok");
}

/** Every KV key with its value: diff two snapshots to see what a run wrote. */
export async function kvSnapshot(): Promise<Map<string, string>> {
	const snapshot = new Map<string, string>();
	let cursor: string | undefined;
	do {
		const page = await env.NEWS.list(cursor ? { cursor } : {});
		for (const { name } of page.keys) snapshot.set(name, (await env.NEWS.get(name, "text")) ?? "");
		cursor = page.list_complete ? undefined : page.cursor;
	} while (cursor);
	return snapshot;
}

/** Keys added or changed between two snapshots. */
export function changedKeys(before: Map<string, string>, after: Map<string, string>): string[] {
	return [...after].filter(([key, value]) => before.get(key) !== value).map(([key]) => key);
}

export async function storedSources(): Promise<SourcesRecord> {
	const record = await env.NEWS.get<SourcesRecord>(keys.sources, "json");
	if (!record) throw new Error("no v1:sources record");
	return record;
}

export async function sourceState(id: string): Promise<SourceState> {
	const state = (await storedSources()).sources.find((s) => s.id === id);
	if (!state) throw new Error(`no source ${id}`);
	return state;
}

/** The KV index once the StoreWriter's trailing write has landed. */
export async function storedHeadlines(): Promise<HeadlinesIndex> {
	await settleStore();
	return (await env.NEWS.get<HeadlinesIndex>(keys.headlines, "json")) ?? { updatedAt: "", headlines: [] };
}

/** Every stored article whose origin is `sourceId`, newest first (as the index orders them). */
export async function articlesFrom(sourceId: string): Promise<Article[]> {
	const articles: Article[] = [];
	for (const { slug } of (await storedHeadlines()).headlines) {
		const article = await env.NEWS.get<Article>(keys.article(slug), "json");
		if (article?.origin?.sourceId === sourceId) articles.push(article);
	}
	return articles;
}

/** The stored article that came from the item with `itemKey`. */
export async function articleForItem(itemKey: string): Promise<Article | undefined> {
	for (const { slug } of (await storedHeadlines()).headlines) {
		const article = await env.NEWS.get<Article>(keys.article(slug), "json");
		if (article?.origin?.itemKey === itemKey) return article;
	}
	return undefined;
}
