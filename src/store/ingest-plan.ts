/**
 * @module Plans one commit's article writes inside the StoreWriter: an item is known by its source
 * and its guid (a guid is unique only within its feed), a story two sources carry by its canonical
 * link; known items are updated in place only when something changed, taken-down items stay out,
 * new slugs are never ones issued before, all within the day's KV writes.
 */
import { canonicalLink } from "../ingest/canonical-link";
import { countItem, noItems } from "../ingest/item-counts";
import type { SourceOutcome } from "../ingest/run";
import { slugBase, toArticle, uniqueSlug } from "../ingest/to-article";
import type { Verdict } from "../rules/screen";
import type { Article } from "../schemas/article";
import type { FeedItem } from "../schemas/feed-item";
import type { ItemCounts } from "../schemas/refresh-summary";
import type { MatchedRule } from "../schemas/rules";
import type { SourceConfig } from "../schemas/source";
import type { ArticleRow } from "./articles-table";

export type IngestLookups = {
	/** The row of item `itemKey` from `sourceId`. */
	byItem: (sourceId: string, itemKey: string) => ArticleRow | undefined;
	/** Whether `slug` is unavailable to that new item: held by an article, or ever issued to another. */
	slugTaken: (slug: string, sourceId: string, itemKey: string) => boolean;
	/** The sources of live feed articles with this canonical link. */
	linkOwners: (link: string) => string[];
	/** Whether an editor took that item down. */
	tombstoned: (sourceId: string, itemKey: string) => boolean;
	/** Whether a row holds that item even though `byItem` cannot read it (its article fails today's schema). */
	stored: (sourceId: string, itemKey: string) => boolean;
	/** Keep and block rules and the review queue (src/store/screening.ts); without them every new item is published. */
	review?: ReviewLookups;
};

export type ReviewLookups = {
	/** Whether the item already waits in the review queue: an editor decides it there, so it is not queued twice. */
	queued: (sourceId: string, itemKey: string) => boolean;
	/** What the rules (and the source's `review` setting) make of a new item. */
	screen: (source: SourceConfig, item: FeedItem) => Verdict;
};

/** A new item the review queue takes instead of publishing it, as the article it would be. */
export type QueuedItem = { row: ArticleRow; reason: "held" | "blocked"; rule?: MatchedRule; note?: string };

/** `created`: the slugs of the rows that are new articles (the others update one in place); `queued`: for the review queue. */
export type SourcePlan = {
	outcome: SourceOutcome;
	rows: ArticleRow[];
	counts: ItemCounts;
	created?: Set<string>;
	queued?: QueuedItem[];
};

export type IngestPlan = { sources: SourcePlan[]; put: ArticleRow[]; stale: string[] };

/** One index write and one `v1:sources` write, kept back from the day's allowance for every commit. */
export const RUN_OVERHEAD_WRITES = 2;

/**
 * The most one article's row may take in SQLite, which refuses a row over 2 MB: its JSON plus the
 * headline, keys and link beside it. Bounded items never come close (docs/reliability.md); one
 * that does is dropped here rather than fail its commit.
 */
export const MAX_ARTICLE_JSON_BYTES = 1_900_000;

/**
 * Sources whose article writes would overrun `writesLeft` are deferred whole, validators and all,
 * so their next conditional GET brings the same items again instead of a 304 that would lose them.
 * An outcome for a source removed or re-pointed since the run began is stale and ignored.
 */
export function planIngest(
	outcomes: readonly SourceOutcome[],
	sources: ReadonlyMap<string, SourceConfig>,
	lookups: IngestLookups,
	options: { nowMs: number; articleTtlMs: number; writesLeft: number },
): IngestPlan {
	const claimedItems = new Map<string, ArticleRow>();
	const claimedSlugs = new Set<string>();
	const claimedLinks = new Map<string, string[]>();
	const plan: IngestPlan = { sources: [], put: [], stale: [] };
	const batch: IngestLookups = {
		byItem: (sourceId, key) => claimedItems.get(itemId(sourceId, key)) ?? lookups.byItem(sourceId, key),
		slugTaken: (slug, sourceId, key) => claimedSlugs.has(slug) || lookups.slugTaken(slug, sourceId, key),
		linkOwners: (link) => [...(claimedLinks.get(link) ?? []), ...lookups.linkOwners(link)],
		tombstoned: (sourceId, key) => lookups.tombstoned(sourceId, key),
		stored: (sourceId, key) => lookups.stored(sourceId, key),
		...(lookups.review && { review: lookups.review }),
	};
	for (const outcome of outcomes) {
		const source = sources.get(outcome.sourceId);
		if (!source || source.url !== outcome.url) {
			plan.stale.push(outcome.sourceId);
			continue;
		}
		if (outcome.kind !== "fetched") {
			plan.sources.push({ outcome, rows: [], counts: noItems() });
			continue;
		}
		const planned = planSource(outcome, source, batch, options.nowMs + options.articleTtlMs);
		if (plan.put.length + planned.rows.length + RUN_OVERHEAD_WRITES > options.writesLeft) {
			const deferred: SourceOutcome = {
				kind: "deferred",
				reason: "kv_budget",
				sourceId: outcome.sourceId,
				url: outcome.url,
			};
			plan.sources.push({ outcome: deferred, rows: [], counts: noItems() });
			continue;
		}
		for (const row of planned.rows) {
			claimedItems.set(itemId(source.id, row.itemKey ?? ""), row);
			claimedSlugs.add(row.slug);
			const link = row.article.sourceUrl === undefined ? undefined : canonicalLink(row.article.sourceUrl);
			if (link !== undefined) claimedLinks.set(link, [...(claimedLinks.get(link) ?? []), source.id]);
		}
		plan.put.push(...planned.rows);
		plan.sources.push(planned);
	}
	return plan;
}

