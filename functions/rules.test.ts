// The rules routes and the dry run through the real Worker, with upstream feeds mocked at the
// outbound fetch: auth on every route, what is stored and returned, patterns re2js refuses, the
// caps, unknown sources, rules applied by the refresh, and the dry run over the last fetched items.
import * as v from "valibot";
import { beforeEach, describe, expect, it } from "vitest";
import {
	DryRunResponse,
	GlobalRules,
	MAX_GLOBAL_RULES,
	MAX_SOURCE_RULES,
	type RuleInput,
	SourceRules,
} from "../src/schemas/rules";
import { adminHeaders } from "../test/helpers";
import { articleForItem, putSources, runRefresh } from "../test/refresh-helpers";
import { type FeedEntry, putGlobalRules, putSourceRules, reviewQueue, send, serveFeed } from "../test/review-helpers";
import { useUpstream } from "../test/upstream";

const upstream = useUpstream();

const block = (field: RuleInput["field"], value: string, kind: RuleInput["kind"] = "phrase"): RuleInput => ({
	action: "block",
	field,
	kind,
	value,
});
const keep = (field: RuleInput["field"], value: string, kind: RuleInput["kind"] = "phrase"): RuleInput => ({
	action: "keep",
	field,
	kind,
	value,
});

const ENTRIES: FeedEntry[] = [
	{
		guid: "w-1",
		title: "Ferry strike closes the harbour line",
		link: "https://wire.example/ferry-strike",
		minutesAgo: 10,
		author: "Ines Marlow",
		categories: ["Transport"],
		content: "<p>Crews walked out at dawn.</p>",
	},
	{
		guid: "w-2",
		title: "Sponsored: the best kettles of the year",
		link: "https://wire.example/partner/kettles",
		minutesAgo: 20,
		author: "Brand Studio",
		categories: ["Advertorial"],
		content: "<p>Boil water <b>faster</b>.</p>",
	},
	{
		guid: "w-3",
		title: "Council approves the new library",
		link: "https://wire.example/library",
		minutesAgo: 30,
		author: "Tom Reyes",
		categories: ["Local news"],
		content: "<p>The vote was 7 to 2.</p>",
	},
];

beforeEach(async () => {
	await putGlobalRules([]);
});

