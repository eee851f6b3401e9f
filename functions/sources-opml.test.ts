// OPML through the real Worker: GET /api/sources.opml and POST /api/sources/opml, the round trip,
// idempotence, hostile files (entity bombs, 10,000 outlines, bad URLs, not XML) and the cap, each
// refusal changing nothing that was stored.
import { env } from "cloudflare:workers";
import { parseOpml } from "feedsmith";
import * as v from "valibot";
import { describe, expect, it } from "vitest";
import { keys } from "../src/kv/keys";
import { OpmlImportReport } from "../src/schemas/opml";
import { MAX_SOURCES, type SourceConfig } from "../src/schemas/source";
import { adminHeaders, request } from "../test/helpers";
import { putSources, storedSources } from "../test/refresh-helpers";

const LIST: SourceConfig[] = [
	{ id: "harbour-gazette", url: "https://gazette.example/feed.xml", name: "Harbour Gazette", section: "Local" },
	{ id: "river-post", url: "https://riverpost.example/feed.json", name: "River Post & <Co>", paused: true },
	{ id: "hill-news", url: "https://hill.example/atom?x=1&y=2", name: "Hill News", section: "Local", itemsPerRun: 5 },
	{ id: "capitol", url: "https://capitol.example/rss", name: 'Capitol "Wire"', section: "Politics", review: true },
];

async function exportOpml(): Promise<string> {
	const response = await request("/api/sources.opml", { headers: adminHeaders() });
	expect(response.status).toBe(200);
	expect(response.headers.get("content-type")).toBe("text/x-opml; charset=utf-8");
	return response.text();
}

function post(body: string | Uint8Array, contentType = "text/x-opml"): Promise<Response> {
	return request("/api/sources/opml", {
		method: "POST",
		headers: adminHeaders({ "content-type": contentType }),
		body,
	});
}

async function importOpml(body: string, contentType?: string): Promise<OpmlImportReport> {
	const response = await post(body, contentType);
	expect(response.status, await response.clone().text()).toBe(200);
	return v.parse(OpmlImportReport, await response.json());
}

const opml = (outlines: string) => `<?xml version="1.0" encoding="utf-8"?>
<opml version="2.0" xmlns:edgewire="https://edgewire.dev/ns/opml/1"><head><title>t</title></head><body>${outlines}</body></opml>`;

describe("GET /api/sources.opml", () => {
	it("Should export OPML 2.0 with sections as outlines and settings in the edgewire namespace", async () => {
		await putSources(LIST);
		const text = await exportOpml();
		expect(text).toContain('<opml version="2.0" xmlns:edgewire="https://edgewire.dev/ns/opml/1">');
		expect(text).toContain("<title>edgewire sources</title>");
		const doc = parseOpml(text, { extraOutlineAttributes: ["edgewire:id", "edgewire:paused"] });
		const outlines = doc.body?.outlines ?? [];
		expect(outlines.map((o) => o.text)).toEqual(["Local", "River Post & <Co>", "Politics"]);
		expect(outlines[0]?.outlines?.map((o) => o["edgewire:id"])).toEqual(["harbour-gazette", "hill-news"]);
		expect(outlines[1]).toMatchObject({
			type: "rss",
			xmlUrl: "https://riverpost.example/feed.json",
			"edgewire:paused": "true",
		});
		expect(text).toContain(
			'xmlUrl="https://hill.example/atom?x=1&amp;y=2" edgewire:id="hill-news" edgewire:itemsPerRun="5"',
		);
		expect(text).toContain('text="Capitol &quot;Wire&quot;"');
	});

	it("Should answer 401 without the token", async () => {
		expect((await request("/api/sources.opml")).status).toBe(401);
		const post = await request("/api/sources/opml", {
			method: "POST",
			headers: { "content-type": "text/x-opml" },
			body: opml(""),
		});
		expect(post.status).toBe(401);
	});
});

