// Property tests for issue 9's one date domain: whatever date a write accepts, normalized as the
// write path stores it, the read schemas accept; feed dates land in the same domain or count as missing.
import fc from "fast-check";
import * as v from "valibot";
import { describe, expect, it } from "vitest";
import { parseDate } from "../../src/feeds/dates";
import { Article, Headline, headlineOf } from "../../src/schemas/article";
import { ArticleInput } from "../../src/schemas/article-input";
import { EARLIEST_INSTANT, IsoDateTime, LATEST_INSTANT } from "../../src/schemas/date-time";
import { putArticle, request, sampleArticle } from "../helpers";
import { HTTP_RUNS, RUNS, SEED } from "./runs";

const DAY = 86_400_000;
const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** An instant anywhere in (or just past) the domain, weighted to the edges where years roll over. */
const instant = fc.oneof(
	fc.integer({ min: EARLIEST_INSTANT - DAY, max: LATEST_INSTANT + DAY }),
	fc.integer({ min: EARLIEST_INSTANT - DAY, max: EARLIEST_INSTANT + DAY }),
	fc.integer({ min: LATEST_INSTANT - DAY, max: LATEST_INSTANT + DAY }),
	// Leap days, century rules included.
	fc.constantFrom(2000, 2024, 1600, 4, 9996).map((year) => Date.parse(`${pad(year, 4)}-02-29T12:00:00Z`)),
);

/** Minutes east of UTC: real zones span −12:00 to +14:00; RFC 3339 lets the field run to ±23:59. */
const offset = fc.oneof(
	fc.integer({ min: -14 * 60, max: 14 * 60 }),
	fc.constantFrom(-14 * 60, 14 * 60, 0),
	fc.integer({ min: -(23 * 60 + 59), max: 23 * 60 + 59 }),
);

/** How the seconds are written: none, whole, a fraction of 1–9 digits, or a leap second in place of :59. */
const secondsStyle = fc.oneof(
	fc.constant({ kind: "none" as const }),
	fc.constant({ kind: "whole" as const }),
	fc.integer({ min: 1, max: 9 }).map((digits) => ({ kind: "fraction" as const, digits })),
	fc.constant({ kind: "leap" as const }),
);

/** The date-time an editor might send for `ms` at `offsetMinutes`; undefined when its local year has no four digits. */
function writeDateTime(
	ms: number,
	offsetMinutes: number,
	style: { kind: "none" | "whole" | "leap" } | { kind: "fraction"; digits: number },
): string | undefined {
	const local = new Date(ms + offsetMinutes * 60_000);
	const year = local.getUTCFullYear();
	if (year < 0 || year > 9999) return undefined;
	const date = `${pad(year, 4)}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}`;
	let time = `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`;
	if (style.kind === "whole") time += `:${pad(local.getUTCSeconds())}`;
	if (style.kind === "leap") time += ":60";
	if (style.kind === "fraction") {
		time += `:${pad(local.getUTCSeconds())}.${pad(local.getUTCMilliseconds(), 3).padEnd(style.digits, "7").slice(0, style.digits)}`;
	}
	const sign = offsetMinutes < 0 ? "-" : "+";
	const zone =
		offsetMinutes === 0
			? "Z"
			: `${sign}${pad(Math.floor(Math.abs(offsetMinutes) / 60))}:${pad(Math.abs(offsetMinutes) % 60)}`;
	return `${date}T${time}${zone}`;
}

const dateTime = fc
	.tuple(instant, offset, secondsStyle)
	.map(([ms, minutes, style]) => writeDateTime(ms, minutes, style))
	.filter((text): text is string => text !== undefined);

/** Four-digit fields of any value, so impossible days, hours and offsets come up as often as real ones. */
const anyFields = fc
	.tuple(fc.array(fc.nat(), { minLength: 8, maxLength: 8 }), fc.constantFrom("+", "-"))
	.map(([n, sign]) => {
		// Year 0–9999, then month to 13, day to 32, hour to 25, minute to 60, second to 62, offset to 25:60.
		const [y, mo, d, h, mi, s, oh, om] = n.map((x, i) => x % ([10000, 14, 33, 26, 61, 63, 26, 61][i] ?? 1));
		return `${pad(y ?? 0, 4)}-${pad(mo ?? 0)}-${pad(d ?? 0)}T${pad(h ?? 0)}:${pad(mi ?? 0)}:${pad(s ?? 0)}${sign}${pad(oh ?? 0)}:${pad(om ?? 0)}`;
	});

