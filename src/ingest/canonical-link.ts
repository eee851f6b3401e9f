/**
 * @module One story's link as every source spells it: the key that matches an item across sources.
 * Feeds share stories (wires, syndication) under their own guids, so a guid identifies an item only
 * within its source; across sources the link is what two copies have in common, once the parts that
 * differ per reader or per campaign are gone.
 */

/** Query parameters that track a click, not name a page (utm_* is matched by prefix). */
const TRACKING_PARAMS: ReadonlySet<string> = new Set([
	"fbclid", // Facebook
	"gclid", // Google Ads
	"dclid", // Google Display
	"gbraid", // Google Ads, iOS
	"wbraid", // Google Ads, iOS web-to-app
	"msclkid", // Microsoft Ads
	"yclid", // Yandex
	"twclid", // X/Twitter Ads
	"igshid", // Instagram shares
	"mc_cid", // Mailchimp campaign
	"mc_eid", // Mailchimp subscriber
	"_hsenc", // HubSpot
	"_hsmi", // HubSpot
	"mkt_tok", // Marketo
	"oly_anon_id", // Omeda
	"oly_enc_id", // Omeda
	"vero_id", // Vero
	"__s", // Drip
]);

function isTracking(name: string): boolean {
	const lower = name.toLowerCase();
	return lower.startsWith("utm_") || TRACKING_PARAMS.has(lower);
}

/**
 * `HTTPS://News.Example/a?b=2&utm_source=x&a=1#top` → `https://news.example/a?a=1&b=2`: scheme and
 * host lowercased and the default port dropped (the URL parser does both), the fragment and the
 * tracking parameters dropped, the rest sorted by name then value. Undefined for what is not a URL.
 */
export function canonicalLink(link: string): string | undefined {
	let url: URL;
	try {
		url = new URL(link);
	} catch {
		return undefined;
	}
	url.hash = "";
	const kept = [...url.searchParams].filter(([name]) => !isTracking(name));
	kept.sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0));
	url.search = kept.length === 0 ? "" : new URLSearchParams(kept).toString();
	return url.href;
}
