/** @module The newsroom's identity tables (issue 12), created together when the StoreWriter starts. */
import { migrateApiTokens } from "./api-tokens";
import { migrateAuditLog } from "./audit-log";
import { migratePasskeys } from "./passkeys";
import { migrateSessionsTable } from "./sessions-table";
import { migrateSignInLinks } from "./sign-in-links";
import { migrateStaffTable } from "./staff-table";

export function migrateIdentityTables(sql: SqlStorage): void {
	migrateStaffTable(sql);
	migrateSessionsTable(sql);
	migrateSignInLinks(sql);
	migrateApiTokens(sql);
	migratePasskeys(sql);
	migrateAuditLog(sql);
}
