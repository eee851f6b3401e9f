/**
 * @module The audit log: one small row per change (who, by which credential, what, when, the answer's
 * status). The newest `AUDIT_KEEP` rows are kept, so the table's size is bounded.
 */
import type { Actor, Role } from "../auth/actor";
import type { AuditEntry, AuditPage } from "../schemas/staff";

export const AUDIT_KEEP = 100_000;
/** A handler's note on what it did, cut to this length so rows stay small. */
export const AUDIT_DETAIL_MAX = 300;

export function migrateAuditLog(sql: SqlStorage): void {
	// AUTOINCREMENT: ids only grow, so they order the log and page it, even across pruning.
	sql.exec(`CREATE TABLE IF NOT EXISTS audit_log (
		id INTEGER PRIMARY KEY AUTOINCREMENT,
		at TEXT NOT NULL,
		staff_id TEXT,
		actor_name TEXT NOT NULL,
		role TEXT NOT NULL,
		via_kind TEXT NOT NULL,
		via_id TEXT,
		method TEXT NOT NULL,
		path TEXT NOT NULL,
		status INTEGER NOT NULL,
		detail TEXT
	)`);
}

export type AuditRecord = { at: string; actor: Actor; method: string; path: string; status: number; detail?: string };

export function appendAudit(sql: SqlStorage, record: AuditRecord): void {
	const { actor } = record;
	const cursor = sql.exec(
		`INSERT INTO audit_log (at, staff_id, actor_name, role, via_kind, via_id, method, path, status, detail)
		 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
		record.at,
		actor.staffId,
		actor.name.slice(0, 120),
		actor.role,
		actor.via.kind,
		"id" in actor.via ? actor.via.id : null,
		record.method,
		record.path.slice(0, 500),
		record.status,
		record.detail === undefined ? null : record.detail.slice(0, AUDIT_DETAIL_MAX),
	);
	const id = cursor.one().id as number;
	// A range delete on the primary key: nothing to do until the log passes AUDIT_KEEP.
	if (id > AUDIT_KEEP) sql.exec("DELETE FROM audit_log WHERE id <= ?", id - AUDIT_KEEP);
}

type AuditRow = {
	id: number;
	at: string;
	staff_id: string | null;
	actor_name: string;
	role: string;
	via_kind: string;
	via_id: string | null;
	method: string;
	path: string;
	status: number;
	detail: string | null;
};

function toEntry(row: AuditRow): AuditEntry {
	return {
		id: row.id,
		at: row.at,
		actor: { staffId: row.staff_id, name: row.actor_name, role: row.role as Role },
		via: {
			kind: row.via_kind as AuditEntry["via"]["kind"],
			...(row.via_id === null ? {} : { id: row.via_id }),
		},
		method: row.method,
		path: row.path,
		status: row.status,
		...(row.detail === null ? {} : { detail: row.detail }),
	};
}

/** Newest first; `before` is the `next` of the page before. */
export function listAudit(sql: SqlStorage, limit: number, before: number | undefined): AuditPage {
	const rows = sql
		.exec<AuditRow>(
			"SELECT * FROM audit_log WHERE id < ? ORDER BY id DESC LIMIT ?",
			before ?? Number.MAX_SAFE_INTEGER,
			limit + 1,
		)
		.toArray();
	const entries = rows.slice(0, limit).map(toEntry);
	const last = entries.at(-1);
	return rows.length > limit && last ? { entries, next: String(last.id) } : { entries };
}
