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
} as const;
