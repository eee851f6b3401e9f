import { describe, expect, it } from "vitest";
import { httpError } from "../feeds/fetch/errors";
import { ERROR_WORDS, errorWords, lastFetchWords, type NamedErrorCode, statusWords } from "./health-words";

// Spelled out so this list and the union are checked against each other both ways: a code missing
// here is a type error (the `satisfies` below), and one missing from ERROR_WORDS is one in health-words.ts.
const NAMED: Record<NamedErrorCode, true> = {
	"fetch.timeout": true,
	"fetch.too_large": true,
	"fetch.empty_body": true,
	"fetch.dns": true,
	"fetch.network": true,
	"fetch.redirect_loop": true,
	"fetch.too_many_redirects": true,
	"fetch.redirect_invalid": true,
	"fetch.invalid_url": true,
	"parse.too_large": true,
	"parse.too_costly": true,
	"parse.empty": true,
	"parse.not_a_feed": true,
	"parse.unknown_format": true,
	"parse.malformed": true,
	"parse.internal": true,
	"store.write_failed": true,
	"store.repair_pending": true,
} satisfies Record<NamedErrorCode, true>;

describe("health words", () => {
	it.each(Object.keys(NAMED) as NamedErrorCode[])("Should word %s as a sentence without the code", (code) => {
		const words = errorWords({ stage: code.split(".")[0] ?? "", code, detail: "a detail" });
		expect(words.length).toBeGreaterThan(20);
		expect(words).not.toContain(code);
		expect(words).not.toContain("_");
		expect(ERROR_WORDS[code]).toBeTypeOf("function");
	});

	it("Should give every named code its own sentence", () => {
		const sentences = Object.keys(NAMED).map((code) => ERROR_WORDS[code as NamedErrorCode](""));
		expect(new Set(sentences).size).toBe(sentences.length);
	});

	it.each([
		[404, "the server answered 404 Not Found (the feed is not at this address any more)"],
		[410, "the server answered 410 Gone (the feed was removed for good)"],
		[503, "the server answered 503 Service Unavailable (the site is down or overloaded for now)"],
		[418, "the server answered 418 I'm a teapot"],
		[599, "the server answered 599"],
	])("Should word fetch.http_%i from its status", (status, expected) => {
		expect(errorWords(httpError(status, ""))).toBe(expected);
		expect(statusWords(status)).toBe(expected);
	});

	it("Should say how long a timeout waited, from the fetch stage's detail", () => {
		const words = errorWords({ stage: "fetch", code: "fetch.timeout", detail: "no complete response within 10000 ms" });
		expect(words).toBe("the connection timed out after 10 s");
		expect(errorWords({ stage: "fetch", code: "fetch.timeout", detail: "within 2500 ms" })).toContain("after 2.5 s");
	});

	it("Should fall back to the code and detail for a code it does not know", () => {
		expect(errorWords({ stage: "fetch", code: "fetch.novel", detail: "something new" })).toBe(
			"fetch.novel: something new",
		);
	});

	it("Should word the last fetch: never, failed, moved, unchanged and fetched", () => {
		const base = { lastFetchedAt: "2026-12-06T10:00:00.000Z", lastStatus: 200, lastError: null };
		expect(lastFetchWords({ ...base, lastFetchedAt: null })).toBe("not fetched yet");
		expect(lastFetchWords(base)).toBe("Fetched (200 OK)");
		expect(lastFetchWords({ ...base, lastStatus: 304 })).toContain("304 Not Modified");
		const failed = { ...base, lastStatus: 404, lastError: httpError(404, "Not Found") };
		expect(lastFetchWords(failed)).toMatch(/^The server answered 404 Not Found/);
		const moved = {
			...base,
			lastError: { stage: "parse", code: "parse.not_a_feed", detail: "an HTML page" },
			movedTo: { url: "https://new.example/feed", foundAt: base.lastFetchedAt, verified: true },
		};
		expect(lastFetchWords(moved)).toContain("the site now serves its feed at https://new.example/feed");
	});
});
