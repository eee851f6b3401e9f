/**
 * @module Plans one run's article writes inside the StoreWriter: dedup by item key across runs and
 * sources, update in place only when something changed, new slugs unique, within the day's KV writes.
 */
import type { SourceOutcome } from "../ingest/run";
import { slugBase, toArticle, uniqueSlug } from "../ingest/to-article";
import type { ItemCounts } from "../schemas/refresh-summary";
import type { SourceConfig } from "../schemas/source";
import type { ArticleRow } from "./articles-table";

export type IngestLookups = {
	byItemKey: (itemKey: string) => ArticleRow | undefined;
	slugTaken: (slug: string) => boolean;
};

export type SourcePlan = { outcome: SourceOutcome; rows: ArticleRow[]; counts: ItemCounts };

export type IngestPlan = { sources: SourcePlan[]; put: ArticleRow[]; stale: string[] };

/** One index write and one `v1:sources` write, kept back from the day's allowance for every run. */
export const RUN_OVERHEAD_WRITES = 2;

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
	const claimedKeys = new Map<string, ArticleRow>();
	const claimedSlugs = new Set<string>();
	const plan: IngestPlan = { sources: [], put: [], stale: [] };
	const batch: IngestLookups = {
		byItemKey: (key) => claimedKeys.get(key) ?? lookups.byItemKey(key),
		slugTaken: (slug) => claimedSlugs.has(slug) || lookups.slugTaken(slug),
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
			if (row.itemKey) claimedKeys.set(row.itemKey, row);
			claimedSlugs.add(row.slug);
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
	const seen = new Set<string>();
	const slugs = new Set<string>();
	for (const item of outcome.items) {
		// A feed that repeats a guid means one item; the first (newest, by feed order) wins.
		if (seen.has(item.key)) {
			counts.dropped++;
			continue;
		}
		seen.add(item.key);
		const existing = lookups.byItemKey(item.key);
		if (existing) {
			// The source that brought an item first keeps it; another carrying it must not flip its attribution each run.
			if (existing.article.origin?.sourceId !== source.id) {
				counts.unchanged++;
				continue;
			}
			const publishedAt = item.dated ? item.publishedAt : existing.article.publishedAt;
			const mapped = toArticle(item, source, existing.slug, publishedAt);
			if (!mapped.ok) counts.dropped++;
			else if (sameJson(mapped.value, existing.article)) counts.unchanged++;
			else {
				rows.push({ slug: existing.slug, article: mapped.value, itemKey: item.key, expiresAt });
				counts.updated++;
			}
			continue;
		}
		const slug = uniqueSlug(slugBase(item.title), (s) => slugs.has(s) || lookups.slugTaken(s));
		const mapped = toArticle(item, source, slug);
		if (!mapped.ok) {
			counts.dropped++;
			continue;
		}
		slugs.add(slug);
		rows.push({ slug, article: mapped.value, itemKey: item.key, expiresAt });
		counts.new++;
	}
	return { outcome, rows, counts };
}

function noItems(): ItemCounts {
	return { new: 0, updated: 0, unchanged: 0, dropped: 0 };
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
