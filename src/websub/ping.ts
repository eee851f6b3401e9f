/**
 * @module Our own feeds as a WebSub publisher: after a publish, tell `WEBSUB_HUB` which of our
 * topics changed (`hub.mode=publish`, one `hub.url` per feed, as PubSubHubbub 0.3 §7.1 allows), so
 * the hub fetches them and pushes to its subscribers. Pings an isolate sends are at least a second
 * apart; the topics of those that come sooner join the next one.
 */
import { siteConfig } from "../config";
import type { Bindings } from "../env";
import { peekHeadlines } from "../kv/headlines";
import { sectionSlug } from "../publishing/sections";
import { feedPath } from "../syndication/feeds";

/** Hubs fetch the feeds a ping names: one ping a second is plenty, and spares a hub bursts of editors' saves. */
export const PING_GAP_MS = 1000;

/** The feeds a change in `sections` touches: the site's two, and each section's two. */
export function changedFeeds(siteUrl: string, sections: Iterable<string | undefined>): string[] {
	const paths = new Set([feedPath("atom"), feedPath("json")]);
	for (const section of sections) {
		const slug = sectionSlug(section);
		if (slug === undefined) continue;
		paths.add(feedPath("atom", slug));
		paths.add(feedPath("json", slug));
	}
	return [...paths].map((path) => `${siteUrl}${path}`);
}

/** The section an article is listed under, when this isolate holds the index (no I/O): the feeds its removal changes. */
export function listedSection(env: Bindings, slug: string, now: Date): string | undefined {
	return peekHeadlines(env.NEWS, now.getTime())?.headlines.find((h) => h.slug === slug)?.section;
}

let lastPingAt = Number.NEGATIVE_INFINITY;
/** The ping waiting for its second: changes that come meanwhile add their feeds to it. */
let next: { hub: string; urls: Set<string>; sent: Promise<void> } | undefined;

/**
 * Pings the hub about the feeds `sections` changed, when `WEBSUB_HUB` and `SITE_URL` are both set;
 * else resolves at once. Meant for `ctx.waitUntil`: it may wait up to a second, and never throws.
 */
export function pingHub(env: Bindings, sections: Iterable<string | undefined>): Promise<void> {
	const { websubHub, siteUrl } = siteConfig(env);
	if (!websubHub || !siteUrl) return Promise.resolve();
	const urls = changedFeeds(siteUrl, sections);
	if (next?.hub === websubHub) {
		for (const url of urls) next.urls.add(url);
		return next.sent;
	}
	const batch = { hub: websubHub, urls: new Set(urls), sent: Promise.resolve() };
	const wait = Math.max(0, lastPingAt + PING_GAP_MS - Date.now());
	next = batch;
	batch.sent = (async () => {
		if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
		// From here on a new change waits for the ping after this one.
		if (next === batch) next = undefined;
		lastPingAt = Date.now();
		await sendPing(batch.hub, [...batch.urls]);
	})();
	return batch.sent;
}

async function sendPing(hub: string, urls: string[]): Promise<void> {
	const form = new URLSearchParams({ "hub.mode": "publish" });
	for (const url of urls) form.append("hub.url", url);
	try {
		const response = await fetch(hub, {
			method: "POST",
			headers: { "content-type": "application/x-www-form-urlencoded" },
			body: form,
			signal: AbortSignal.timeout(10_000),
		});
		await response.body?.cancel().catch(() => undefined);
		if (!response.ok) console.error(JSON.stringify({ event: "websub.ping_refused", hub, status: response.status }));
	} catch (error) {
		console.error(JSON.stringify({ event: "websub.ping_failed", hub, error: String(error) }));
	}
}
