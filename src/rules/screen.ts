/**
 * @module What the rules make of one new item. Block rules win; if any keep rule exists (global or
 * the source's), an item must match one of them; otherwise it is kept. A kept item from a source
 * that holds items for review is held. Matching is charged to a budget of work units (characters
 * tested × the rule's weight, compile.ts), because workerd's clock does not move while code runs:
 * an item whose rules the budget cannot cover is held for an editor, never published unchecked.
 */
import type { MatchedRule, RuleField, ScreenOutcome } from "../schemas/rules";
import { type CompiledRule, foldText } from "./compile";
import type { RuleItem } from "./item";

/**
 * Work units for one commit or one dry run: about a second of CPU at re2js's slowest (~1 ns per
 * unit when its automaton cannot be cached), far less in practice. 120 new items of 5,000
 * characters, each tested on content against 100 phrases and 10 patterns of 50 steps, use a third.
 */
export const RULES_WORK_BUDGET = 1_000_000_000;

export type Budget = { left: number };

export function newBudget(units = RULES_WORK_BUDGET): Budget {
	return { left: units };
}

/** The rules that apply to one source, split by action; global rules first within each. */
export type RuleSet = { block: CompiledRule[]; keep: CompiledRule[] };

export function ruleSet(global: readonly CompiledRule[], own: readonly CompiledRule[]): RuleSet {
	const all = [...global, ...own];
	return { block: all.filter((r) => r.action === "block"), keep: all.filter((r) => r.action === "keep") };
}

export type Verdict = { outcome: ScreenOutcome; rule?: MatchedRule; note?: string };

export const NOTES = {
	noKeep: "matched no keep rule",
	review: "its source holds new items for review",
	budget: "not checked: the matching budget of this run ran out, so it waits for an editor",
} as const;

export function screen(item: RuleItem, rules: RuleSet, options: { review: boolean }, budget: Budget): Verdict {
	const texts = new ItemTexts(item);
	for (const rule of rules.block) {
		const hit = matches(rule, texts, budget);
		if (hit === undefined) return { outcome: "held", note: NOTES.budget };
		if (hit) return { outcome: "blocked", rule: rule.ref };
	}
	let kept: MatchedRule | undefined;
	for (const rule of rules.keep) {
		const hit = matches(rule, texts, budget);
		if (hit === undefined) return { outcome: "held", note: NOTES.budget };
		if (hit) {
			kept = rule.ref;
			break;
		}
	}
	if (rules.keep.length > 0 && kept === undefined) return { outcome: "blocked", note: NOTES.noKeep };
	if (options.review) return { outcome: "held", note: NOTES.review };
	return kept ? { outcome: "kept", rule: kept } : { outcome: "kept" };
}

/** Whether `rule` matches; undefined when the budget cannot pay for testing it (nothing is charged then). */
function matches(rule: CompiledRule, texts: ItemTexts, budget: Budget): boolean | undefined {
	const values = texts.of(rule.field, rule.lowercase);
	const cost = values.reduce((sum, text) => sum + (text.length + 1) * rule.weight, 0);
	if (cost > budget.left) return undefined;
	budget.left -= cost;
	return values.some((text) => rule.test(text));
}

/** An item's fields as rules read them, each normalized once and only when a rule asks. */
class ItemTexts {
	private readonly cache = new Map<string, string[]>();

	constructor(private readonly item: RuleItem) {}

	of(field: RuleField, lowercase: boolean): string[] {
		const key = `${field}:${lowercase}`;
		let values = this.cache.get(key);
		if (values === undefined) {
			values = this.raw(field).map((text) => (lowercase ? foldText(text) : text.normalize("NFKC")));
			this.cache.set(key, values);
		}
		return values;
	}

	private raw(field: RuleField): string[] {
		const { item } = this;
		if (field === "categories") return item.categories;
		if (field === "author") return item.author === undefined ? [] : [item.author];
		return [item[field]];
	}
}
