/** @module The source list with each source's health in KV (`v1:sources`), written only by the StoreWriter. */
import { err, ok, type Result } from "../result";
import { SourcesRecord } from "../schemas/source";
import { keys } from "./keys";
import { readRecord } from "./read";

/** One KV read. No record yet is an empty list. */
export async function readSources(
	kv: KVNamespace,
): Promise<Result<SourcesRecord, { code: "kv.corrupt"; detail: string }>> {
	const read = await readRecord(kv, keys.sources, SourcesRecord);
	if (read.ok) return read;
	const { error } = read;
	if (error.code === "kv.missing") return ok({ updatedAt: null, sources: [] });
	return err(error);
}
