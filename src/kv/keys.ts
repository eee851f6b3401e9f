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
	/** Every list key starts so (src/store/list-chunks.ts writes them). */
	listPrefix: `${PREFIX}list:`,
	/** A list's directory: its chunks' bounds, newest first (`home`, or `s:<section slug>`). */
	listDirectory: (list: string) => `${PREFIX}list:${list}:dir`,
	/** One chunk of a list, named by its lower bound (`first`, or `<ms>.<slug>`). */
	listChunk: (list: string, bound: string) => `${PREFIX}list:${list}:c:${bound}`,
	/** The list and part (`dir`, or a chunk's bound) of a list key. */
	parseListKey: (key: string): { list: string; part: string } | undefined => {
		const rest = key.slice(`${PREFIX}list:`.length);
		if (rest.endsWith(":dir")) return { list: rest.slice(0, -4), part: "dir" };
		const at = rest.lastIndexOf(":c:");
		return at === -1 ? undefined : { list: rest.slice(0, at), part: rest.slice(at + 3) };
	},
	/** Every sitemap key starts so (src/store/sitemap-months.ts writes them). */
	sitemapPrefix: `${PREFIX}sitemap:`,
	/** The months that have articles, each with its URL count and last change: `/sitemap.xml`. */
	sitemapIndex: `${PREFIX}sitemap:index`,
	/** One UTC month's article URLs (`YYYY-MM`): `/sitemaps/YYYY-MM.xml`. */
	sitemapMonth: (month: string) => `${PREFIX}sitemap:${month}`,
	/** Every archive key starts so (src/store/archive-days.ts writes them). */
	archivePrefix: `${PREFIX}archive:`,
	/** Every month that has articles, in the site's time zone: `/archive`. */
	archiveMonths: `${PREFIX}archive:months`,
	/** One month's days (`YYYY-MM`): `/archive/YYYY/MM`. */
	archiveMonth: (month: string) => `${PREFIX}archive:${month}`,
	/** One day's articles (`YYYY-MM-DD`): `/archive/YYYY/MM/DD`. */
	archiveDay: (day: string) => `${PREFIX}archive:${day}`,
} as const;
