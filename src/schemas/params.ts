/** @module The path parameters of readers' routes, validated before the route reads anything. */
import * as v from "valibot";
import { Slug } from "./common";

/** `/articles/:slug` and `/api/articles/:slug`. */
export const SlugParam = v.object({ slug: Slug });

/** `/sections/:section`: a section's URL slug (`Real Estate` → `real-estate`). */
export const SectionParam = v.object({ section: Slug });

/** `/sitemaps/:file`: `pages.xml`, or a month's part, `2026-11.xml` (part 1) or `2026-11-2.xml`. */
export const SitemapFileParam = v.object({
	file: v.pipe(
		v.string(),
		v.regex(/^(pages|(?!0000)\d{4}-(0[1-9]|1[0-2])(-[1-9]\d{0,3})?)\.xml$/, "no such sitemap"),
		v.transform((file) => {
			if (file === "pages.xml") return { kind: "pages" as const };
			const [year, month, part] = file.slice(0, -4).split("-");
			return { kind: "month" as const, month: `${year}-${month}`, part: part ? Number(part) : 1 };
		}),
	),
});
