// The repair queue on a real Durable Object's SQLite: the move from the bare slug list, backoff per
// slug, which are due, and what /healthz is told.
import { runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import {
	clearRepair,
	FIRST_RETRY_MS,
	markForRepair,
	migrateRepairQueue,
	nextRepairDue,
	pendingRepairs,
	recordRepairFailure,
	repairStatus,
	retryDelayMs,
} from "./repair-queue";

function withSql<T>(name: string, body: (sql: SqlStorage) => T): Promise<T> {
	const namespace = env.WRITER as unknown as DurableObjectNamespace;
	return runInDurableObject(namespace.get(namespace.idFromName(name)), (_instance, state) => body(state.storage.sql));
}

const T0 = Date.parse("2026-11-25T10:00:00.000Z");

describe("migrateRepairQueue", () => {
	it("Should keep the slugs of the bare list from before, queued as of the migration, and run once", async () => {
		await withSql("repair-migrate", (sql) => {
			sql.exec("DROP TABLE kv_repair");
			sql.exec("DELETE FROM meta WHERE k = 'kv_repair_schema'");
			sql.exec("CREATE TABLE kv_repair (slug TEXT PRIMARY KEY)");
			sql.exec("INSERT INTO kv_repair (slug) VALUES ('left-behind')");
			const before = Date.now();
			migrateRepairQueue(sql);
			migrateRepairQueue(sql);
			expect(pendingRepairs(sql)).toEqual(["left-behind"]);
			expect(pendingRepairs(sql, before)).toEqual(["left-behind"]);
			expect(repairStatus(sql).oldestSince).toBeGreaterThanOrEqual(before);
		});
	});
});

describe("the repair queue", () => {
	it("Should back each slug off on its own, doubling up to 15 minutes", async () => {
		expect([1, 2, 3, 6, 20].map(retryDelayMs)).toEqual([30_000, 60_000, 120_000, 900_000, 900_000]);
		await withSql("repair-backoff", (sql) => {
			markForRepair(sql, "a", T0, "Error: first");
			markForRepair(sql, "b", T0 + 1_000, "Error: second");
			expect(pendingRepairs(sql, T0)).toEqual([]);
			expect(pendingRepairs(sql, T0 + FIRST_RETRY_MS)).toEqual(["a"]);
			expect(recordRepairFailure(sql, "a", T0 + FIRST_RETRY_MS, "Error: again")).toBe(1);
			expect(recordRepairFailure(sql, "a", T0 + FIRST_RETRY_MS, "Error: again")).toBe(2);
			expect(nextRepairDue(sql)).toBe(T0 + 1_000 + FIRST_RETRY_MS);
			expect(pendingRepairs(sql, T0 + 2 * FIRST_RETRY_MS)).toEqual(["b"]);
			expect(pendingRepairs(sql)).toEqual(["a", "b"]);
		});
	});

	it("Should keep a slug's first queue time when it is queued again, and report the oldest and the latest error", async () => {
		await withSql("repair-status", (sql) => {
			expect(repairStatus(sql)).toEqual({ pending: 0, oldestSince: null, attempts: 0, lastError: null });
			expect(nextRepairDue(sql)).toBeUndefined();
			markForRepair(sql, "a", T0, "Error: one");
			recordRepairFailure(sql, "a", T0 + 5_000, "Error: two");
			markForRepair(sql, "a", T0 + 9_000, "Error: three");
			markForRepair(sql, "b", T0 + 10_000, "Error: four");
			expect(repairStatus(sql)).toEqual({ pending: 2, oldestSince: T0, attempts: 1, lastError: "Error: four" });
			clearRepair(sql, "a");
			clearRepair(sql, "b");
			expect(repairStatus(sql).pending).toBe(0);
		});
	});
});
