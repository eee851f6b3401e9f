/**
 * @module The newsroom's identity tables (issue 12), created together when the StoreWriter starts, and a
 * person's removal, which reaches all of them.
 */

import type { Result } from "../result";
import type { Staff } from "../schemas/staff";
import { migrateApiTokens } from "./api-tokens";
import { migrateAuditLog } from "./audit-log";
import { migratePasskeys } from "./passkeys";
import { migrateSessionsTable } from "./sessions-table";
import { migrateSignInLinks } from "./sign-in-links";
import { deleteStaffRow, type LastAdmin, migrateStaffTable, type StaffMissing } from "./staff-table";

export function migrateIdentityTables(sql: SqlStorage): void {
	migrateStaffTable(sql);
	migrateSessionsTable(sql);
	migrateSignInLinks(sql);
	migrateApiTokens(sql);
	migratePasskeys(sql);
	migrateAuditLog(sql);
}

/** Every table holding a credential that signs in as a person, by its `staff_id` column. */
const CREDENTIAL_TABLES = ["sessions", "sign_in_links", "passkeys", "passkey_challenges", "api_tokens"] as const;

/**
 * Deletes a person's account and every credential that signs in as them, in one synchronous step. The
 * audit log keeps their entries under the name it recorded; articles they own keep the id, and
 * editors edit them as before.
 */
export function deleteStaffAccount(sql: SqlStorage, id: string): Result<Staff, StaffMissing | LastAdmin> {
	const removed = deleteStaffRow(sql, id);
	if (!removed.ok) return removed;
	for (const table of CREDENTIAL_TABLES) sql.exec(`DELETE FROM ${table} WHERE staff_id = ?`, id);
	return removed;
}