/** What the write path stores: the input's output, its dates as `composeArticle` normalizes them. */
function stored(slug: string, input: ArticleInput): Article {
	const article: Article = { ...input, slug, publishedAt: new Date(input.publishedAt).toISOString(), bodyHtml: "" };
	if (input.updatedAt !== undefined) article.updatedAt = new Date(input.updatedAt).toISOString();
	return article;
}

describe("the date domain, written and read", () => {
	it("Should read back every date a write accepts, whatever its offset, precision or year", () => {
		fc.assert(
			fc.property(fc.oneof(dateTime, anyFields), fc.oneof(dateTime, anyFields), (publishedAt, updatedAt) => {
				const input = v.safeParse(ArticleInput, sampleArticle({ publishedAt, updatedAt }));
				if (!input.success) return;
				const article = stored("prop-date", input.output);
				expect(v.safeParse(Article, article).success).toBe(true);
				expect(v.safeParse(Headline, headlineOf(article)).success).toBe(true);
				// Normalizing again changes nothing: the stored text is the canonical form.
				expect(new Date(article.publishedAt).toISOString()).toBe(article.publishedAt);
			}),
			{ numRuns: RUNS * 5, seed: SEED },
		);
	});

	it("Should accept a well-formed date exactly when its instant lies in the years 0001 to 9999", () => {
		fc.assert(
			fc.property(instant, offset, secondsStyle, (ms, minutes, style) => {
				const text = writeDateTime(ms, minutes, style);
				if (text === undefined) return;
				const accepted = v.safeParse(IsoDateTime, text).success;
				// Minute-only and leap-second forms name an instant within the same minute as `ms`.
				const floor = Math.floor(ms / 60_000) * 60_000;
				if (floor >= EARLIEST_INSTANT && floor + 59_999 <= LATEST_INSTANT) expect(accepted, text).toBe(true);
				if (floor + 59_999 < EARLIEST_INSTANT || floor > LATEST_INSTANT) expect(accepted, text).toBe(false);
			}),
			{ numRuns: RUNS * 5, seed: SEED },
		);
	});

	it("Should read a feed date into the same domain or not at all", () => {
		const rfc822 = fc.tuple(instant, offset).map(([ms, minutes]) => {
			const local = new Date(ms + minutes * 60_000);
			const zone = `${minutes < 0 ? "-" : "+"}${pad(Math.floor(Math.abs(minutes) / 60))}${pad(Math.abs(minutes) % 60)}`;
			return local.toUTCString().replace("GMT", zone);
		});
		fc.assert(
			fc.property(fc.oneof(dateTime, anyFields, rfc822), (text) => {
				const date = parseDate(text);
				if (date !== undefined) expect(v.safeParse(IsoDateTime, date.toISOString()).success, text).toBe(true);
			}),
			{ numRuns: RUNS * 5, seed: SEED },
		);
	});

	it(
		"Should let every list and the article itself answer after any date a PUT accepted",
		async () => {
			await fc.assert(
				fc.asyncProperty(dateTime, async (publishedAt) => {
					const put = await putArticle("prop-date-domain", sampleArticle({ publishedAt, updatedAt: publishedAt }));
					expect([201, 400], publishedAt).toContain(put.status);
					for (const path of ["/", "/api/headlines", "/feed.xml", "/sitemap.xml"]) {
						expect((await request(path)).status, `${path} after ${publishedAt}`).toBe(200);
					}
					if (put.status === 400) return;
					// Live or still scheduled, never a failure; and it can always be taken down.
					expect([200, 404]).toContain((await request("/api/articles/prop-date-domain")).status);
					const deleted = await request("/api/articles/prop-date-domain", {
						method: "DELETE",
						headers: { authorization: "Bearer test-admin-token" },
					});
					expect(deleted.status).toBe(204);
				}),
				{ numRuns: Math.max(5, Math.floor(HTTP_RUNS / 4)), seed: SEED },
			);
		},
		Math.max(60_000, HTTP_RUNS * 2000),
	);
});
