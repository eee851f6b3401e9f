import { describe, expect, it } from "vitest";
import { emptyForm, type FormValues, fieldForPath, readArticleForm, slugFromTitle } from "./article-form";

const now = new Date("2026-12-06T12:00:00Z");

function form(overrides: Partial<FormValues> = {}): FormValues {
	return {
		...emptyForm(),
		slug: "bridge-repairs",
		title: "Bridge repairs",
		body: "Crews arrive at six.",
		...overrides,
	};
}

describe("the editor's form as the API's article", () => {
	it("Should map each button to its status and publish time", () => {
		const read = (intent: Parameters<typeof readArticleForm>[1]["intent"], values = form()) =>
			readArticleForm(values, { intent, timeZone: "America/New_York", now });
		const draft = read("draft");
		expect(draft.ok && draft.input.status).toBe("draft");
		const review = read("review");
		expect(review.ok && review.input.status).toBe("review");
		const published = read("publish", form({ publishAt: "2027-01-01T09:00" }));
		expect(published.ok && [published.input.status, published.input.publishedAt]).toEqual([
			"published",
			now.toISOString(),
		]);
		const scheduled = read("schedule", form({ publishAt: "2026-12-07T09:00" }));
		expect(scheduled.ok && [scheduled.input.status, scheduled.input.publishedAt]).toEqual([
			"published",
			"2026-12-07T14:00:00.000Z",
		]);
		const unpublished = read("unpublish");
		expect(unpublished.ok && unpublished.input.status).toBe("draft");
	});

	it("Should refuse a schedule without a time or in the past, under the schedule field", () => {
		for (const publishAt of ["", "2026-12-06T06:00", "soon"]) {
			const read = readArticleForm(form({ publishAt }), { intent: "schedule", timeZone: "America/New_York", now });
			expect(read.ok).toBe(false);
			expect(!read.ok && read.errors.publishAt).toBeTruthy();
		}
	});

	it("Should file schema problems under the fields they name", () => {
		const read = readArticleForm(
			form({
				title: "",
				imageUrl: "http://plain.example/a.jpg",
				imageWidth: "wide",
				authorBio: "A bio, no name",
				slug: "Bad Slug",
			}),
			{ intent: "draft", timeZone: "UTC", now },
		);
		expect(read.ok).toBe(false);
		if (read.ok) return;
		expect(Object.keys(read.errors).sort()).toEqual(["authorName", "imageUrl", "imageWidth", "slug", "title"]);
	});

	it("Should send tags once each, the image's size as numbers, and leave empty fields out", () => {
		const read = readArticleForm(
			form({
				tags: "ports, Trade, ports,  , trade",
				imageUrl: "https://img.example/a.jpg",
				imageAlt: "Cranes",
				imageWidth: "1600",
				imageHeight: "900",
			}),
			{ intent: "draft", timeZone: "UTC", now },
		);
		expect(read.ok && read.input.tags).toEqual(["ports", "Trade"]);
		expect(read.ok && read.input.image).toEqual({
			url: "https://img.example/a.jpg",
			alt: "Cranes",
			width: 1600,
			height: 900,
		});
		expect(read.ok && Object.keys(read.input)).not.toContain("dek");
	});

	it("Should keep a stored instant to the millisecond when the minute-precision field was not touched", () => {
		const current = { publishedAt: "2026-12-08T15:30:27.123Z" } as Parameters<typeof readArticleForm>[1]["current"];
		const read = readArticleForm(form({ publishAt: "2026-12-08T10:30" }), {
			intent: "schedule",
			timeZone: "America/New_York",
			now,
			current,
		});
		expect(read.ok && read.input.publishedAt).toBe("2026-12-08T15:30:27.123Z");
	});

	it("Should name the field for each API issue path", () => {
		expect(
			["author.name", "author.bio", "image.url", "image", "publishedAt", "tags.3", "status", "dek"].map(fieldForPath),
		).toEqual(["authorName", "authorBio", "imageUrl", "imageUrl", "publishAt", "tags", "form", "dek"]);
	});

	it("Should suggest a slug from a title", () => {
		expect(slugFromTitle("Café reopens — at last!")).toBe("cafe-reopens-at-last");
		expect(slugFromTitle("word ".repeat(60)).length).toBeLessThanOrEqual(120);
		expect(slugFromTitle("!!!")).toBe("");
	});
});
