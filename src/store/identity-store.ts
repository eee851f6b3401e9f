/**
 * @module Everything the StoreWriter does for the newsroom's identity (issue 12), in one namespace so
 * writer.ts stays a list of thin RPC methods. None of it touches KV: each call is synchronous SQL,
 * so it is atomic on its own and never waits behind the write queue.
 */
export { insertToken, listTokensOf, revokeToken, tokenHolder } from "./api-tokens";
export { appendAudit, listAudit } from "./audit-log";
export { deleteStaffAccount, migrateIdentityTables } from "./identity-tables";
export {
	deletePasskey,
	insertPasskey,
	passkeyById,
	passkeysOf,
	recordPasskeyUse,
	saveChallenge,
	takeChallenge,
} from "./passkeys";
export { endSession, endSessionsOf, liveSession, startSession } from "./sessions-table";
export { checkSignInLink, consumeSignInLink, issueSignInLink } from "./sign-in-links";
export { insertStaff, listStaff, staffByEmail, staffById, updateStaff } from "./staff-table";
