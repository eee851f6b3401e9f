import { describe, expect, it } from "vitest";
import { decodeBody } from "./decode";
import { CHARSET_FIXTURES } from "./fixtures/charsets";

const utf8 = (text: string) => new TextEncoder().encode(text);

describe("decodeBody", () => {
	it.each(Object.entries(CHARSET_FIXTURES))("Should decode the %s fixture to its title", (_name, fixture) => {
		const { text } = decodeBody(fixture.bytes, "contentType" in fixture ? fixture.contentType : undefined);
		expect(text).toContain(`<title>${fixture.title}</title>`);
		expect(text.startsWith("<?xml")).toBe(true);
	});

	it.each([
		["windows1252", "windows-1252", "prolog"],
		["koi8r", "koi8-r", "prolog"],
		["big5", "big5", "prolog"],
		["eucKr", "euc-kr", "prolog"],
		["gb2312", "gbk", "prolog"],
		["utf16leBom", "utf-16le", "bom"],
		["utf16beBom", "utf-16be", "bom"],
		["utf16leNoBom", "utf-16le", "bom"],
		["utf8Bom", "utf-8", "bom"],
		["koi8rHeaderOnly", "koi8-r", "header"],
		["cp1251PrologVsHeader", "windows-1251", "prolog"],
		["utf8DeclaredLatin1", "utf-8", "utf-8"],
		["undeclaredCp1252", "windows-1252", "fallback"],
		["unknownLabel", "windows-1252", "fallback"],
	] as const)("Should read %s as %s (from the %s)", (name, encoding, source) => {
		const fixture = CHARSET_FIXTURES[name];
		const decoded = decodeBody(fixture.bytes, "contentType" in fixture ? fixture.contentType : undefined);
		expect({ encoding: decoded.encoding, source: decoded.source }).toEqual({ encoding, source });
	});

	it("Should ignore a utf-16 prolog on single-byte content", () => {
		const bytes = Uint8Array.from([...utf8('<?xml version="1.0" encoding="utf-16"?><rss>'), 0xe9, ...utf8("</rss>")]);
		expect(decodeBody(bytes).text).toBe('<?xml version="1.0" encoding="utf-16"?><rss>é</rss>');
	});

	it("Should remove characters XML forbids", () => {
		expect(decodeBody(utf8("<a>x\u0000y\u0007z\tw\n</a>")).text).toBe("<a>xyz\tw\n</a>");
	});

	it("Should map C1 controls back to the windows-1252 punctuation they came from", () => {
		expect(decodeBody(utf8("<d>don\u0092t \u0093quote\u0094</d>")).text).toBe("<d>don\u2019t \u201cquote\u201d</d>");
	});

	it("Should never throw on odd input", () => {
		for (const bytes of [
			new Uint8Array(),
			Uint8Array.from([0xff]),
			Uint8Array.from([0xfe, 0xff, 0xd8]),
			utf8("plain"),
		]) {
			expect(() => decodeBody(bytes, "text/xml; charset=")).not.toThrow();
		}
	});
});