describe("rules routes", () => {
	it.each([
		["GET", "/api/rules"],
		["PUT", "/api/rules"],
		["GET", "/api/sources/wire/rules"],
		["PUT", "/api/sources/wire/rules"],
		["POST", "/api/sources/wire/rules/test"],
		["GET", "/api/review"],
		["POST", "/api/review/1/approve"],
		["POST", "/api/review/1/reject"],
	])("Should answer 401 to %s %s without the admin token", async (method, path) => {
		const response = await send(path, method, { rules: [] }, { "content-type": "application/json" });
		expect(response.status).toBe(401);
		expect(await response.json()).toEqual({ error: "missing or invalid bearer token" });
		const wrong = await send(path, method, { rules: [] }, adminHeaders({ authorization: "Bearer nope" }));
		expect(wrong.status).toBe(401);
	});

	it("Should store the global set in order and keep a rule's id while it is saved again unchanged", async () => {
		const rules = [block("title", "sponsored"), keep("categories", "^local", "pattern")];
		const first = await send("/api/rules", "PUT", { rules });
		expect(first.status).toBe(200);
		const stored = (await first.json()) as GlobalRules;
		expect(v.is(GlobalRules, stored)).toBe(true);
		expect(stored.rules.map(({ id: _id, createdAt: _at, ...rule }) => rule)).toEqual(rules);
		expect(await (await send("/api/rules", "GET")).json()).toEqual(stored);

		// Reordered with one rule new: the unchanged one keeps its id and creation time.
		const again = (await (
			await send("/api/rules", "PUT", { rules: [block("author", "brand studio"), rules[0]] })
		).json()) as GlobalRules;
		expect(again.rules[1]).toEqual(stored.rules[0]);
		expect(again.rules[0]?.id).not.toBe(stored.rules[1]?.id);
		expect(again.rules).toHaveLength(2);
	});

	it.each([
		["(", "rule 1: not a valid pattern: missing closing ): `(`"],
		["(?<=x)y", "rule 1: not a valid pattern: invalid named capture: `(?<=x)y`"],
		["a{2000}", "rule 1: not a valid pattern: invalid repeat count: `{2000}`"],
	])("Should answer 400 naming the rule for the pattern %j, storing nothing", async (pattern, message) => {
		await putGlobalRules([block("title", "kept")]);
		const response = await send("/api/rules", "PUT", {
			rules: [block("title", "x"), block("title", pattern, "pattern")],
		});
		expect(response.status).toBe(400);
		expect(await response.json()).toEqual({ error: "invalid rules", issues: [{ path: "rules.1.value", message }] });
		const { rules } = (await (await send("/api/rules", "GET")).json()) as GlobalRules;
		expect(rules.map((r) => r.value)).toEqual(["kept"]);
	});

	it("Should answer 400 to a pattern too complex to run, and to patterns too complex together", async () => {
		const one = await send("/api/rules", "PUT", { rules: [block("content", ".{600}x.{600}", "pattern")] });
		expect(one.status).toBe(400);
		expect(((await one.json()) as { issues: { message: string }[] }).issues[0]?.message).toMatch(/too complex/);
		const many = Array.from({ length: 5 }, (_, i) => block("content", `.{${900 + i}}`, "pattern"));
		const together = await send("/api/rules", "PUT", { rules: many });
		expect(together.status).toBe(400);
		expect(((await together.json()) as { issues: { path: string }[] }).issues).toEqual([
			{ path: "rules", message: expect.stringMatching(/together/) },
		]);
	});

	it.each([
		[{ rules: [{ action: "hide", field: "title", kind: "phrase", value: "x" }] }, "rules.0.action"],
		[{ rules: [{ action: "keep", field: "body", kind: "phrase", value: "x" }] }, "rules.0.field"],
		[{ rules: [{ action: "keep", field: "title", kind: "regex", value: "x" }] }, "rules.0.kind"],
		[{ rules: [{ action: "keep", field: "title", kind: "phrase", value: "" }] }, "rules.0.value"],
		[{ rules: [{ action: "keep", field: "title", kind: "phrase", value: "   " }] }, "rules.0.value"],
		[{ rules: [{ action: "keep", field: "title", kind: "phrase", value: "x".repeat(501) }] }, "rules.0.value"],
		[{ rules: [{ action: "keep", field: "title", kind: "phrase", value: "x", extra: 1 }] }, "rules.0.extra"],
		[{ rule: [] }, "rule"],
	])("Should answer 400 naming the path for %j", async (body, path) => {
		const response = await send("/api/rules", "PUT", body);
		expect(response.status).toBe(400);
		const { issues } = (await response.json()) as { issues: { path: string }[] };
		expect(issues.map((i) => i.path)).toContain(path);
	});

	it("Should answer 413 past the caps, storing nothing", async () => {
		const global = await send("/api/rules", "PUT", {
			rules: Array.from({ length: MAX_GLOBAL_RULES + 1 }, (_, i) => block("title", `w${i}`)),
		});
		expect(global.status).toBe(413);
		expect(await global.json()).toEqual({
			error: `too many rules: at most ${MAX_GLOBAL_RULES} rules; this set has ${MAX_GLOBAL_RULES + 1}`,
			issues: [{ path: "rules", message: `at most ${MAX_GLOBAL_RULES} rules; this set has ${MAX_GLOBAL_RULES + 1}` }],
		});
		expect(((await (await send("/api/rules", "GET")).json()) as GlobalRules).rules).toEqual([]);
		await putSources([{ id: "capped", url: "https://capped.example/rss", name: "Capped" }]);
		const tooMany = { rules: Array.from({ length: MAX_SOURCE_RULES + 1 }, (_, i) => block("title", `w${i}`)) };
		expect((await send("/api/sources/capped/rules", "PUT", tooMany)).status).toBe(413);
		expect((await send("/api/sources/capped/rules/test", "POST", tooMany)).status).toBe(413);
		// Exactly at the caps is fine.
		const full = { rules: tooMany.rules.slice(0, MAX_SOURCE_RULES) };
		expect((await send("/api/sources/capped/rules", "PUT", full)).status).toBe(200);
	});

	it("Should answer 415 to a body that is not JSON", async () => {
		const response = await send("/api/rules", "PUT", undefined, adminHeaders({ "content-type": "text/plain" }));
		expect(response.status).toBe(415);
	});

	it("Should answer 404 JSON for an unknown source and 400 for a malformed id", async () => {
		await putSources([{ id: "known", url: "https://known.example/rss", name: "Known" }]);
		for (const [method, path] of [
			["GET", "/api/sources/nowhere/rules"],
			["PUT", "/api/sources/nowhere/rules"],
			["POST", "/api/sources/nowhere/rules/test"],
		] as const) {
			const response = await send(path, method, { rules: [] });
			expect(response.status, `${method} ${path}`).toBe(404);
			expect(await response.json()).toEqual({ error: "no source nowhere" });
		}
		expect((await send("/api/sources/Not_A_Slug/rules", "GET")).status).toBe(400);
	});

	it("Should keep a source's own set apart from the global one", async () => {
		await putSources([{ id: "apart", url: "https://apart.example/rss", name: "Apart" }]);
		await putGlobalRules([block("title", "global")]);
		await putSourceRules("apart", [keep("author", "ines")]);
		const own = (await (await send("/api/sources/apart/rules", "GET")).json()) as SourceRules;
		expect(v.is(SourceRules, own)).toBe(true);
		expect(own).toMatchObject({ sourceId: "apart", rules: [keep("author", "ines")] });
		expect(((await (await send("/api/rules", "GET")).json()) as GlobalRules).rules).toMatchObject([
			block("title", "global"),
		]);
	});

	it("Should forget a removed source's own rules, so a source added later under its id starts with none", async () => {
		await putSources([{ id: "gone", url: "https://gone.example/rss", name: "Gone" }]);
		await putGlobalRules([block("title", "global")]);
		await putSourceRules("gone", [keep("author", "ines")]);
		await putSources([]);
		expect((await send("/api/sources/gone/rules", "GET")).status).toBe(404);
		await putSources([{ id: "gone", url: "https://other.example/rss", name: "Back" }]);
		const own = (await (await send("/api/sources/gone/rules", "GET")).json()) as SourceRules;
		expect(own.rules).toEqual([]);
		// The global set is nobody's source: it stays.
		expect(((await (await send("/api/rules", "GET")).json()) as GlobalRules).rules).toMatchObject([
			block("title", "global"),
		]);
	});
});

