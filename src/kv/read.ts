/** @module Reading JSON records back from KV, validated, never cast. */
import * as v from "valibot";

export type KvRead<T> =
	| { ok: true; value: T }
	| { ok: false; reason: "missing" }
	| { ok: false; reason: "corrupt"; detail: string };

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
	if (raw === null) return { ok: false, reason: "missing" };
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
	if (!parsed.success) {
		const first = parsed.issues[0];
		return corrupt(key, `${v.getDotPath(first) ?? "(root)"}: ${first.message}`);
	}
	return { ok: true, value: parsed.output };
}

function corrupt(key: string, detail: string): { ok: false; reason: "corrupt"; detail: string } {
	console.error(JSON.stringify({ event: "kv.corrupt", key, detail }));
	return { ok: false, reason: "corrupt", detail };
}
