/**
 * @module Shared steps of the rules and review tests: feeds whose items carry authors and
 * categories, served at the outbound fetch, and the rules and review routes called as an editor.
 */
import { expect } from "vitest";
import { adminHeaders, request } from "./helpers";
import { KV_LIMITS } from "./limits";
import type { upstream as Upstream } from "./upstream";

export type FeedEntry = {
	guid: string;
	title: string;
	link: string;
	minutesAgo: number;
	author?: string;
	categories?: string[];
	content?: string;
};

/** Items are dated from one instant, so a feed served twice says the same thing (a moving date would read as an update). */
const DATED_FROM = Date.now();

const escapeXml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** An RSS 2.0 feed with dc:creator and category elements, content:encoded as CDATA. */
export function rssFeed(title: string, entries: readonly FeedEntry[]): string {
	const items = entries.map((e) =>
		[
			"<item>",
			`<title>${escapeXml(e.title)}</title>`,
			`<link>${escapeXml(e.link)}</link>`,
			`<guid isPermaLink="false">${escapeXml(e.guid)}</guid>`,
			`<pubDate>${new Date(DATED_FROM - e.minutesAgo * 60_000).toUTCString()}</pubDate>`,
			e.author === undefined ? "" : `<dc:creator>${escapeXml(e.author)}</dc:creator>`,
			...(e.categories ?? []).map((c) => `<category>${escapeXml(c)}</category>`),
			e.content === undefined ? "" : `<content:encoded><![CDATA[${e.content}]]></content:encoded>`,
			"</item>",
		].join(""),
	);
	return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>${escapeXml(title)}</title><link>https://${escapeXml(title)}.example/</link><description>x</description>
${items.join("\n")}
</channel></rss>`;
}

/** Serves `entries()` at `url` (read at each fetch, so a test can change the feed between runs). */
export function serveFeed(upstream: typeof Upstream, url: string, entries: () => readonly FeedEntry[]): void {
	upstream.on(
		url,
		() =>
			new Response(rssFeed(new URL(url).hostname, entries()), { headers: { "content-type": "application/rss+xml" } }),
	);
}

/** A request as an editor (or with `headers`); GET and HEAD never carry the body. */
export function send(path: string, method: string, body?: unknown, headers = adminHeaders()): Promise<Response> {
	const sendsBody = body !== undefined && method !== "GET" && method !== "HEAD";
	return request(path, { method, headers, ...(sendsBody ? { body: JSON.stringify(body) } : {}) });
}

export async function putGlobalRules(rules: unknown[]): Promise<void> {
	const response = await send("/api/rules", "PUT", { rules });
	expect(response.status, await response.clone().text()).toBe(200);
}

export async function putSourceRules(id: string, rules: unknown[]): Promise<void> {
	const response = await send(`/api/sources/${id}/rules`, "PUT", { rules });
	expect(response.status, await response.clone().text()).toBe(200);
}

export type Queued = { id: number; sourceId: string; itemKey: string; title: string; reason: string; rule?: unknown };

/** Every queued item (all pages), the newest first. */
export async function reviewQueue(): Promise<Queued[]> {
	const items: Queued[] = [];
	let cursor = "";
	do {
		const response = await send(`/api/review?limit=100${cursor ? `&cursor=${cursor}` : ""}`, "GET");
		expect(response.status).toBe(200);
		const page = (await response.json()) as { items: Queued[]; next?: string };
		items.push(...page.items);
		cursor = page.next ?? "";
	} while (cursor);
	return items;
}

/** KV takes one write per key per second: an editor's write right after a run's index write waits it out. */
export function aMomentLater(): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, KV_LIMITS.writeIntervalMs));
}
