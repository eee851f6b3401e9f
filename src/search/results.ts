/** @module What a search answers: ranked hits, each a headline and a snippet with its matched words marked. */
import type { Headline } from "../schemas/article";

/** Marks around matched words in a snippet; no indexed text contains them (control characters are removed). */
export const MARK_START = "\u0002";
export const MARK_END = "\u0003";

export type SearchHit = { headline: Headline; snippet: string };
/** One page of hits; `more` says whether another page follows. */
export type SearchPage = { hits: SearchHit[]; more: boolean };
