/** @module Maps one normalized feed item onto a local article: slug, source attribution, section, dek. */
import * as v from "valibot";
import { err, ok, type Result } from "../result";
import { Article } from "../schemas/article";
import { SLUG_MAX_LENGTH } from "../schemas/common";
import type { FeedItem } from "../schemas/feed-item";
import { describeIssue } from "../schemas/issues";
import type { SourceConfig } from "../schemas/source";

/** Short enough to read in a URL; numbered suffixes still fit under the slug schema's 120. */
const SLUG_BASE_MAX = 80;

/**
 * `"Ports & Harbours: Crane #2 returns"` → `"ports-harbours-crane-2-returns"`; accents folded, cut at a
 * word within `max` characters. A title with no Latin letters or digits gives `fallback`. The editor's
 * suggestion (src/desk/article-form.ts) is this with its own length and no fallback.
 */
export function slugBase(title: string, { max = SLUG_BASE_MAX, fallback = "item" } = {}): string {
	const words = title
		.normalize("NFKD")
		.replace(/\p{M}/gu, "")
		.toLowerCase()
		// "Zürich's" reads better as "zurichs" than as "zurich-s".
		.replace(/['\u2019]/g, "")
		.split(/[^a-z0-9]+/)
		.filter(Boolean);
	let slug = "";
	for (const word of words) {
		const next = slug ? `${slug}-${word}` : word;
		if (next.length > max) break;
		slug = next;
	}
	// A title in a script without Latin letters has no words here: a neutral base, numbered, still works.
	return slug || words[0]?.slice(0, max) || fallback;
}

/** The base if free, else `base-2`, `base-3`, …: the first that `taken` says is free. */
export function uniqueSlug(base: string, taken: (slug: string) => boolean): string {
	if (!taken(base)) return base;
	for (let n = 2; ; n++) {
		const slug = `${base}-${n}`.slice(-SLUG_MAX_LENGTH);
		if (!taken(slug)) return slug;
	}
}

/** The article, or why the item cannot be one (`path: message`): the item is then counted as dropped. */
export type ToArticle = Result<Article, string>;

/**
 * The article an item becomes. `publishedAt` is the item's unless the caller keeps an earlier
 * first-seen time (an undated item must not jump to the top on every update).
 */
export function toArticle(
	item: FeedItem,
	source: SourceConfig,
	slug: string,
	publishedAt = item.publishedAt,
): ToArticle {
	const article: Article = {
		slug,
		title: item.title,
		publishedAt,
		body: "",
		bodyHtml: item.contentHtml,
		sourceUrl: item.link,
		source: source.name,
		origin: { sourceId: source.id, itemKey: item.key },
	};
	if (item.summary && item.summary !== item.title) article.dek = item.summary;
	if (source.section) article.section = source.section;
	if (item.author) article.author = { name: item.author };
	if (item.updatedAt && item.updatedAt !== publishedAt) article.updatedAt = item.updatedAt;
	if (item.image) article.image = { ...item.image };
	const parsed = v.safeParse(Article, article);
	return parsed.success ? ok(parsed.output) : err(describeIssue(parsed.issues));
}
