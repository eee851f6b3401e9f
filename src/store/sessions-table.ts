/**
 * @module Browser sessions, stored server-side so they can be ended: keyed by the SHA-256 of the cookie's
 * secret, each with a public id (what the audit log names), its person, and when it was last seen.
 * A session ends after `SESSION_IDLE_MS` without a request; `last_seen` is written at most once a
 * minute, so an ordinary request is a read.
 */
import type { Staff } from "../schemas/staff";
import { staffById } from "./staff-table";

/** Twelve hours without a request ends a session. */
export const SESSION_IDLE_MS = 12 * 60 * 60 * 1000;
/** How stale `last_seen` may get before a request refreshes it. */
const TOUCH_EVERY_MS = 60 * 1000;

export function migrateSessionsTable(sql: SqlStorage): void {
	sql.exec(`CREATE TABLE IF NOT EXISTS sessions (
		secret_hash TEXT PRIMARY KEY,
		id TEXT NOT NULL UNIQUE,
		staff_id TEXT NOT NULL,
		created_at INTEGER NOT NULL,
		last_seen INTEGER NOT NULL,
		user_agent TEXT NOT NULL
	)`);
	sql.exec("CREATE INDEX IF NOT EXISTS sessions_by_staff ON sessions (staff_id)");
	sql.exec("CREATE INDEX IF NOT EXISTS sessions_by_last_seen ON sessions (last_seen)");
}

export type NewSession = { secretHash: string; id: string; staffId: string; userAgent: string };

export function startSession(sql: SqlStorage, session: NewSession, nowMs: number): void {
	// Expired sessions go as new ones start: the table holds about as many rows as there are live sessions.
	sql.exec("DELETE FROM sessions WHERE last_seen < ?", nowMs - SESSION_IDLE_MS);
	sql.exec(
		"INSERT INTO sessions (secret_hash, id, staff_id, created_at, last_seen, user_agent) VALUES (?, ?, ?, ?, ?, ?)",
		session.secretHash,
		session.id,
		session.staffId,
		nowMs,
		nowMs,
		session.userAgent.slice(0, 120),
	);
}

export type LiveSession = { id: string; staff: Staff };

/** The live session behind `secretHash`, its idle clock restarted; undefined when unknown, idle too long, or its person is disabled. */
export function liveSession(sql: SqlStorage, secretHash: string, nowMs: number): LiveSession | undefined {
	const row = sql
		.exec<{ id: string; staff_id: string; last_seen: number }>(
			"SELECT id, staff_id, last_seen FROM sessions WHERE secret_hash = ?",
			secretHash,
		)
		.toArray()[0];
	if (!row) return undefined;
	if (row.last_seen < nowMs - SESSION_IDLE_MS) {
		sql.exec("DELETE FROM sessions WHERE secret_hash = ?", secretHash);
		return undefined;
	}
	const staff = staffById(sql, row.staff_id);
	if (!staff || staff.disabled) return undefined;
	if (nowMs - row.last_seen >= TOUCH_EVERY_MS) {
		sql.exec("UPDATE sessions SET last_seen = ? WHERE secret_hash = ?", nowMs, secretHash);
	}
	return { id: row.id, staff };
}

export function endSession(sql: SqlStorage, secretHash: string): boolean {
	return sql.exec("DELETE FROM sessions WHERE secret_hash = ?", secretHash).rowsWritten > 0;
}

/** Ends every session of one person; how many there were. */
export function endSessionsOf(sql: SqlStorage, staffId: string): number {
	return sql.exec("DELETE FROM sessions WHERE staff_id = ?", staffId).rowsWritten;
}