describe("rules in the refresh", () => {
	it("Should publish only what the rules keep, queue what they block, and count both", async () => {
		const url = "https://wire.example/rss";
		serveFeed(upstream, url, () => ENTRIES);
		await putSources([{ id: "wire", url, name: "Wire" }]);
		await putGlobalRules([block("categories", "advertorial")]);
		await putSourceRules("wire", [
			block("link", "/partner/", "pattern"),
			keep("content", "walked out|the vote", "pattern"),
		]);
		const summary = await runRefresh();
		expect(summary).toMatchObject({ itemsNew: 2, itemsBlocked: 1 });
		expect(summary.results[0]?.items).toEqual({ new: 2, updated: 0, unchanged: 0, dropped: 0, blocked: 1 });
		expect(await articleForItem("w-1")).toBeDefined();
		expect(await articleForItem("w-2")).toBeUndefined();
		expect(await articleForItem("w-3")).toBeDefined();
		const queue = (await reviewQueue()).filter((q) => q.sourceId === "wire");
		// Global rules are checked first: the advertorial category, not the link pattern, is named.
		expect(queue).toMatchObject([
			{ itemKey: "w-2", reason: "blocked", rule: { scope: "global", action: "block", field: "categories" } },
		]);
	});

	it("Should block what matches no keep rule once one exists", async () => {
		const url = "https://keeponly.example/rss";
		serveFeed(upstream, url, () => ENTRIES.map((e) => ({ ...e, guid: `k${e.guid}`, link: `${e.link}-k` })));
		await putSources([{ id: "keeponly", url, name: "Keep only" }]);
		await putSourceRules("keeponly", [keep("author", "tom reyes")]);
		expect(await runRefresh()).toMatchObject({ itemsNew: 1, itemsBlocked: 2 });
		const queue = (await reviewQueue()).filter((q) => q.sourceId === "keeponly");
		expect(queue.map((q) => [q.itemKey, q.reason, q.rule])).toEqual([
			["kw-2", "blocked", undefined],
			["kw-1", "blocked", undefined],
		]);
	});
});

