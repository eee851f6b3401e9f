/**
 * @module An editor's pattern compiled by re2js, the linear-time RE2 engine: no backtracking, so no
 * pattern can take exponential time on any input. JavaScript RegExp never sees editor input.
 */
import { RE2JS } from "re2js";
import { err, ok, type Result } from "../result";
import { MAX_RULE_VALUE_LENGTH } from "../schemas/rules";

/**
 * RE2's time is linear in the text but also in the compiled program: `.{1000}` repeated 70 times
 * (490 characters) compiles to 70,000 steps and took ~40 s over 64 KiB. So one pattern's program
 * is bounded too: 1,000 steps takes any sensible rule (`\b(ferry|harbour) strike\b` is about 40)
 * and costs at most tens of ms per 64 KiB, however the text is made.
 */
export const MAX_PATTERN_PROGRAM = 1000;

/** Patterns ignore case, as phrases do; `(?-i)` inside a pattern turns that off. */
const FLAGS = RE2JS.CASE_INSENSITIVE;

export type CompiledPattern = { test: (text: string) => boolean; programSize: number };

/** The compiled pattern, or why it is refused, in words an editor can act on. */
export function compilePattern(pattern: string): Result<CompiledPattern, string> {
	if (pattern.length > MAX_RULE_VALUE_LENGTH) return err(`a pattern is at most ${MAX_RULE_VALUE_LENGTH} characters`);
	let re: RE2JS;
	try {
		re = RE2JS.compile(pattern, FLAGS);
	} catch (error) {
		// re2js says "error parsing regexp: missing closing ): `(?i)(`": neither its prefix nor the
		// flag it put in front of the editor's pattern says anything an editor needs.
		const detail = String((error as Error).message ?? error)
			.replace(/^error parsing regexp: /, "")
			.replace("`(?i)", "`");
		return err(`not a valid pattern: ${detail}`);
	}
	const programSize = re.programSize();
	if (programSize > MAX_PATTERN_PROGRAM) {
		return err(
			`pattern too complex: ${programSize} steps compiled, at most ${MAX_PATTERN_PROGRAM} (large repeat counts like {500} cost the most)`,
		);
	}
	return ok({ test: (text) => re.test(text), programSize });
}
