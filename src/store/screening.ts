/**
 * @module Rules at work inside the StoreWriter: the ingest's view of them for one commit (each
 * source's set compiled once, one matching budget for the whole commit), what a commit leaves
 * behind (queued items, each source's last items), and the dry run, which puts a proposed set
 * through the same screen over those last items.
 */

import { err, ok, type Result } from "../result";
import { type CompiledRule, compileRules, compileStored } from "../rules/compile";
import { ruleItemOf } from "../rules/item";
import { newBudget, type RuleSet, ruleSet, screen } from "../rules/screen";
import type { Issue } from "../schemas/issues";
import type { DryRunItem, DryRunResponse, RuleInput } from "../schemas/rules";
import type { SourceConfig } from "../schemas/source";
import type { ReviewLookups, SourcePlan } from "./ingest-plan";
import { lastItems, migrateLastItems, saveLastItems } from "./last-items";
import { enqueue, isQueued, migrateReviewQueue } from "./review-queue";
import { asRuleLike, listRules, migrateRules } from "./rules-table";

export type SourceMissing = { code: "source.missing"; detail: string };
/** A rule set re2js or the caps refuse: each issue names its rule (`rules.3.value`). */
export type RulesInvalid = { code: "rules.invalid"; detail: string; issues: Issue[] };
export type ReviewMissing = { code: "review.missing"; detail: string };

export function rulesInvalid(issues: Issue[]): RulesInvalid {
	return { code: "rules.invalid", detail: "invalid rules", issues };
}

export function sourceMissing(id: string): SourceMissing {
	return { code: "source.missing", detail: `no source ${id}` };
}

export function reviewMissing(id: number): ReviewMissing {
	return { code: "review.missing", detail: `no review item ${id}` };
}

/**
 * Forgets what only a source's own screening used, once it has left the source list: its rules and its
 * last fetched items (nothing could read or delete them any more, and a source later added under the
 * same id starts clean). Its queued items stay, for an editor to approve or reject.
 */
export function forgetRemovedSources(sql: SqlStorage, remaining: readonly string[]): void {
	migrateScreening(sql);
	const keep = JSON.stringify(remaining);
	sql.exec("DELETE FROM rules WHERE source_id IS NOT NULL AND source_id NOT IN (SELECT value FROM json_each(?))", keep);
	sql.exec("DELETE FROM last_items WHERE source_id NOT IN (SELECT value FROM json_each(?))", keep);
}

/** Every table rules and review use; cheap (CREATE … IF NOT EXISTS), so each entry point calls it. */
export function migrateScreening(sql: SqlStorage): void {
	migrateRules(sql);
	migrateLastItems(sql);
	migrateReviewQueue(sql);
}

/** The lookups one commit's planner uses; the budget is shared by all its sources. */
export function reviewLookups(sql: SqlStorage): ReviewLookups {
	migrateScreening(sql);
	const budget = newBudget();
	let global: CompiledRule[] | undefined;
	const sets = new Map<string, RuleSet>();
	const setFor = (sourceId: string): RuleSet => {
		let set = sets.get(sourceId);
		if (set === undefined) {
			global ??= compileStored(listRules(sql, null).map(asRuleLike), "global");
			set = ruleSet(global, compileStored(listRules(sql, sourceId).map(asRuleLike), "source"));
			sets.set(sourceId, set);
		}
		return set;
	};
	return {
		queued: (sourceId, itemKey) => isQueued(sql, sourceId, itemKey),
		screen: (source, item) => screen(ruleItemOf(item), setFor(source.id), { review: source.review === true }, budget),
	};
}

/** What `proposed` (as the source's own set) and the stored global rules would make of the source's last fetched items. */
export function dryRun(
	sql: SqlStorage,
	source: SourceConfig,
	proposed: readonly RuleInput[],
): Result<DryRunResponse, Issue[]> {
	migrateScreening(sql);
	const own = compileRules(
		proposed.map((rule) => ({ ...rule, id: null })),
		"source",
	);
	if (!own.ok) return err(own.error);
	const rules = ruleSet(compileStored(listRules(sql, null).map(asRuleLike), "global"), own.value);
	const budget = newBudget();
	const { fetchedAt, items } = lastItems(sql, source.id);
	const counts = { kept: 0, blocked: 0, held: 0 };
	const results = items.map((item): DryRunItem => {
		const verdict = screen(item, rules, { review: source.review === true }, budget);
		counts[verdict.outcome]++;
		return { title: item.title, link: item.link, ...verdict };
	});
	return ok({ sourceId: source.id, fetchedAt, items: results, counts });
}

/**
 * After a commit is applied: its held and blocked items go into the review queue, and each source
 * that parsed leaves its items for the dry run. A source deferred since (budget, store) does
 * neither: the next run brings the same items again.
 */
export function recordScreening(
	sql: SqlStorage,
	planned: readonly SourcePlan[],
	at: Date,
	options: { nowMs: number; articleTtlMs: number },
): void {
	migrateScreening(sql);
	const queued = planned.flatMap((p) => p.queued ?? []);
	if (queued.length > 0) enqueue(sql, queued, options.nowMs, options.articleTtlMs);
	for (const { outcome } of planned) {
		if (outcome.kind === "fetched") saveLastItems(sql, outcome.sourceId, outcome.items, at);
	}
}
