import { parseOpml } from "feedsmith";
import { describe, expect, it } from "vitest";
import type { OpmlFeed } from "../schemas/opml";
import { MAX_SOURCES, type SourceConfig } from "../schemas/source";
import { planImport } from "./import";
import { readOpml, writeOpml } from "./opml";

const bytes = (text: string) => new TextEncoder().encode(text);
const NS = 'xmlns:edgewire="https://edgewire.dev/ns/opml/1"';

function read(text: string) {
	const result = readOpml(bytes(text), "text/x-opml");
	if (!result.ok) throw new Error(result.error.message);
	return result.value;
}

function readError(text: string) {
	const result = readOpml(bytes(text), "text/x-opml");
	if (result.ok) throw new Error("expected an error");
	return result.error;
}

const feed = (xmlUrl: string | null, extra: Partial<OpmlFeed> = {}): OpmlFeed => ({
	xmlUrl,
	title: "A feed",
	section: null,
	settings: {},
	...extra,
});

describe("writeOpml", () => {
	const sources: SourceConfig[] = [
		{ id: "pol-1", url: "https://pol.example/rss", name: "Pol One", section: "Politics" },
		{ id: "loose", url: "https://loose.example/feed?a=1&b=2", name: 'Quotes " & <tags>\nand a line' },
		{
			id: "pol-2",
			url: "https://pol2.example/rss",
			name: "Pol Two",
			section: "Politics",
			paused: true,
			itemsPerRun: 7,
		},
		{ id: "rev", url: "https://rev.example/atom", name: "Reviewed", section: "Real Estate", review: false },
	];

	it("Should group sections into outlines where their first source stands, with settings in our namespace", () => {
		expect(writeOpml(sources, "Site & Co sources")).toBe(`<?xml version="1.0" encoding="utf-8"?>
<opml version="2.0" ${NS}>
	<head>
		<title>Site &amp; Co sources</title>
	</head>
	<body>
		<outline text="Politics" title="Politics">
			<outline type="rss" text="Pol One" title="Pol One" xmlUrl="https://pol.example/rss" edgewire:id="pol-1"/>
			<outline type="rss" text="Pol Two" title="Pol Two" xmlUrl="https://pol2.example/rss" edgewire:id="pol-2" edgewire:paused="true" edgewire:itemsPerRun="7"/>
		</outline>
		<outline type="rss" text="Quotes &quot; &amp; &lt;tags&gt;&#10;and a line" title="Quotes &quot; &amp; &lt;tags&gt;&#10;and a line" xmlUrl="https://loose.example/feed?a=1&amp;b=2" edgewire:id="loose"/>
		<outline text="Real Estate" title="Real Estate">
			<outline type="rss" text="Reviewed" title="Reviewed" xmlUrl="https://rev.example/atom" edgewire:id="rev" edgewire:review="false"/>
		</outline>
	</body>
</opml>
`);
	});

	it("Should be read back by feedsmith's own OPML parser with every value intact", () => {
		const doc = parseOpml(writeOpml(sources, "t"), { extraOutlineAttributes: ["edgewire:id"] });
		const loose = doc.body?.outlines?.[1];
		expect(loose).toMatchObject({
			text: 'Quotes " & <tags>\nand a line',
			xmlUrl: "https://loose.example/feed?a=1&b=2",
			"edgewire:id": "loose",
		});
	});

	it("Should round-trip through readOpml into the same feeds, sections and settings", () => {
		expect(read(writeOpml(sources, "t"))).toEqual([
			feed("https://pol.example/rss", { title: "Pol One", section: "Politics", settings: { id: "pol-1" } }),
			feed("https://pol2.example/rss", {
				title: "Pol Two",
				section: "Politics",
				settings: { id: "pol-2", paused: "true", itemsPerRun: "7" },
			}),
			feed("https://loose.example/feed?a=1&b=2", {
				title: 'Quotes " & <tags>\nand a line',
				settings: { id: "loose" },
			}),
			feed("https://rev.example/atom", {
				title: "Reviewed",
				section: "Real Estate",
				settings: { id: "rev", review: "false" },
			}),
		]);
	});
});

