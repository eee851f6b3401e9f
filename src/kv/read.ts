/** @module Reading JSON records back from KV, validated, never cast. */
import * as v from "valibot";
import { err, type Result } from "../result";
import { describeIssue } from "../schemas/issues";

/** Why a KV read gave no value: absent, or present but failing its schema. */
export type KvReadError = { code: "kv.missing" } | { code: "kv.corrupt"; detail: string };

export type KvRead<T> = Result<T, KvReadError>;

export const KV_MISSING = { ok: false, error: { code: "kv.missing" } } as const satisfies KvRead<never>;

/**
 * Reads `key` and validates it against `schema`. A value that fails is reported as corrupt
 * (and logged) so the caller can answer with a clear 500 for that record alone.
 */
export async function readRecord<S extends v.GenericSchema>(
	kv: KVNamespace,
	key: string,
	schema: S,
): Promise<KvRead<v.InferOutput<S>>> {
	const raw = await kv.get(key, "text");
	if (raw === null) return KV_MISSING;
	return parseRecord(key, raw, schema);
}

/** Parses and validates the stored text of `key`; no I/O. */
export function parseRecord<S extends v.GenericSchema>(key: string, raw: string, schema: S): KvRead<v.InferOutput<S>> {
	let json: unknown;
	try {
		json = JSON.parse(raw);
	} catch {
		return corrupt(key, "not JSON");
	}
	const parsed = v.safeParse(schema, json);
	if (!parsed.success) return corrupt(key, describeIssue(parsed.issues));
	return { ok: true, value: parsed.output };
}

/**
 * The entries of a stored list that pass `schema`; each one that fails is logged and left out, so
 * one bad entry costs only itself (the list's own shape is the caller's `parseRecord`).
 */
export function parseEntries<S extends v.GenericSchema>(
	key: string,
	entries: readonly unknown[],
	schema: S,
): v.InferOutput<S>[] {
	const valid: v.InferOutput<S>[] = [];
	for (const [entry, value] of entries.entries()) {
		const parsed = v.safeParse(schema, value);
		if (parsed.success) valid.push(parsed.output);
		else {
			const slug = (value as { slug?: unknown } | null)?.slug;
			logCorrupt(key, describeIssue(parsed.issues), { entry, ...(typeof slug === "string" ? { slug } : {}) });
		}
	}
	return valid;
}

function logCorrupt(key: string, detail: string, at: Record<string, unknown> = {}): void {
	console.error(JSON.stringify({ event: "kv.corrupt", key, ...at, detail }));
}

function corrupt(key: string, detail: string): KvRead<never> {
	logCorrupt(key, detail);
	return err({ code: "kv.corrupt", detail });
}
