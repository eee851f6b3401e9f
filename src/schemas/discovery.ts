/**
 * @module Feed discovery's request and answer (`POST /api/sources/discover`): the route validates
 * with these and the OpenAPI document is generated from them.
 */
import * as v from "valibot";
import { HttpUrl } from "./common";
import { StageError } from "./source";

/** `{"url"}`: a page (or a feed) to look behind. */
export const DiscoverInput = v.strictObject({ url: HttpUrl });
export type DiscoverInput = v.InferOutput<typeof DiscoverInput>;

/** The formats src/feeds/parse detects: RSS 2.0, Atom 1.0, RSS 1.0 (RDF) and JSON Feed. */
export const FeedFormatName = v.picklist(["rss", "atom", "rdf", "json"]);

/** A candidate that was fetched and parsed as the refresh would, so it is known to work. */
export const DiscoveredFeed = v.object({
	url: v.string(),
	/** The feed's own title, else the link's `title` attribute, else null. */
	title: v.nullable(v.string()),
	format: FeedFormatName,
	/** Items the refresh could take from it now (counted up to 200). */
	itemCount: v.number(),
});
export type DiscoveredFeed = v.InferOutput<typeof DiscoveredFeed>;

/** Where a candidate came from: the URL itself, the page's `<link rel="alternate">`, or a well-known path. */
export const CandidateVia = v.picklist(["input", "link", "well_known"]);
export type CandidateVia = v.InferOutput<typeof CandidateVia>;

/** Why a candidate was not fetched: past the 8 candidates or the 20 subrequests one discovery may spend. */
export const SkipReason = v.picklist(["candidate_limit", "subrequest_budget", "parse_budget"]);
export type SkipReason = v.InferOutput<typeof SkipReason>;

/** Every URL discovery looked at, in order: offered, rejected (with the fetch or parse error) or skipped. */
export const CheckedCandidate = v.object({
	url: v.string(),
	via: CandidateVia,
	outcome: v.picklist(["offered", "rejected", "skipped"]),
	error: v.optional(StageError),
	reason: v.optional(SkipReason),
});
export type CheckedCandidate = v.InferOutput<typeof CheckedCandidate>;

/**
 * Always a 200: no feeds, and a page that could not be fetched, are answers (`feeds: []`, the
 * reason in `message` and in the input's `checked` entry), not errors.
 */
export const DiscoveryResponse = v.object({
	url: v.string(),
	feeds: v.array(DiscoveredFeed),
	checked: v.array(CheckedCandidate),
	/** In words: "No feeds found on this page.", "Found 2 feeds.", "The page could not be fetched: …". */
	message: v.string(),
});
export type DiscoveryResponse = v.InferOutput<typeof DiscoveryResponse>;
