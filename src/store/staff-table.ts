/**
 * @module Staff accounts in the StoreWriter's SQLite: email (unique whatever its case), display name,
 * role, and whether the person may still sign in. The owner's `ADMIN_TOKEN` has no row here.
 */
import type { Role } from "../auth/actor";
import { err, ok, type Result } from "../result";
import type { Staff, StaffInput, StaffPatch } from "../schemas/staff";

export function migrateStaffTable(sql: SqlStorage): void {
	sql.exec(`CREATE TABLE IF NOT EXISTS staff (
		id TEXT PRIMARY KEY,
		email TEXT NOT NULL UNIQUE COLLATE NOCASE,
		name TEXT NOT NULL,
		role TEXT NOT NULL,
		disabled INTEGER NOT NULL DEFAULT 0,
		created_at TEXT NOT NULL,
		updated_at TEXT NOT NULL
	)`);
}

type StaffRow = {
	id: string;
	email: string;
	name: string;
	role: string;
	disabled: number;
	created_at: string;
	updated_at: string;
};

const COLUMNS = "id, email, name, role, disabled, created_at, updated_at";

function toStaff(row: StaffRow): Staff {
	return {
		id: row.id,
		email: row.email,
		name: row.name,
		role: row.role as Role,
		disabled: row.disabled !== 0,
		createdAt: row.created_at,
		updatedAt: row.updated_at,
	};
}

export type StaffDuplicate = { code: "staff.duplicate"; detail: string };
export type StaffMissing = { code: "staff.missing"; detail: string };
export type LastAdmin = { code: "staff.last_admin"; detail: string };

export function insertStaff(sql: SqlStorage, id: string, input: StaffInput, now: Date): Result<Staff, StaffDuplicate> {
	if (staffByEmail(sql, input.email)) {
		return err({ code: "staff.duplicate", detail: `a staff account with the email ${input.email} already exists` });
	}
	const at = now.toISOString();
	sql.exec(
		`INSERT INTO staff (${COLUMNS}) VALUES (?, ?, ?, ?, 0, ?, ?)`,
		id,
		input.email.toLowerCase(),
		input.name,
		input.role,
		at,
		at,
	);
	return ok(staffById(sql, id) as Staff);
}

export function staffById(sql: SqlStorage, id: string): Staff | undefined {
	const row = sql.exec<StaffRow>(`SELECT ${COLUMNS} FROM staff WHERE id = ?`, id).toArray()[0];
	return row ? toStaff(row) : undefined;
}

export function staffByEmail(sql: SqlStorage, email: string): Staff | undefined {
	const row = sql.exec<StaffRow>(`SELECT ${COLUMNS} FROM staff WHERE email = ?`, email).toArray()[0];
	return row ? toStaff(row) : undefined;
}

/** Everyone, by name; a newsroom has tens of people, not thousands. */
export function listStaff(sql: SqlStorage): Staff[] {
	return sql.exec<StaffRow>(`SELECT ${COLUMNS} FROM staff ORDER BY name COLLATE NOCASE, id`).toArray().map(toStaff);
}

function activeAdmins(sql: SqlStorage): number {
	const row = sql.exec<{ n: number }>("SELECT count(*) AS n FROM staff WHERE role = 'admin' AND disabled = 0").one();
	return row.n;
}

/**
 * Applies `patch`; refuses to demote or disable the last active admin, so the newsroom always has
 * someone who can manage it without reaching for the owner's break-glass token.
 */
export function updateStaff(
	sql: SqlStorage,
	id: string,
	patch: StaffPatch,
	now: Date,
): Result<Staff, StaffMissing | LastAdmin> {
	const current = staffById(sql, id);
	if (!current) return err({ code: "staff.missing", detail: `no staff account ${id}` });
	const next = { ...current, ...patch };
	const losesAdmin = current.role === "admin" && !current.disabled && (next.role !== "admin" || next.disabled);
	if (losesAdmin && activeAdmins(sql) <= 1) {
		return err({ code: "staff.last_admin", detail: `${current.name} is the last active admin` });
	}
	sql.exec(
		"UPDATE staff SET name = ?, role = ?, disabled = ?, updated_at = ? WHERE id = ?",
		next.name,
		next.role,
		next.disabled ? 1 : 0,
		now.toISOString(),
		id,
	);
	return ok(staffById(sql, id) as Staff);
}

/** Deletes the account row; refuses the last active admin, as updateStaff does. */
export function deleteStaffRow(sql: SqlStorage, id: string): Result<Staff, StaffMissing | LastAdmin> {
	const current = staffById(sql, id);
	if (!current) return err({ code: "staff.missing", detail: `no staff account ${id}` });
	if (current.role === "admin" && !current.disabled && activeAdmins(sql) <= 1) {
		return err({ code: "staff.last_admin", detail: `${current.name} is the last active admin` });
	}
	sql.exec("DELETE FROM staff WHERE id = ?", id);
	return ok(current);
}
