import { describe, expect, it } from "vitest";
import { inSections, sectionName, sectionSlug } from "./sections";

describe("sectionSlug", () => {
	it.each([
		["Opinion", "opinion"],
		["opinion", "opinion"],
		["Real Estate", "real-estate"],
		["  Arts & Culture ", "arts-culture"],
		["Café", "cafe"],
		["日本", undefined],
	])("Should give %j the slug %j", (name, slug) => {
		expect(sectionSlug(name)).toBe(slug);
	});
});

describe("sectionName", () => {
	it("Should keep a name written with capitals exactly, and capitalize an all-lowercase one", () => {
		expect(sectionName("Harbour Life")).toBe("Harbour Life");
		expect(sectionName("iOS news")).toBe("iOS news");
		expect(sectionName("real estate")).toBe("Real estate");
	});
});

describe("inSections", () => {
	const opinion = new Set(["opinion", "letters to the editor"]);

	it("Should match a configured section by slug, whatever its capitals or spacing", () => {
		expect(inSections(opinion, "Opinion")).toBe(true);
		expect(inSections(opinion, "OPINION")).toBe(true);
		expect(inSections(opinion, "Letters to the Editor")).toBe(true);
	});

	it("Should not match another section, a section without a slug, or none", () => {
		expect(inSections(opinion, "Opinions")).toBe(false);
		expect(inSections(opinion, "日本")).toBe(false);
		expect(inSections(opinion, undefined)).toBe(false);
	});
});