function planSource(
	outcome: Extract<SourceOutcome, { kind: "fetched" }>,
	source: SourceConfig,
	lookups: IngestLookups,
	expiresAt: number,
): SourcePlan {
	const counts: ItemCounts = { ...noItems(), dropped: outcome.dropped };
	const rows: ArticleRow[] = [];
	const queued: QueuedItem[] = [];
	const created = new Set<string>();
	const seen = new Set<string>();
	const row = (slug: string, article: Article, itemKey: string): ArticleRow => ({
		slug,
		article,
		sourceId: source.id,
		itemKey,
		expiresAt,
	});
	for (const item of outcome.items) {
		// A feed that repeats a guid means one item; the first (newest, by feed order) wins.
		if (seen.has(item.key)) {
			counts.dropped++;
			continue;
		}
		seen.add(item.key);
		const existing = lookups.byItem(source.id, item.key);
		if (existing) {
			// An item an editor replaced (or kept from before per-source keys) is no longer the feed's to change.
			if (existing.article.origin?.sourceId !== source.id) {
				counts.unchanged++;
				continue;
			}
			const publishedAt = item.dated ? item.publishedAt : existing.article.publishedAt;
			const mapped = toArticle(item, source, existing.slug, publishedAt);
			if (!mapped.ok || !fitsARow(mapped.value)) counts.dropped++;
			else if (sameJson(mapped.value, existing.article)) counts.unchanged++;
			else {
				rows.push(row(existing.slug, mapped.value, item.key));
				counts.updated++;
			}
			continue;
		}
		if (lookups.tombstoned(source.id, item.key)) {
			countItem(counts, "tombstoned");
			continue;
		}
		// Waiting for an editor already (held or blocked): it stays as it was queued until approved or rejected.
		if (lookups.review?.queued(source.id, item.key)) {
			counts.unchanged++;
			continue;
		}
		// Its row no longer reads (logged as store.corrupt_row): left as it is, for an editor to replace or delete.
		if (lookups.stored(source.id, item.key)) {
			counts.unchanged++;
			continue;
		}
		// The source that brought a story first keeps it; another carrying it neither duplicates it nor takes it over.
		const link = canonicalLink(item.link);
		if (link !== undefined && lookups.linkOwners(link).some((owner) => owner !== source.id)) {
			countItem(counts, "duplicate");
			continue;
		}
		const slug = uniqueSlug(slugBase(item.title), (s) => created.has(s) || lookups.slugTaken(s, source.id, item.key));
		const mapped = toArticle(item, source, slug);
		if (!mapped.ok || !fitsARow(mapped.value)) {
			counts.dropped++;
			continue;
		}
		// Rules and review (src/rules/screen.ts): a blocked item, or a new one from a `review: true` source, waits in the queue.
		const verdict = lookups.review?.screen(source, item);
		if (verdict && verdict.outcome !== "kept") {
			const { outcome: reason, ...why } = verdict;
			queued.push({ row: row(slug, mapped.value, item.key), reason, ...why });
			countItem(counts, reason);
			continue;
		}
		created.add(slug);
		rows.push(row(slug, mapped.value, item.key));
		counts.new++;
	}
	return { outcome, rows, counts, created, ...(queued.length > 0 && { queued }) };
}

function itemId(sourceId: string, itemKey: string): string {
	return JSON.stringify([sourceId, itemKey]);
}

const encoder = new TextEncoder();

function fitsARow(article: Article): boolean {
	const json = JSON.stringify(article);
	// Every UTF-16 unit is at most 3 UTF-8 bytes: most articles are cleared without encoding.
	return json.length * 3 <= MAX_ARTICLE_JSON_BYTES || encoder.encode(json).byteLength <= MAX_ARTICLE_JSON_BYTES;
}

/** Equal as JSON regardless of key order (an article read back from storage may order keys differently). */
export function sameJson(a: unknown, b: unknown): boolean {
	return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
	return JSON.stringify(value, (_key, v) =>
		v && typeof v === "object" && !Array.isArray(v)
			? Object.fromEntries(Object.entries(v).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)))
			: v,
	);
}
