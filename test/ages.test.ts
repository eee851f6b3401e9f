// Issue #2's end-to-end check: ten articles published minutes apart read back with exactly
// the newsroom's wording, from the JSON API and from the home page.
import { describe, expect, it } from "vitest";
import { minutesAgo, putArticle, request, sampleArticle } from "./helpers";

const OFFSETS = [20, 28, 47, 55, 61, 75, 100, 120, 130, 150];
const EXPECTED = [
	"20 mins ago",
	"28 mins ago",
	"47 mins ago",
	"55 mins ago",
	"about 1 hour ago",
	"about 1 hour ago",
	"about 1 hour ago",
	"2 hours ago",
	"2 hours ago",
	"2 hours ago",
];

describe("ages computed at request time", () => {
	it("Should read back 20 mins ago … 2 hours ago from /api/headlines and /", async () => {
		const start = Date.now();
		for (const [i, minutes] of OFFSETS.entries()) {
			const response = await putArticle(
				`story-${i}`,
				sampleArticle({ title: `Story ${i}`, publishedAt: minutesAgo(minutes, start) }),
			);
			expect(response.status).toBe(201);
		}
		const api = await request("/api/headlines?limit=10");
		const { headlines } = (await api.json()) as { headlines: { slug: string; age: string }[] };
		expect(headlines.map((h) => h.slug)).toEqual(OFFSETS.map((_, i) => `story-${i}`));
		expect(headlines.map((h) => h.age)).toEqual(EXPECTED);

		const home = await (await request("/")).text();
		const ages = [...home.matchAll(/<time datetime="[^"]+" data-age="">([^<]+)<\/time>/g)].map((m) => m[1]);
		expect(ages).toEqual(EXPECTED);
	});
});
