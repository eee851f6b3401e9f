import { describe, expect, it } from "vitest";
import { changedFeeds } from "./ping";

describe("changedFeeds", () => {
	it("Should name the site's feeds and each changed section's, once each, on SITE_URL", () => {
		expect(changedFeeds("https://news.example", ["World", undefined, "world", "Real Estate"])).toEqual([
			"https://news.example/feed.xml",
			"https://news.example/feed.json",
			"https://news.example/sections/world/feed.xml",
			"https://news.example/sections/world/feed.json",
			"https://news.example/sections/real-estate/feed.xml",
			"https://news.example/sections/real-estate/feed.json",
		]);
	});
});
