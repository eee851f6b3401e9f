/**
 * @module strictSql: a Durable Object's `ctx.storage.sql` that rejects a string, BLOB or row over
 * 2 MB as production does (local workerd stores them). Statements over 100 KB and more than 100
 * bound parameters, which local workerd already refuses, are checked here too, so every SQLite
 * limit fails the same way with or without the harness.
 */
import { recordRejection } from "./rejections";
import { SQL_LIMITS, sqlErrors, utf8Bytes } from "./rules";

const strictHandles = new WeakSet<object>();

/** Statements that write a row; their bound values together approximate the row's size. */
const WRITES_A_ROW = /^\s*(?:INSERT|REPLACE|UPDATE)\b/i;

/** Bytes SQLite stores for one bound value: UTF-8 for text, the length for a BLOB, 8 for a number. */
function boundBytes(value: unknown): number {
	if (typeof value === "string") return value.length > SQL_LIMITS.maxValueBytes ? value.length : utf8Bytes(value);
	if (value instanceof ArrayBuffer || ArrayBuffer.isView(value)) return value.byteLength;
	return value === null || value === undefined ? 0 : 8;
}

function refuse(rule: string, query: string, detail: string, error: Error): Error {
	recordRejection({ rule, op: query.trim().slice(0, 60), detail });
	return error;
}

export function checkStatement(query: string, bindings: readonly unknown[]): void {
	const length = utf8Bytes(query);
	if (length > SQL_LIMITS.maxStatementBytes)
		throw refuse("sql.statement_length", query, `${length} bytes`, sqlErrors.statementTooLong());
	if (bindings.length > SQL_LIMITS.maxBoundParameters)
		throw refuse("sql.parameters", query, `${bindings.length} bound`, sqlErrors.tooManyParameters());
	let row = 0;
	for (const [i, value] of bindings.entries()) {
		const bytes = boundBytes(value);
		if (bytes > SQL_LIMITS.maxValueBytes)
			throw refuse("sql.value_size", query, `parameter ${i + 1}: ${bytes} bytes`, sqlErrors.tooBig());
		row += bytes;
	}
	if (WRITES_A_ROW.test(query) && row > SQL_LIMITS.maxValueBytes)
		throw refuse("sql.row_size", query, `row of ${row} bytes`, sqlErrors.tooBig());
}

export function isStrictSql(sql: SqlStorage): boolean {
	return strictHandles.has(sql);
}

export function strictSql(sql: SqlStorage): SqlStorage {
	if (isStrictSql(sql)) return sql;
	const exec = (query: string, ...bindings: unknown[]) => {
		checkStatement(query, bindings);
		return sql.exec(query, ...bindings);
	};
	const strict = new Proxy(sql, {
		get(target, prop) {
			if (prop === "exec") return exec;
			// The receiver is the real handle, so getters such as `databaseSize` run on it.
			const value = Reflect.get(target, prop, target);
			return typeof value === "function" && prop !== "Cursor" && prop !== "Statement" ? value.bind(target) : value;
		},
	});
	strictHandles.add(strict);
	return strict;
}
