/** @module OPML import and export: our namespace, a feed outline as read from a file, and what `POST /api/sources/opml` answers. */
import * as v from "valibot";

/** Our namespace for per-source settings in OPML attributes (`edgewire:id`, `edgewire:paused`, …). */
export const OPML_NAMESPACE = "https://edgewire.dev/ns/opml/1";

/** The settings an export writes as attributes in our namespace, in this order (`edgewire:id`, …). */
export const OPML_SETTINGS = ["id", "paused", "itemsPerRun", "review"] as const;

/** One feed outline of an uploaded file, as written there, before it is checked against the list. */
export type OpmlFeed = {
	xmlUrl: string | null;
	/** `title`, else `text`. */
	title: string | null;
	/** The `text` (else `title`) of the nearest category outline holding it. */
	section: string | null;
	/** Our namespace's attributes, unparsed. */
	settings: Partial<Record<(typeof OPML_SETTINGS)[number], string>>;
};

/** One outline of the file: `added` (with the id it got), `skipped` (its URL is a source already) or `invalid`. */
export const OpmlImportResult = v.object({
	/** The outline's `xmlUrl` as written; null when it has none. */
	url: v.nullable(v.string()),
	/** Its `title`, else its `text`; null when it has neither. */
	title: v.nullable(v.string()),
	status: v.picklist(["added", "skipped", "invalid"]),
	/** The new source's id (`added`), or the id of the source that already has this URL (`skipped`). */
	id: v.optional(v.string()),
	/** Why it was skipped or is invalid. */
	reason: v.optional(v.string()),
});
export type OpmlImportResult = v.InferOutput<typeof OpmlImportResult>;

export const OpmlImportReport = v.object({
	results: v.array(OpmlImportResult),
	added: v.number(),
	skipped: v.number(),
	invalid: v.number(),
});
export type OpmlImportReport = v.InferOutput<typeof OpmlImportReport>;
