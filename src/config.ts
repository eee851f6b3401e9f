/** @module Site settings from wrangler.toml `[vars]`, parsed once per isolate. */
import type { Bindings } from "./env";

export type SiteConfig = {
	siteName: string;
	/** Sections (lowercase) whose articles carry the opinion disclaimer. */
	opinionSections: ReadonlySet<string>;
	opinionDisclaimer: string;
	/** IANA zone for calendar dates on items older than a week. */
	timeZone: string;
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
	cached = { env, config };
	return config;
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
