/**
 * @module Personal API tokens: each belongs to one person, carries a role no higher than theirs, and is
 * stored only as the SHA-256 of its secret. A token acts with the lower of its own role and its
 * person's current one, so demoting someone demotes their tokens too.
 */
import { hasRole, type Role } from "../auth/actor";
import type { Staff, TokenSummary } from "../schemas/staff";
import { staffById } from "./staff-table";

const TOUCH_EVERY_MS = 60 * 1000;

export function migrateApiTokens(sql: SqlStorage): void {
	sql.exec(`CREATE TABLE IF NOT EXISTS api_tokens (
		id TEXT PRIMARY KEY,
		secret_hash TEXT NOT NULL UNIQUE,
		staff_id TEXT NOT NULL,
		name TEXT NOT NULL,
		role TEXT NOT NULL,
		created_at INTEGER NOT NULL,
		last_used_at INTEGER
	)`);
	sql.exec("CREATE INDEX IF NOT EXISTS api_tokens_by_staff ON api_tokens (staff_id)");
}

export type NewToken = { id: string; secretHash: string; staffId: string; name: string; role: Role };

/** How many tokens one person may hold at once: plenty for scripts, and a bound on the table and the list. */
export const MAX_TOKENS_PER_PERSON = 50;

/** Stores `token`; false (nothing stored) when its person already holds MAX_TOKENS_PER_PERSON. */
export function insertToken(sql: SqlStorage, token: NewToken, nowMs: number): boolean {
	const held = sql
		.exec<{ n: number }>("SELECT COUNT(*) AS n FROM api_tokens WHERE staff_id = ?", token.staffId)
		.one().n;
	if (held >= MAX_TOKENS_PER_PERSON) return false;
	sql.exec(
		"INSERT INTO api_tokens (id, secret_hash, staff_id, name, role, created_at) VALUES (?, ?, ?, ?, ?, ?)",
		token.id,
		token.secretHash,
		token.staffId,
		token.name,
		token.role,
		nowMs,
	);
	return true;
}

type TokenRow = { id: string; name: string; role: string; created_at: number; last_used_at: number | null };

function toSummary(row: TokenRow): TokenSummary {
	return {
		id: row.id,
		name: row.name,
		role: row.role as Role,
		createdAt: new Date(row.created_at).toISOString(),
		lastUsedAt: row.last_used_at === null ? null : new Date(row.last_used_at).toISOString(),
	};
}

export function listTokensOf(sql: SqlStorage, staffId: string): TokenSummary[] {
	return sql
		.exec<TokenRow>(
			"SELECT id, name, role, created_at, last_used_at FROM api_tokens WHERE staff_id = ? ORDER BY created_at DESC, id",
			staffId,
		)
		.toArray()
		.map(toSummary);
}

/** Revokes token `id`: a person's own, or anyone's when `ownerId` is null (an admin). */
export function revokeToken(sql: SqlStorage, id: string, ownerId: string | null): boolean {
	const cursor =
		ownerId === null
			? sql.exec("DELETE FROM api_tokens WHERE id = ?", id)
			: sql.exec("DELETE FROM api_tokens WHERE id = ? AND staff_id = ?", id, ownerId);
	return cursor.rowsWritten > 0;
}

export type TokenHolder = { tokenId: string; staff: Staff; role: Role };

/** Who a presented token acts for, and with which role; undefined when revoked, unknown or its person is disabled. */
export function tokenHolder(sql: SqlStorage, secretHash: string, nowMs: number): TokenHolder | undefined {
	const row = sql
		.exec<{ id: string; staff_id: string; role: string; last_used_at: number | null }>(
			"SELECT id, staff_id, role, last_used_at FROM api_tokens WHERE secret_hash = ?",
			secretHash,
		)
		.toArray()[0];
	if (!row) return undefined;
	const staff = staffById(sql, row.staff_id);
	if (!staff || staff.disabled) return undefined;
	if (row.last_used_at === null || nowMs - row.last_used_at >= TOUCH_EVERY_MS) {
		sql.exec("UPDATE api_tokens SET last_used_at = ? WHERE id = ?", nowMs, row.id);
	}
	const tokenRole = row.role as Role;
	return { tokenId: row.id, staff, role: hasRole(staff.role, tokenRole) ? tokenRole : staff.role };
}