describe("POST /api/sources/:id/rules/test", () => {
	it("Should show what a proposed set would do to the last fetched items, with the global rules and nothing stored", async () => {
		const url = "https://dry.example/rss";
		serveFeed(upstream, url, () => ENTRIES.map((e) => ({ ...e, guid: `d${e.guid}`, link: `${e.link}-d` })));
		await putSources([{ id: "dry", url, name: "Dry" }]);
		await runRefresh();
		await putGlobalRules([block("title", "SPONSORED")]);
		const proposed = [block("author", "^tom", "pattern"), keep("categories", "transport")];
		const response = await send("/api/sources/dry/rules/test", "POST", { rules: proposed });
		expect(response.status).toBe(200);
		const body = (await response.json()) as DryRunResponse;
		expect(v.is(DryRunResponse, body)).toBe(true);
		expect(body.fetchedAt).toEqual(expect.any(String));
		expect(body.items).toEqual([
			{
				title: "Ferry strike closes the harbour line",
				link: "https://wire.example/ferry-strike-d",
				outcome: "kept",
				rule: { scope: "source", id: null, action: "keep", field: "categories", kind: "phrase", value: "transport" },
			},
			{
				title: "Sponsored: the best kettles of the year",
				link: "https://wire.example/partner/kettles-d",
				outcome: "blocked",
				rule: expect.objectContaining({ scope: "global", id: expect.any(Number), value: "SPONSORED" }),
			},
			{
				title: "Council approves the new library",
				link: "https://wire.example/library-d",
				outcome: "blocked",
				rule: { scope: "source", id: null, action: "block", field: "author", kind: "pattern", value: "^tom" },
			},
		]);
		expect(body.counts).toEqual({ kept: 1, blocked: 2, held: 0 });
		// A dry run stores nothing.
		expect(((await (await send("/api/sources/dry/rules", "GET")).json()) as SourceRules).rules).toEqual([]);
	});

	it("Should show held for what a review source would keep", async () => {
		const url = "https://dryheld.example/rss";
		serveFeed(upstream, url, () => ENTRIES.slice(0, 2).map((e) => ({ ...e, guid: `h${e.guid}`, link: `${e.link}-h` })));
		await putSources([{ id: "dryheld", url, name: "Dry held", review: true }]);
		await runRefresh();
		const response = await send("/api/sources/dryheld/rules/test", "POST", { rules: [block("title", "kettles")] });
		const body = (await response.json()) as DryRunResponse;
		expect(body.items.map((i) => [i.outcome, i.note])).toEqual([
			["held", "its source holds new items for review"],
			["blocked", undefined],
		]);
		expect(body.counts).toEqual({ kept: 0, blocked: 1, held: 1 });
	});

	it("Should answer with no items for a source never fetched, and 400 naming a bad proposed pattern", async () => {
		await putSources([{ id: "fresh", url: "https://fresh.example/rss", name: "Fresh" }]);
		const empty = await send("/api/sources/fresh/rules/test", "POST", { rules: [] });
		expect(await empty.json()).toEqual({
			sourceId: "fresh",
			fetchedAt: null,
			items: [],
			counts: { kept: 0, blocked: 0, held: 0 },
		});
		const bad = await send("/api/sources/fresh/rules/test", "POST", { rules: [block("title", "[z-a]", "pattern")] });
		expect(bad.status).toBe(400);
		expect(await bad.json()).toEqual({
			error: "invalid rules",
			issues: [{ path: "rules.0.value", message: "rule 0: not a valid pattern: invalid character class range: `z-a`" }],
		});
	});
});