describe("readOpml", () => {
	it("Should read settings only under the prefix the root binds to our namespace", () => {
		const own = `<opml version="2.0" xmlns:ew="https://edgewire.dev/ns/opml/1"><body>
			<outline text="A" xmlUrl="https://a.example/" ew:id="a-id" ew:paused="true" edgewire:id="ignored"/></body></opml>`;
		expect(read(own)[0]?.settings).toEqual({ id: "a-id", paused: "true" });
		const unbound = `<opml version="2.0"><body><outline text="A" xmlUrl="https://a.example/" edgewire:id="x"/></body></opml>`;
		expect(read(unbound)[0]?.settings).toEqual({});
	});

	it("Should give outlines nested in categories the nearest category as section, and pass on outlines with no URL", () => {
		const text = `<?xml version="1.0"?><opml version="1.0"><head><title>x</title></head><body>
			<outline text="News"><outline text="n1" xmlUrl="https://n1.example/"/>
				<outline title="Local"><outline text="l1" xmlUrl="https://l1.example/"/></outline>
				<outline text="n2" type="rss" xmlUrl="https://n2.example/"/></outline>
			<outline text="top" xmlUrl="https://top.example/"/>
			<outline text="just a note"/>
			<outline text="Empty folder"></outline></body></opml>`;
		expect(read(text).map((f) => [f.title, f.xmlUrl, f.section])).toEqual([
			["n1", "https://n1.example/", "News"],
			["l1", "https://l1.example/", "Local"],
			["n2", "https://n2.example/", "News"],
			["top", "https://top.example/", null],
			["just a note", null, null],
			["Empty folder", null, null],
		]);
	});

	it("Should read a file in the charset its prolog names, and an empty body as no feeds", () => {
		const latin1 = Uint8Array.from(
			`<?xml version="1.0" encoding="ISO-8859-1"?><opml version="2.0"><body><outline text="Z\u00fcrich" xmlUrl="https://z.example/"/></body></opml>`,
			(ch) => ch.charCodeAt(0),
		);
		const result = readOpml(latin1, "application/xml");
		expect(result.ok && result.value[0]?.title).toBe("Z\u00fcrich");
		expect(read(`<opml version="2.0"><head/><body/></opml>`)).toEqual([]);
	});

	it.each([
		{
			name: "an entity bomb",
			text: `<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><opml><body><outline text="&b;" xmlUrl="https://a.example/"/></body></opml>`,
			message: /DOCTYPE or ENTITY/,
		},
		{ name: "a bare ENTITY", text: `<opml><!ENTITY x "y"><body/></opml>`, message: /DOCTYPE or ENTITY/ },
		{ name: "plain text", text: "these are my feeds", message: /^malformed XML at line 1, column 1/ },
		{ name: "an empty file", text: "", message: /^malformed XML/ },
		{
			name: "a truncated file",
			text: `<opml version="2.0"><body><outline text="a" xmlUrl="https://a.example/"/><outline text="b"`,
			message: /^malformed XML/,
		},
		{ name: "mismatched tags", text: `<opml><body><outline text="a"></body></opml>`, message: /closing tag 'outline'/ },
		{
			name: "an RSS feed",
			text: `<rss version="2.0"><channel><title>x</title></channel></rss>`,
			message: /not an OPML/,
		},
	])("Should refuse $name with a 400 naming the problem", ({ text, message }) => {
		const error = readError(text);
		expect(error.status).toBe(400);
		expect(error.message).toMatch(message);
	});

	const outlines = (n: number) =>
		Array.from({ length: n }, (_, i) => `<outline text="f${i}" xmlUrl="https://f${i}.example/"/>`).join("");

	it("Should refuse 10,000 outlines with a 413 before parsing them", () => {
		const error = readError(`<opml version="2.0"><body>${outlines(10_000)}</body></opml>`);
		expect(error).toEqual({ status: 413, message: "too many outlines: 10000, where a file may hold 2000" });
	});

	it(`Should refuse a file of more than ${MAX_SOURCES} feeds with a 413, and take ${MAX_SOURCES}`, () => {
		const error = readError(`<opml version="2.0"><body>${outlines(MAX_SOURCES + 1)}</body></opml>`);
		expect(error).toEqual({ status: 413, message: `too many feeds: a file may list at most ${MAX_SOURCES}` });
		expect(read(`<opml version="2.0"><body>${outlines(MAX_SOURCES)}</body></opml>`)).toHaveLength(MAX_SOURCES);
	});
});

