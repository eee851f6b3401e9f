/** @module The path parameters of readers' routes, validated before the route reads anything. */
import * as v from "valibot";
import { Slug } from "./common";

/** `/articles/:slug` and `/api/articles/:slug`. */
export const SlugParam = v.object({ slug: Slug });

/** `/sections/:section`: a section's URL slug (`Real Estate` → `real-estate`). */
export const SectionParam = v.object({ section: Slug });