describe("POST /api/sources/opml", () => {
	it("Should round-trip: the export imported into an empty list exports the same file", async () => {
		await putSources(LIST);
		const exported = await exportOpml();
		const before = (await storedSources()).sources;

		await putSources([]);
		const report = await importOpml(exported);
		expect(report).toMatchObject({ added: 4, skipped: 0, invalid: 0 });
		// Sections group their sources, so the list comes back in the file's order.
		expect(report.results.map((r) => [r.status, r.id])).toEqual([
			["added", "harbour-gazette"],
			["added", "hill-news"],
			["added", "river-post"],
			["added", "capitol"],
		]);
		expect(await exportOpml()).toBe(exported);
		const byId = new Map(before.map((s) => [s.id, s]));
		for (const source of (await storedSources()).sources) expect(source).toEqual(byId.get(source.id));
	});

	it("Should skip every outline when the export goes back into the same list, and change nothing", async () => {
		await putSources(LIST);
		const exported = await exportOpml();
		const before = await env.NEWS.get(keys.sources, "text");
		const report = await importOpml(exported, "application/xml");
		expect(report).toMatchObject({ added: 0, skipped: 4, invalid: 0 });
		expect(report.results[0]).toEqual({
			url: "https://gazette.example/feed.xml",
			title: "Harbour Gazette",
			status: "skipped",
			id: "harbour-gazette",
			reason: "already a source (harbour-gazette)",
		});
		expect(await env.NEWS.get(keys.sources, "text")).toBe(before);
	});

	it("Should import another reader's file: categories as sections, ids from titles, bad URLs as invalid rows", async () => {
		await putSources([{ id: "harbour-gazette", url: "https://gazette.example/feed.xml", name: "Harbour Gazette" }]);
		const report = await importOpml(
			`<?xml version="1.0"?><opml version="1.0"><head><title>Reader export</title></head><body>
				<outline text="Tech" title="Tech">
					<outline type="rss" text="Gadget Blog" title="Gadget Blog" xmlUrl="https://gadgets.example/feed" htmlUrl="https://gadgets.example/"/>
					<outline type="rss" text="Old FTP" xmlUrl="ftp://old.example/feed"/>
				</outline>
				<outline type="rss" text="Harbour Gazette" xmlUrl="https://gazette.example/feed.xml"/>
				<outline type="rss" text="Broken" xmlUrl="http://[not a host/feed"/>
				<outline type="rss" text="Script" xmlUrl="javascript:alert(1)"/>
			</body></opml>`,
			"text/xml",
		);
		expect(report).toMatchObject({ added: 1, skipped: 1, invalid: 3 });
		expect(report.results.map((r) => [r.title, r.status])).toEqual([
			["Gadget Blog", "added"],
			["Old FTP", "invalid"],
			["Harbour Gazette", "skipped"],
			["Broken", "invalid"],
			["Script", "invalid"],
		]);
		const stored = (await storedSources()).sources;
		expect(stored.map((s) => s.id)).toEqual(["harbour-gazette", "gadget-blog"]);
		expect(stored[1]).toMatchObject({ name: "Gadget Blog", section: "Tech", url: "https://gadgets.example/feed" });
	});

	it.each([
		{
			name: "an entity bomb",
			status: 400,
			body: `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>${opml('<outline text="&lol3;" xmlUrl="https://bomb.example/"/>').replace('<?xml version="1.0" encoding="utf-8"?>\n', "")}`,
			error: "OPML must not contain a DOCTYPE or ENTITY declaration",
		},
		{
			name: "10,000 outlines",
			status: 413,
			body: opml(
				Array.from({ length: 10_000 }, (_, i) => `<outline text="f${i}" xmlUrl="https://f${i}.example/"/>`).join(""),
			),
			error: "too many outlines: 10000, where a file may hold 2000",
		},
		{
			name: "a file that is not XML",
			status: 400,
			body: "https://a.example/feed\nhttps://b.example/feed",
			error: /^malformed XML at line 1/,
		},
		{
			name: "a truncated file",
			status: 400,
			body: opml('<outline text="a" xmlUrl="https://a.example/"/>').slice(0, -20),
			error: /^malformed XML/,
		},
		{ name: "an RSS feed", status: 400, body: '<rss version="2.0"><channel/></rss>', error: /^not an OPML document/ },
		{
			name: "a body over 1 MiB",
			status: 413,
			body: opml(`<!-- ${"x".repeat(1024 * 1024)} -->`),
			error: "OPML file exceeds 1048576 bytes",
		},
	])("Should refuse $name with $status naming the problem, changing nothing", async ({ body, status, error }) => {
		await putSources(LIST);
		const before = await env.NEWS.get(keys.sources, "text");
		const response = await post(body);
		expect(response.status).toBe(status);
		const json = (await response.json()) as { error: string };
		if (typeof error === "string") expect(json.error).toBe(error);
		else expect(json.error).toMatch(error);
		expect(await env.NEWS.get(keys.sources, "text")).toBe(before);
	});

	it("Should answer 415 to a content type that is not OPML or XML", async () => {
		for (const type of ["application/json", "text/plain", "multipart/form-data; boundary=x"]) {
			const response = await post(opml(""), type);
			expect(response.status).toBe(415);
			expect(await response.json()).toEqual({ error: "content type must be text/x-opml, application/xml or text/xml" });
		}
	});

	it(`Should refuse with 413, adding nothing, an import that would pass ${MAX_SOURCES} sources`, async () => {
		const many = Array.from({ length: MAX_SOURCES - 2 }, (_, i) => ({
			id: `s${i}`,
			url: `https://s${i}.example/rss`,
			name: `Source ${i}`,
		}));
		await putSources(many);
		const before = await env.NEWS.get(keys.sources, "text");
		const three = ["a", "b", "c"].map((x) => `<outline text="${x}" xmlUrl="https://${x}.example/"/>`).join("");
		const response = await post(opml(three));
		expect(response.status).toBe(413);
		expect(await response.json()).toEqual({
			error: `too many sources: ${MAX_SOURCES - 2} now and 3 new would pass the cap of ${MAX_SOURCES}`,
		});
		expect(await env.NEWS.get(keys.sources, "text")).toBe(before);

		// Two fit, and a third already present is skipped, not counted.
		const two = ["a", "b"].map((x) => `<outline text="${x}" xmlUrl="https://${x}.example/"/>`).join("");
		const fits = await importOpml(opml(`${two}<outline text="s0" xmlUrl="https://s0.example/rss"/>`));
		expect(fits).toMatchObject({ added: 2, skipped: 1 });
		expect((await storedSources()).sources).toHaveLength(MAX_SOURCES);
	});

	it("Should report an empty file's body as nothing to add", async () => {
		await putSources(LIST);
		expect(await importOpml(opml(""))).toEqual({ results: [], added: 0, skipped: 0, invalid: 0 });
	});
});
