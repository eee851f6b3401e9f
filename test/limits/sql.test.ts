// The strict SQLite handle's own tests, run inside a real Durable Object's storage.
import { runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { SQL_LIMITS } from "./rules";
import { strictSql } from "./sql";

/** Runs `body` against a strict handle on a scratch table in its own StoreWriter (not the suite's "main"). */
function withSql<T>(body: (sql: SqlStorage, storage: DurableObjectStorage) => T | Promise<T>): Promise<T> {
	const namespace = env.WRITER as unknown as DurableObjectNamespace;
	const stub = namespace.get(namespace.idFromName("limits-sql"));
	return runInDurableObject(stub, async (_instance, state) => {
		const sql = strictSql(state.storage.sql);
		sql.exec("CREATE TABLE IF NOT EXISTS limits_probe (id INTEGER PRIMARY KEY, a TEXT, b BLOB)");
		sql.exec("DELETE FROM limits_probe");
		return body(sql, state.storage);
	});
}

const count = (sql: SqlStorage) => sql.exec<{ n: number }>("SELECT count(*) AS n FROM limits_probe").one().n;

describe("strictSql: 2 MB per string, BLOB or row", () => {
	it("Should reject a 2,000,001-byte string and store nothing", async () => {
		await withSql((sql) => {
			const text = "x".repeat(SQL_LIMITS.maxValueBytes + 1);
			expect(() => sql.exec("INSERT INTO limits_probe (a) VALUES (?)", text)).toThrow(
				"string or blob too big: SQLITE_TOOBIG",
			);
			expect(count(sql)).toBe(0);
		});
	});

	it("Should count a string's UTF-8 bytes, not its characters", async () => {
		await withSql((sql) => {
			const text = "€".repeat(700_000); // 700,000 characters, 2,100,000 bytes
			expect(() => sql.exec("UPDATE limits_probe SET a = ? WHERE id = 1", text)).toThrow("SQLITE_TOOBIG");
		});
	});

	it("Should reject a BLOB over 2 MB, as an ArrayBuffer or a view", async () => {
		await withSql((sql) => {
			const bytes = new Uint8Array(SQL_LIMITS.maxValueBytes + 1);
			expect(() => sql.exec("INSERT INTO limits_probe (b) VALUES (?)", bytes.buffer)).toThrow("SQLITE_TOOBIG");
			expect(() => sql.exec("INSERT INTO limits_probe (b) VALUES (?)", bytes)).toThrow("SQLITE_TOOBIG");
		});
	});

	it("Should reject a row whose values together pass 2 MB", async () => {
		await withSql((sql) => {
			const half = "x".repeat(1_100_000);
			expect(() => sql.exec("INSERT INTO limits_probe (a, b) VALUES (?, ?)", half, half)).toThrow("SQLITE_TOOBIG");
			expect(count(sql)).toBe(0);
		});
	});

	it("Should store a normal row and a large one under the limit, and return a real cursor", async () => {
		await withSql((sql) => {
			const cursor = sql.exec("INSERT INTO limits_probe (id, a) VALUES (?, ?)", 1, "a normal row");
			expect(cursor).toBeInstanceOf(sql.Cursor);
			expect(cursor.rowsWritten).toBe(1);
			sql.exec("INSERT INTO limits_probe (id, a) VALUES (?, ?)", 2, "x".repeat(1_999_000));
			const rows = sql.exec<{ id: number; a: string }>("SELECT id, a FROM limits_probe ORDER BY id").toArray();
			expect(rows.map((r) => [r.id, r.a.length])).toEqual([
				[1, 12],
				[2, 1_999_000],
			]);
			expect(sql.databaseSize).toBeGreaterThan(0);
		});
	});

	it("Should check statements run inside transactionSync on the same storage", async () => {
		await withSql((sql, storage) => {
			expect(() =>
				storage.transactionSync(() => sql.exec("INSERT INTO limits_probe (a) VALUES (?)", "x".repeat(2_000_001))),
			).toThrow("SQLITE_TOOBIG");
			storage.transactionSync(() => sql.exec("INSERT INTO limits_probe (a) VALUES (?)", "fine"));
			expect(count(sql)).toBe(1);
		});
	});
});

describe("strictSql: statement length and bound parameters", () => {
	it("Should reject a statement over 100 KB", async () => {
		await withSql((sql) => {
			const literal = "x".repeat(SQL_LIMITS.maxStatementBytes);
			expect(() => sql.exec(`INSERT INTO limits_probe (a) VALUES ('${literal}')`)).toThrow(
				"statement too long: SQLITE_TOOBIG",
			);
		});
	});

	it("Should reject 101 bound parameters and accept 100", async () => {
		await withSql((sql) => {
			const ids = (n: number) => Array.from({ length: n }, (_, i) => i);
			const query = (n: number) =>
				`SELECT count(*) AS n FROM limits_probe WHERE id IN (${ids(n)
					.map(() => "?")
					.join(",")})`;
			expect(() => sql.exec(query(101), ...ids(101))).toThrow("too many SQL variables: SQLITE_ERROR");
			expect(sql.exec<{ n: number }>(query(100), ...ids(100)).one().n).toBe(0);
		});
	});
});
