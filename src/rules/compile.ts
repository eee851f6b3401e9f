/**
 * @module Rules made ready to match: a phrase normalized once (NFKC, lowercase), a pattern compiled
 * by re2js once, each with its cost per character for the run's matching budget (screen.ts). A set
 * whose patterns are too costly together is refused as a whole, like a single bad pattern.
 */
import { err, ok, type Result } from "../result";
import type { Issue } from "../schemas/issues";
import type { MatchedRule, RuleAction, RuleField, RuleKind, RuleScope } from "../schemas/rules";
import { compilePattern, MAX_PATTERN_PROGRAM } from "./pattern";

/**
 * The compiled size of all of one set's patterns together: four patterns of the largest size.
 * re2js keeps a lazily built automaton per pattern, up to a few MB for the largest, so this also
 * bounds the memory a commit's rules take (about 10 MB at worst, global and a source's together).
 */
export const MAX_SET_PROGRAM = 4 * MAX_PATTERN_PROGRAM;

/** A rule as stored (with its id) or as an editor proposes it (id null). */
export type RuleLike = { id: number | null; action: RuleAction; field: RuleField; kind: RuleKind; value: string };

export type CompiledRule = {
	ref: MatchedRule;
	field: RuleField;
	action: RuleAction;
	/** Budget units per character of text tested: 1 for a phrase, the program's size for a pattern. */
	weight: number;
	/** Phrases test the lowercased text; patterns the NFKC text and ignore case themselves. */
	lowercase: boolean;
	test: (text: string) => boolean;
};

/** Unicode-aware folding for phrases: compatibility forms (ﬁ, ①, full-width letters) and case. */
export function foldText(text: string): string {
	return text.normalize("NFKC").toLowerCase();
}

/** Every rule compiled, or each refusal as an issue naming the rule (`rules.3.value`). */
export function compileRules(rules: readonly RuleLike[], scope: RuleScope): Result<CompiledRule[], Issue[]> {
	const compiled: CompiledRule[] = [];
	const issues: Issue[] = [];
	let program = 0;
	rules.forEach((rule, index) => {
		const one = compileRule(rule, scope);
		if (!one.ok) issues.push({ path: `rules.${index}.value`, message: `rule ${index}: ${one.error}` });
		else {
			compiled.push(one.value);
			if (rule.kind === "pattern") program += one.value.weight;
		}
	});
	if (issues.length === 0 && program > MAX_SET_PROGRAM) {
		const message = `the patterns together compile to ${program} steps, at most ${MAX_SET_PROGRAM}: simplify or remove some`;
		issues.push({ path: "rules", message });
	}
	return issues.length > 0 ? err(issues) : ok(compiled);
}

/**
 * Stored rules, compiled for a run. They were checked when saved, so a refusal here means the
 * engine changed under them: that rule is logged and left out, the others still apply.
 */
export function compileStored(rules: readonly RuleLike[], scope: RuleScope): CompiledRule[] {
	return rules.flatMap((rule) => {
		const one = compileRule(rule, scope);
		if (one.ok) return [one.value];
		console.error(JSON.stringify({ event: "rules.unusable", scope, id: rule.id, detail: one.error }));
		return [];
	});
}

function compileRule(rule: RuleLike, scope: RuleScope): Result<CompiledRule, string> {
	const ref: MatchedRule = {
		scope,
		id: rule.id,
		action: rule.action,
		field: rule.field,
		kind: rule.kind,
		value: rule.value,
	};
	const base = { ref, field: rule.field, action: rule.action };
	if (rule.kind === "phrase") {
		const needle = foldText(rule.value);
		if (needle.trim() === "") return err("a phrase must not be blank");
		return ok({ ...base, weight: 1, lowercase: true, test: (text) => text.includes(needle) });
	}
	const pattern = compilePattern(rule.value);
	if (!pattern.ok) return pattern;
	return ok({ ...base, weight: Math.max(1, pattern.value.programSize), lowercase: false, test: pattern.value.test });
}
