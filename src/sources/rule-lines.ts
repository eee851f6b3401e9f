/**
 * @module Rules as lines of text, for the sources desk's rules textarea: one rule a line,
 * `<keep|block> <field> <phrase|pattern> <value>`, e.g. `block title phrase sponsored`. Blank lines
 * and lines starting with `#` are skipped. Each bad line is named by its number.
 */
import * as v from "valibot";
import { type Rule, RuleInput } from "../schemas/rules";

/** A rule set as the textarea shows it. */
export function rulesToLines(rules: readonly Pick<Rule, "action" | "field" | "kind" | "value">[]): string {
	return rules.map((r) => `${r.action} ${r.field} ${r.kind} ${r.value}`).join("\n");
}

const LINE = /^(\S+)\s+(\S+)\s+(\S+)\s+(.+)$/;

/** The textarea's rules, or a message per bad line ("line 3: the field must be one of …"). */
export function linesToRules(text: string): { rules: RuleInput[]; errors: string[] } {
	const rules: RuleInput[] = [];
	const errors: string[] = [];
	text.split(/\r?\n/).forEach((raw, index) => {
		const line = raw.trim();
		if (line === "" || line.startsWith("#")) return;
		const match = LINE.exec(line);
		if (!match) {
			errors.push(`line ${index + 1}: write it as "block title phrase some words" (action, field, kind, value)`);
			return;
		}
		const [, action, field, kind, value] = match;
		const parsed = v.safeParse(RuleInput, { action, field, kind, value });
		if (parsed.success) rules.push(parsed.output);
		else {
			const issue = parsed.issues[0];
			const where = issue ? v.getDotPath(issue) : null;
			errors.push(`line ${index + 1}: ${where ? `the ${where} ` : ""}${issue?.message ?? "is not a rule"}`);
		}
	});
	return { rules, errors };
}
