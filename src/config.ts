/** @module Site settings from wrangler.toml `[vars]`, parsed once per isolate. */
import * as v from "valibot";
import type { Bindings } from "./env";
import { HttpsUrl, HttpUrl } from "./schemas/common";

export type SiteConfig = {
	siteName: string;
	/** Sections (lowercase) whose articles carry the opinion disclaimer. */
	opinionSections: ReadonlySet<string>;
	opinionDisclaimer: string;
	/** IANA zone for calendar dates on items older than a week. */
	timeZone: string;
	/** The WebSub hub the feeds declare; set only when `WEBSUB_HUB` is an absolute https URL. */
	websubHub?: string;
	/**
	 * The site's public origin (`https://news.example`), from `SITE_URL`: a cron run has no request to
	 * learn it from. Set only when valid; without it WebSub push is off and polling goes on as before.
	 */
	siteUrl?: string;
};

let cached: { env: Bindings; config: SiteConfig } | undefined;

export function siteConfig(env: Bindings): SiteConfig {
	if (cached?.env === env) return cached.config;
	const config: SiteConfig = {
		siteName: env.SITE_NAME || "edgewire",
		opinionSections: new Set(
			(env.OPINION_SECTIONS ?? "")
				.split(",")
				.map((s) => s.trim().toLowerCase())
				.filter(Boolean),
		),
		opinionDisclaimer: env.OPINION_DISCLAIMER || "The views expressed in this article are the writer's own.",
		timeZone: validTimeZone(env.SITE_TIME_ZONE) ?? "UTC",
	};
	const hub = validHub(env.WEBSUB_HUB);
	if (hub) config.websubHub = hub;
	const site = validSiteUrl(env.SITE_URL);
	if (site) config.siteUrl = site;
	cached = { env, config };
	return config;
}

/** Only an absolute https URL counts: subscribers reach the hub from anywhere; anything else is logged and ignored. */
function validHub(hub: string | undefined): string | undefined {
	if (!hub) return undefined;
	const parsed = v.safeParse(HttpsUrl, hub);
	if (parsed.success) return parsed.output;
	console.error(JSON.stringify({ event: "config.bad_websub_hub", hub }));
	return undefined;
}

/** An absolute http(s) origin; a path, query or fragment would make every callback built on it wrong, so it is refused. */
function validSiteUrl(url: string | undefined): string | undefined {
	if (!url) return undefined;
	const parsed = v.safeParse(HttpUrl, url);
	if (parsed.success) {
		const { origin, pathname, search, hash } = new URL(parsed.output);
		if (pathname === "/" && !search && !hash) return origin;
	}
	console.error(JSON.stringify({ event: "config.bad_site_url", url }));
	return undefined;
}

function validTimeZone(zone: string | undefined): string | undefined {
	if (!zone) return undefined;
	try {
		new Intl.DateTimeFormat("en-US", { timeZone: zone });
		return zone;
	} catch {
		console.error(JSON.stringify({ event: "config.bad_time_zone", zone }));
		return undefined;
	}
}
