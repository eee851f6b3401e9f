import { describe, expect, it } from "vitest";
import { canonicalLink } from "./canonical-link";

describe("canonicalLink", () => {
	it.each([
		{ name: "scheme and host lowercased", link: "HTTPS://News.Example/Story", want: "https://news.example/Story" },
		{ name: "the default port dropped", link: "https://news.example:443/a", want: "https://news.example/a" },
		{ name: "the fragment dropped", link: "https://news.example/a#comments", want: "https://news.example/a" },
		{
			name: "utm_* and click ids dropped",
			link: "https://news.example/a?utm_source=rss&UTM_Medium=feed&fbclid=1&gclid=2&mc_cid=3&mc_eid=4&msclkid=5",
			want: "https://news.example/a",
		},
		{ name: "the rest sorted", link: "https://news.example/a?z=1&a=2&m=3", want: "https://news.example/a?a=2&m=3&z=1" },
		{
			name: "repeated names sorted by value",
			link: "https://news.example/a?t=b&t=a",
			want: "https://news.example/a?a&t=a&t=b".replace("a&", ""),
		},
		{ name: "the path kept exactly", link: "https://news.example/A/b/", want: "https://news.example/A/b/" },
	])("Should give the same link with $name", ({ link, want }) => {
		expect(canonicalLink(link)).toBe(want);
	});

	it("Should match two spellings of one story and keep two stories apart", () => {
		expect(canonicalLink("https://wire.example/5521?ref=home&utm_campaign=x")).toBe(
			canonicalLink("HTTPS://WIRE.example/5521?ref=home#top"),
		);
		expect(canonicalLink("https://wire.example/5521?id=1")).not.toBe(canonicalLink("https://wire.example/5521?id=2"));
	});

	it("Should answer undefined for what is not a URL", () => {
		expect(canonicalLink("not a url")).toBeUndefined();
	});
});
