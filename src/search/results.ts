/** @module What a search answers: ranked hits, each a headline and a snippet with its matched words marked. */
import * as v from "valibot";
import { Headline } from "../schemas/article";

/** Marks around matched words in a snippet; no indexed text contains them (control characters are removed). */
export const MARK_START = "\u0002";
export const MARK_END = "\u0003";

export type SearchHit = { headline: Headline; snippet: string };
/** One page of hits; `more` says whether another page follows. */
export type SearchPage = { hits: SearchHit[]; more: boolean };

/** A page's shape as it comes back from the StoreWriter or the data center's cache; its hits are checked one by one. */
export const SearchPageRecord = v.object({ hits: v.array(v.unknown()), more: v.boolean() });

/** One hit, checked on its own: a bad one costs only itself. */
export const SearchHitRecord = v.object({ headline: Headline, snippet: v.string() });
