/** @module Shared test helpers: requests through the real Worker entry, and sample articles. */
import { exports } from "cloudflare:workers";

export const ADMIN_TOKEN = "test-admin-token";
export const ORIGIN = "http://edgewire.test";

/** A request through the Worker's real fetch handler (bindings, DO and KV all real). */
export function request(path: string, init?: RequestInit): Promise<Response> {
	return exports.default.fetch(new Request(`${ORIGIN}${path}`, init));
}

export function adminHeaders(extra: Record<string, string> = {}): Record<string, string> {
	return { authorization: `Bearer ${ADMIN_TOKEN}`, "content-type": "application/json", ...extra };
}

export function minutesAgo(minutes: number, from = Date.now()): string {
	return new Date(from - minutes * 60_000).toISOString();
}

export type ArticleBody = Record<string, unknown>;

export function sampleArticle(overrides: ArticleBody = {}): ArticleBody {
	return {
		title: "Harbour cranes return to the east quay",
		dek: "The port's last two cranes are back in service after a winter of repairs.",
		section: "business",
		author: { name: "Ines Marlow", bio: "Ines Marlow covers shipping and trade for edgewire." },
		publishedAt: minutesAgo(30),
		body: "The cranes were lifted back onto their rails on Tuesday.\n\n## What changes for shippers?\n\nLoading times should fall by a third.",
		sourceUrl: "https://port.example/news/cranes",
		...overrides,
	};
}

export function putArticle(slug: string, body: ArticleBody = sampleArticle()): Promise<Response> {
	return request(`/api/articles/${slug}`, { method: "PUT", headers: adminHeaders(), body: JSON.stringify(body) });
}

export async function getJson<T = any>(path: string): Promise<{ status: number; body: T }> {
	const response = await request(path);
	return { status: response.status, body: (await response.json()) as T };
}
