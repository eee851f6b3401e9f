/**
 * @module The production limits the strict bindings enforce, and the errors production gives
 * when one is crossed (worded as workerd reports them), in one table.
 */

/** Workers KV, binding API (developers.cloudflare.com/kv/platform/limits/). */
export const KV_LIMITS = {
	/** "Writes to same key: 1 per second", on every plan; puts and deletes both count. */
	writeIntervalMs: 1000,
	/** "Key size: 512 bytes", counted as UTF-8. */
	maxKeyBytes: 512,
	/** "Value size: 25 MiB". */
	maxValueBytes: 25 * 1024 * 1024,
	/** Expirations and TTLs "must be at least 60 seconds in the future" (kv/api/write-key-value-pairs/). */
	minExpirationSeconds: 60,
} as const;

/** Durable Object SQLite storage (developers.cloudflare.com/durable-objects/platform/limits/). */
export const SQL_LIMITS = {
	/** "Maximum string, BLOB or table row size: 2 MB". */
	maxValueBytes: 2_000_000,
	/** "Maximum SQL statement length: 100 KB". */
	maxStatementBytes: 100_000,
	/** "Maximum bound parameters per query: 100". */
	maxBoundParameters: 100,
} as const;

export type KvOperation = "GET" | "PUT" | "DELETE" | "LIST";

const encoder = new TextEncoder();

export function utf8Bytes(text: string): number {
	return encoder.encode(text).byteLength;
}

/** workerd turns a KV HTTP failure into `KV <OP> failed: <status> <message>`. */
export function kvError(op: KvOperation, status: string, message?: string): Error {
	return new Error(`KV ${op} failed: ${status}${message ? ` ${message}` : ""}`);
}

export const kvErrors = {
	tooManyRequests: (op: KvOperation) => kvError(op, "429 Too Many Requests"),
	keyTooLong: (op: KvOperation, bytes: number) =>
		kvError(op, "414", `UTF-8 encoded length of ${bytes} exceeds key length limit of ${KV_LIMITS.maxKeyBytes}.`),
	valueTooLarge: (bytes: number) =>
		kvError("PUT", "413", `Value length of ${bytes} exceeds limit of ${KV_LIMITS.maxValueBytes}.`),
	expirationTooSoon: (expiration: number) =>
		kvError(
			"PUT",
			"400",
			`Invalid expiration of ${expiration}. Expiration times must be at least ${KV_LIMITS.minExpirationSeconds} seconds in the future.`,
		),
	ttlTooShort: (ttl: number) =>
		kvError(
			"PUT",
			"400",
			`Invalid expiration_ttl of ${ttl}. Expiration TTL must be at least ${KV_LIMITS.minExpirationSeconds}.`,
		),
};

/** SQLite's own wording, which the Durable Object's `exec` throws as is. */
export const sqlErrors = {
	tooBig: () => new Error("string or blob too big: SQLITE_TOOBIG"),
	statementTooLong: () => new Error("statement too long: SQLITE_TOOBIG"),
	tooManyParameters: () => new Error("too many SQL variables: SQLITE_ERROR"),
};
