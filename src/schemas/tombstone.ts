/** @module Tombstones as the admin API shows them (`GET /api/tombstones`), and the id a lift names. */
import * as v from "valibot";
import { IsoDateTime, Slug } from "./common";

export const Tombstone = v.object({
	id: v.pipe(v.number(), v.integer(), v.minValue(1)),
	/** The source the item came from; null for an article stored before items were keyed per source, whose source is unknown. */
	sourceId: v.nullable(Slug),
	/** The item's key within its source: its guid/id, else its link. */
	itemKey: v.string(),
	/** The slug the article had (it is never given to another story). */
	slug: Slug,
	title: v.string(),
	/** The item's link upstream, when it had one. */
	link: v.nullable(v.string()),
	deletedAt: IsoDateTime,
});
export type Tombstone = v.InferOutput<typeof Tombstone>;

export const TombstoneList = v.object({ tombstones: v.array(Tombstone) });
export type TombstoneList = v.InferOutput<typeof TombstoneList>;

/** `/api/tombstones/:id`: a positive whole number, as the list shows it. */
export const TombstoneParam = v.object({
	id: v.pipe(
		v.string(),
		v.regex(/^[1-9][0-9]{0,14}$/, "must be a tombstone id: a whole number from 1"),
		v.transform(Number),
	),
});
