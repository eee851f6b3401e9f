/**
 * @module One-time sign-in links: an admin issues one for a person; it is good once, for
 * `SIGN_IN_LINK_TTL_MS`. Only the SHA-256 of its secret is stored. A used link is kept until a day
 * after it would have expired, so a second try is told "already used" rather than "not valid".
 */
import { err, ok, type Result } from "../result";

export const SIGN_IN_LINK_TTL_MS = 30 * 60 * 1000;
const KEEP_AFTER_EXPIRY_MS = 24 * 60 * 60 * 1000;

export function migrateSignInLinks(sql: SqlStorage): void {
	sql.exec(`CREATE TABLE IF NOT EXISTS sign_in_links (
		secret_hash TEXT PRIMARY KEY,
		staff_id TEXT NOT NULL,
		created_at INTEGER NOT NULL,
		expires_at INTEGER NOT NULL,
		used_at INTEGER
	)`);
}

export type LinkRefusal = { code: "link.unknown" | "link.used" | "link.expired"; detail: string };

export function issueSignInLink(sql: SqlStorage, secretHash: string, staffId: string, nowMs: number): number {
	sql.exec("DELETE FROM sign_in_links WHERE expires_at < ?", nowMs - KEEP_AFTER_EXPIRY_MS);
	const expiresAt = nowMs + SIGN_IN_LINK_TTL_MS;
	sql.exec(
		"INSERT INTO sign_in_links (secret_hash, staff_id, created_at, expires_at) VALUES (?, ?, ?, ?)",
		secretHash,
		staffId,
		nowMs,
		expiresAt,
	);
	return expiresAt;
}

/** Whether the link could be used now, changing nothing (its confirm page asks this). */
export function checkSignInLink(sql: SqlStorage, secretHash: string, nowMs: number): Result<string, LinkRefusal> {
	const row = sql
		.exec<{ staff_id: string; expires_at: number; used_at: number | null }>(
			"SELECT staff_id, expires_at, used_at FROM sign_in_links WHERE secret_hash = ?",
			secretHash,
		)
		.toArray()[0];
	if (!row) return err({ code: "link.unknown", detail: "This sign-in link is not valid. Ask an admin for a new one." });
	if (row.used_at !== null) {
		return err({ code: "link.used", detail: "This sign-in link has already been used. Ask an admin for a new one." });
	}
	if (row.expires_at <= nowMs) {
		return err({ code: "link.expired", detail: "This sign-in link has expired. Ask an admin for a new one." });
	}
	return ok(row.staff_id);
}

/** Uses the link up: the person it was for, once. Synchronous SQL, so two confirms cannot both pass. */
export function consumeSignInLink(sql: SqlStorage, secretHash: string, nowMs: number): Result<string, LinkRefusal> {
	const checked = checkSignInLink(sql, secretHash, nowMs);
	if (checked.ok) sql.exec("UPDATE sign_in_links SET used_at = ? WHERE secret_hash = ?", nowMs, secretHash);
	return checked;
}
