/**
 * @module The StoreWriter's keep and block rules: one table for the global set (source_id null)
 * and every source's own set, each replaced whole. A rule saved again unchanged keeps its id and
 * creation time, so a dry run or a queued item that names it still names the same rule.
 */
import * as v from "valibot";
import { err, ok, type Result } from "../result";
import { compileRules, type RuleLike } from "../rules/compile";
import type { Issue } from "../schemas/issues";
import { Rule, type RuleInput } from "../schemas/rules";

export function migrateRules(sql: SqlStorage): void {
	sql.exec(`CREATE TABLE IF NOT EXISTS rules (
		id INTEGER PRIMARY KEY AUTOINCREMENT,
		scope TEXT NOT NULL CHECK (scope IN ('global', 'source')),
		source_id TEXT CHECK ((scope = 'global') = (source_id IS NULL)),
		position INTEGER NOT NULL,
		action TEXT NOT NULL,
		field TEXT NOT NULL,
		kind TEXT NOT NULL,
		value TEXT NOT NULL,
		created_at TEXT NOT NULL
	)`);
	sql.exec("CREATE INDEX IF NOT EXISTS rules_by_source ON rules (source_id, position)");
}

type RuleRow = {
	id: number;
	action: string;
	field: string;
	kind: string;
	value: string;
	created_at: string;
};

/** The global set (`sourceId` null) or one source's, in the order the editor saved them. */
export function listRules(sql: SqlStorage, sourceId: string | null): Rule[] {
	const rows = sql
		.exec<RuleRow>(
			`SELECT id, action, field, kind, value, created_at FROM rules WHERE source_id IS ? ORDER BY position`,
			sourceId,
		)
		.toArray();
	return rows.flatMap((row) => {
		const { created_at: createdAt, ...rest } = row;
		const parsed = v.safeParse(Rule, { ...rest, createdAt });
		if (parsed.success) return [parsed.output];
		// Only this module writes the table, so this is a bug; the rule is left out rather than stop every refresh.
		console.error(JSON.stringify({ event: "store.corrupt_rule", id: row.id }));
		return [];
	});
}

/** A stored rule as the matcher takes it. */
export function asRuleLike(rule: Rule): RuleLike {
	return { id: rule.id, action: rule.action, field: rule.field, kind: rule.kind, value: rule.value };
}

/**
 * Replaces a set after compiling every rule in it: a pattern re2js refuses, or patterns too costly
 * together, refuse the whole set (each issue naming its rule) and nothing is stored.
 */
export function saveRules(
	sql: SqlStorage,
	sourceId: string | null,
	inputs: readonly RuleInput[],
	now: Date,
): Result<Rule[], Issue[]> {
	const scope = sourceId === null ? "global" : "source";
	const compiled = compileRules(
		inputs.map((rule) => ({ ...rule, id: null })),
		scope,
	);
	if (!compiled.ok) return err(compiled.error);
	const unused = new Map<string, number[]>();
	for (const rule of listRules(sql, sourceId)) {
		const key = sameRule(rule);
		unused.set(key, [...(unused.get(key) ?? []), rule.id]);
	}
	inputs.forEach((rule, position) => {
		const kept = unused.get(sameRule(rule))?.shift();
		if (kept !== undefined) {
			sql.exec("UPDATE rules SET position = ? WHERE id = ?", position, kept);
			return;
		}
		sql.exec(
			`INSERT INTO rules (scope, source_id, position, action, field, kind, value, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
			scope,
			sourceId,
			position,
			rule.action,
			rule.field,
			rule.kind,
			rule.value,
			now.toISOString(),
		);
	});
	for (const id of [...unused.values()].flat()) sql.exec("DELETE FROM rules WHERE id = ?", id);
	return ok(listRules(sql, sourceId));
}

function sameRule(rule: Pick<Rule, "action" | "field" | "kind" | "value">): string {
	return JSON.stringify([rule.action, rule.field, rule.kind, rule.value]);
}
