/** @module The source list with each source's health in KV (`v1:sources`), written only by the StoreWriter. */
import { SourcesRecord } from "../schemas/source";
import { keys } from "./keys";
import { type KvRead, readRecord } from "./read";

/** One KV read. No record yet is an empty list. */
export async function readSources(kv: KVNamespace): Promise<Exclude<KvRead<SourcesRecord>, { reason: "missing" }>> {
	const read = await readRecord(kv, keys.sources, SourcesRecord);
	if (read.ok) return read;
	if (read.reason === "missing") return { ok: true, value: { updatedAt: null, sources: [] } };
	return read;
}
