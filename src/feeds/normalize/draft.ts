/** @module The format-neutral shape each adapter produces and the shared build step turns into a FeedItem. */

export type ImageCandidate = { url: string; alt?: string; width?: number; height?: number };

/** What an item says, read by its format's rules; URLs in `link` and `images` are already absolute. */
export type Draft = {
	id?: string;
	link?: string;
	/** `html` titles have their tags stripped and entities decoded; plain ones only lose extra whitespace. */
	title?: { text: string; html: boolean };
	author?: string;
	/** Category labels as the feed gives them (text). */
	categories?: readonly (string | undefined)[];
	published?: string;
	updated?: string;
	dcDate?: string;
	/** HTML of the item's explicit summary (RSS description, Atom summary, JSON summary). */
	summaryHtml?: string;
	/** HTML of the item's body, when it has one apart from the summary. */
	contentHtml?: string;
	/** What relative URLs inside the HTML resolve against. */
	contentBase: string;
	/** In order of preference. */
	images: ImageCandidate[];
};

export type Adapted = { title?: string; link?: string; drafts: Draft[] };
