/**
 * @module Every KV key edgewire uses, behind one version prefix so a layout change can
 * ship beside the old one and switch over without a flag day.
 */
const PREFIX = "v1:";

export const keys = {
	/** The headlines index: newest first, capped; the one read behind `/api/headlines`. */
	headlines: `${PREFIX}headlines`,
	/** One article record. */
	article: (slug: string) => `${PREFIX}article:${slug}`,
	/** The upstream source list with each source's health: the StoreWriter's copy for `GET /api/sources` (the refresh reads the StoreWriter's own). */
	sources: `${PREFIX}sources`,
	/** Every sitemap key starts so (src/store/sitemap-months.ts writes them). */
	sitemapPrefix: `${PREFIX}sitemap:`,
	/** The months that have articles, each with its URL count and last change: `/sitemap.xml`. */
	sitemapIndex: `${PREFIX}sitemap:index`,
	/** One UTC month's article URLs (`YYYY-MM`): `/sitemaps/YYYY-MM.xml`. */
	sitemapMonth: (month: string) => `${PREFIX}sitemap:${month}`,
} as const;
