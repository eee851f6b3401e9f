/** @module A parsed document to FeedItems: the format's adapter, then the shared build, validation and de-duplication. */
import { err } from "../../result";
import type { FeedItem } from "../../schemas/feed-item";
import type { ParsedDocument } from "../parse";
import { adaptAtom } from "./atom";
import { type Built, buildItem } from "./build";
import type { Adapted, Draft } from "./draft";
import { adaptJson } from "./json";
import { adaptRdf } from "./rdf";
import { adaptRss } from "./rss";

export type Normalized = {
	title?: string;
	link?: string;
	items: FeedItem[];
	dropped: { index: number; reason: string }[];
};

export function normalize(doc: ParsedDocument, feedUrl: string, now: Date): Normalized {
	const adapted = adapt(doc, feedUrl);
	const result: Normalized = { items: [], dropped: [] };
	if (adapted.title !== undefined) result.title = adapted.title;
	if (adapted.link !== undefined) result.link = adapted.link;
	const keys = new Set<string>();
	adapted.drafts.forEach((draft, index) => {
		const built = safeBuild(draft, now);
		if (!built.ok) result.dropped.push({ index, reason: built.error });
		else if (keys.has(built.value.key)) result.dropped.push({ index, reason: `duplicate key ${built.value.key}` });
		else {
			keys.add(built.value.key);
			result.items.push(built.value);
		}
	});
	return result;
}

/** One odd item must not cost the feed: a bug while building it drops that item, with the error as reason. */
function safeBuild(draft: Draft, now: Date): Built {
	try {
		return buildItem(draft, now);
	} catch (error) {
		return err(`internal: ${error instanceof Error ? error.message : String(error)}`);
	}
}

function adapt(doc: ParsedDocument, feedUrl: string): Adapted {
	switch (doc.format) {
		case "rss":
			return adaptRss(doc.feed, feedUrl);
		case "atom":
			return adaptAtom(doc.feed, feedUrl);
		case "rdf":
			return adaptRdf(doc.feed, feedUrl);
		case "json":
			return adaptJson(doc.feed, feedUrl);
	}
}