describe("planImport", () => {
	const current: SourceConfig[] = [{ id: "harbour", url: "https://harbour.example/rss", name: "Harbour" }];

	function plan(feeds: OpmlFeed[], list = current) {
		const result = planImport(list, feeds);
		if (!result.ok) throw new Error(result.error.detail);
		return result.value;
	}

	it("Should skip a URL already present (as a parser reads it) or listed earlier, and add the rest", () => {
		const { added, report } = plan([
			feed("HTTPS://Harbour.example/rss", { title: "Harbour again" }),
			feed("https://new.example/rss", { title: "New Paper", section: "World" }),
			feed("https://new.example/rss", { title: "New Paper twice" }),
		]);
		expect(added).toEqual([{ id: "new-paper", url: "https://new.example/rss", name: "New Paper", section: "World" }]);
		expect(report).toEqual({
			results: [
				{
					url: "HTTPS://Harbour.example/rss",
					title: "Harbour again",
					status: "skipped",
					id: "harbour",
					reason: "already a source (harbour)",
				},
				{ url: "https://new.example/rss", title: "New Paper", status: "added", id: "new-paper" },
				{
					url: "https://new.example/rss",
					title: "New Paper twice",
					status: "skipped",
					id: "new-paper",
					reason: "listed earlier in this file",
				},
			],
			added: 1,
			skipped: 2,
			invalid: 0,
		});
	});

	it("Should take edgewire:id when it is a free slug, else make one from the title or host, unique", () => {
		const { added } = plan([
			feed("https://a.example/", { title: "Harbour", settings: { id: "harbour" } }),
			feed("https://b.example/", { title: "Bee", settings: { id: "Not A Slug" } }),
			feed("https://c.example/", { title: "Sea", settings: { id: "chosen-id" } }),
			feed("https://www.d.example/", { title: "\u65b0\u805e" }),
			feed("https://e.example/", { title: null }),
		]);
		expect(added.map((s) => [s.id, s.name])).toEqual([
			["harbour-2", "Harbour"],
			["bee", "Bee"],
			["chosen-id", "Sea"],
			["d-example", "\u65b0\u805e"],
			["e-example", "e.example"],
		]);
	});

	it("Should read the settings and report bad ones, and bad URLs, as invalid rows without failing the rest", () => {
		const { added, report } = plan([
			feed("https://ok.example/", { settings: { paused: "true", itemsPerRun: "12", review: "false" } }),
			feed("ftp://files.example/feed"),
			feed("not a url at all"),
			feed(null),
			feed("https://p.example/", { settings: { paused: "yes" } }),
			feed("https://i.example/", { settings: { itemsPerRun: "1e2" } }),
			feed("https://j.example/", { settings: { itemsPerRun: "500" } }),
			feed("https://s.example/", { section: "x".repeat(61) }),
		]);
		expect(added).toEqual([
			{ id: "a-feed", url: "https://ok.example/", name: "A feed", paused: true, itemsPerRun: 12, review: false },
		]);
		expect(report.results.slice(1).map((r) => [r.status, r.reason])).toEqual([
			["invalid", "xmlUrl: must be an absolute http or https URL"],
			["invalid", "xmlUrl: must be an absolute http or https URL"],
			["invalid", "not a feed: the outline has no xmlUrl"],
			["invalid", "edgewire:paused: must be true or false"],
			["invalid", "edgewire:itemsPerRun: must be a whole number from 1 to 100"],
			["invalid", "edgewire:itemsPerRun: must be from 1 to 100"],
			["invalid", "category outline text: must be at most 60 characters"],
		]);
		expect(report).toMatchObject({ added: 1, skipped: 0, invalid: 7 });
	});

	it(`Should refuse, adding nothing, an import that would pass ${MAX_SOURCES} sources`, () => {
		const full = Array.from({ length: MAX_SOURCES - 1 }, (_, i) => ({
			id: `s${i}`,
			url: `https://s${i}.example/`,
			name: `S${i}`,
		}));
		expect(plan([feed("https://last.example/")], full).added).toHaveLength(1);
		const over = planImport(full, [feed("https://one.example/"), feed("https://two.example/")]);
		expect(over).toEqual({
			ok: false,
			error: {
				code: "sources.over_cap",
				detail: `too many sources: ${MAX_SOURCES - 1} now and 2 new would pass the cap of ${MAX_SOURCES}`,
			},
		});
	});
});
