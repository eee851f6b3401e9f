/**
 * @module Passkeys (WebAuthn credentials) and the ceremonies' challenges. A credential keeps its public
 * key (base64url COSE), signature counter and transports; a challenge is single-use and lives
 * `CHALLENGE_TTL_MS`, tied to its purpose and, for a registration, to the person registering.
 */

export const CHALLENGE_TTL_MS = 5 * 60 * 1000;

export function migratePasskeys(sql: SqlStorage): void {
	sql.exec(`CREATE TABLE IF NOT EXISTS passkeys (
		id TEXT PRIMARY KEY,
		staff_id TEXT NOT NULL,
		public_key TEXT NOT NULL,
		counter INTEGER NOT NULL,
		transports TEXT NOT NULL,
		name TEXT NOT NULL,
		created_at INTEGER NOT NULL,
		last_used_at INTEGER
	)`);
	sql.exec("CREATE INDEX IF NOT EXISTS passkeys_by_staff ON passkeys (staff_id)");
	sql.exec(`CREATE TABLE IF NOT EXISTS passkey_challenges (
		challenge TEXT PRIMARY KEY,
		purpose TEXT NOT NULL,
		staff_id TEXT,
		expires_at INTEGER NOT NULL
	)`);
	// Anyone may ask for sign-in options, and each save prunes the expired: a range walk, never a scan.
	sql.exec("CREATE INDEX IF NOT EXISTS passkey_challenges_by_expiry ON passkey_challenges (expires_at)");
}

export type ChallengePurpose = "register" | "authenticate";

export function saveChallenge(
	sql: SqlStorage,
	challenge: string,
	purpose: ChallengePurpose,
	staffId: string | null,
	nowMs: number,
): void {
	sql.exec("DELETE FROM passkey_challenges WHERE expires_at < ?", nowMs);
	sql.exec(
		"INSERT OR REPLACE INTO passkey_challenges (challenge, purpose, staff_id, expires_at) VALUES (?, ?, ?, ?)",
		challenge,
		purpose,
		staffId,
		nowMs + CHALLENGE_TTL_MS,
	);
}

/** Uses a challenge up; true only if it was issued for this purpose (and person) and is unexpired. */
export function takeChallenge(
	sql: SqlStorage,
	challenge: string,
	purpose: ChallengePurpose,
	staffId: string | null,
	nowMs: number,
): boolean {
	const row = sql
		.exec<{ purpose: string; staff_id: string | null; expires_at: number }>(
			"SELECT purpose, staff_id, expires_at FROM passkey_challenges WHERE challenge = ?",
			challenge,
		)
		.toArray()[0];
	if (!row) return false;
	sql.exec("DELETE FROM passkey_challenges WHERE challenge = ?", challenge);
	return row.purpose === purpose && row.staff_id === staffId && row.expires_at > nowMs;
}

export type StoredPasskey = {
	id: string;
	staffId: string;
	publicKey: string;
	counter: number;
	transports: string[];
	name: string;
	createdAt: string;
	lastUsedAt: string | null;
};

type PasskeyRow = {
	id: string;
	staff_id: string;
	public_key: string;
	counter: number;
	transports: string;
	name: string;
	created_at: number;
	last_used_at: number | null;
};

const COLUMNS = "id, staff_id, public_key, counter, transports, name, created_at, last_used_at";

function toPasskey(row: PasskeyRow): StoredPasskey {
	return {
		id: row.id,
		staffId: row.staff_id,
		publicKey: row.public_key,
		counter: row.counter,
		transports: JSON.parse(row.transports) as string[],
		name: row.name,
		createdAt: new Date(row.created_at).toISOString(),
		lastUsedAt: row.last_used_at === null ? null : new Date(row.last_used_at).toISOString(),
	};
}

export type NewPasskey = Pick<StoredPasskey, "id" | "staffId" | "publicKey" | "counter" | "transports" | "name">;

export function insertPasskey(sql: SqlStorage, passkey: NewPasskey, nowMs: number): void {
	sql.exec(
		`INSERT INTO passkeys (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, NULL)`,
		passkey.id,
		passkey.staffId,
		passkey.publicKey,
		passkey.counter,
		JSON.stringify(passkey.transports),
		passkey.name,
		nowMs,
	);
}

export function passkeyById(sql: SqlStorage, id: string): StoredPasskey | undefined {
	const row = sql.exec<PasskeyRow>(`SELECT ${COLUMNS} FROM passkeys WHERE id = ?`, id).toArray()[0];
	return row ? toPasskey(row) : undefined;
}

export function passkeysOf(sql: SqlStorage, staffId: string): StoredPasskey[] {
	return sql
		.exec<PasskeyRow>(`SELECT ${COLUMNS} FROM passkeys WHERE staff_id = ? ORDER BY created_at`, staffId)
		.toArray()
		.map(toPasskey);
}

export function recordPasskeyUse(sql: SqlStorage, id: string, counter: number, nowMs: number): void {
	sql.exec("UPDATE passkeys SET counter = ?, last_used_at = ? WHERE id = ?", counter, nowMs, id);
}

export function deletePasskey(sql: SqlStorage, id: string, staffId: string): boolean {
	return sql.exec("DELETE FROM passkeys WHERE id = ? AND staff_id = ?", id, staffId).rowsWritten > 0;
}
