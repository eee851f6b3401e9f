/** @module The list records in KV (src/store/list-chunks.ts): a list's directory and one chunk. */
import * as v from "valibot";

/** A chunk's name: `first` (the bottom of the list) or `<published ms>.<slug>`, its lower bound. */
export const ChunkBound = v.pipe(
	v.string(),
	v.regex(/^(first|-?\d{1,16}\.[a-z0-9]+(-[a-z0-9]+)*)$/, "must be a chunk bound"),
);

/** The chunks' bounds, newest first; the last is always `first`. */
export const ListDirectoryRecord = v.object({ chunks: v.array(ChunkBound) });
export type ListDirectoryRecord = v.InferOutput<typeof ListDirectoryRecord>;

/** A chunk's headlines, newest first, and the next older ones (entries are checked one by one on read). */
export const ListChunkRecord = v.object({
	lo: ChunkBound,
	headlines: v.array(v.unknown()),
	tail: v.array(v.unknown()),
});
export type ListChunkRecord = { lo: string; headlines: unknown[]; tail: unknown[] };
