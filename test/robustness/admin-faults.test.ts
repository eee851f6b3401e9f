// Fault injection (issue #5) on admin writes and reads: KV write errors at each step of a publish,
// replace and delete, and KV read errors and corrupt values on every read path. The request must
// fail cleanly (a JSON or HTML error, never a crash) and the data stored before must be intact.
import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { app } from "../../functions/index";
import { forgetHeadlines } from "../../src/kv/headlines";
import { ADMIN_TOKEN, adminHeaders, minutesAgo, ORIGIN, putArticle, request, sampleArticle } from "../helpers";
import { expectCleanError, failWrite, getWith, storedState } from "./faults";
import { type Fault, instrumentKv, withStoreKv } from "./instrumented-kv";

const STEADY = minutesAgo(90);

beforeAll(async () => {
	for (const slug of ["fault-existing", "fault-other"]) {
		expect((await putArticle(slug, sampleArticle({ title: `Steady ${slug}`, publishedAt: STEADY }))).status).toBe(201);
	}
});

type AdminWrite = { name: string; act: () => Promise<Response> };

const ADMIN_WRITES: AdminWrite[] = [
	{
		name: "publishing a new article",
		act: () => putArticle("fault-new", sampleArticle({ publishedAt: minutesAgo(2) })),
	},
	{
		name: "replacing an article",
		act: () => putArticle("fault-existing", sampleArticle({ title: "Rewritten", publishedAt: minutesAgo(3) })),
	},
	{
		name: "deleting an article",
		act: () => request("/api/articles/fault-existing", { method: "DELETE", headers: adminHeaders() }),
	},
];

describe("admin writes under KV faults", () => {
	// Each admin write is two KV writes in the StoreWriter: the article record, then the index.
	for (const write of ADMIN_WRITES) {
		for (const step of [1, 2]) {
			it(`Should fail ${write.name} cleanly and keep the earlier data when KV write ${step} of 2 fails once`, async () => {
				const before = await storedState();
				const faulty = instrumentKv(env.NEWS, failWrite(step));
				const response = await withStoreKv(faulty.kv, write.act);
				await expectCleanError(response);
				expect(faulty.count("list")).toBe(0);
				expect(await storedState()).toEqual(before);
			});
		}
	}

	it("Should succeed on retry once KV recovers, exactly as without the fault", async () => {
		const faulty = instrumentKv(env.NEWS, failWrite(2));
		await withStoreKv(faulty.kv, () =>
			putArticle("fault-retry", sampleArticle({ title: "Retried", publishedAt: minutesAgo(4) })),
		);
		const retried = await putArticle("fault-retry", sampleArticle({ title: "Retried", publishedAt: minutesAgo(4) }));
		expect(retried.status).toBe(201);
		forgetHeadlines();
		const { headlines } = (await (await request("/api/headlines?limit=100")).json()) as {
			headlines: { slug: string }[];
		};
		expect(headlines.filter((h) => h.slug === "fault-retry")).toHaveLength(1);
	});
});

describe("reads under KV faults", () => {
	const throwing: Fault = (call) => ({ error: new Error(`injected: KV ${call.op} ${call.key}`) });
	const corrupt =
		(key: string, value: string): Fault =>
		(call) =>
			call.key === key ? { value } : undefined;

	it.each([
		"/",
		"/api/headlines",
		"/articles/fault-other",
		"/api/articles/fault-other",
		"/sections/business",
		"/feed.xml",
	])("Should answer %s with a clean 500 when KV reads throw", async (path) => {
		const response = await getWith(throwing, path);
		expect(response.status).toBe(500);
		const body = await response.text();
		if (path.startsWith("/api/")) expect(JSON.parse(body)).toHaveProperty("error");
		else if (!path.endsWith(".xml")) expect(body).toContain("</html>");
	});

	it.each(["not json {", '{"updatedAt":"2026-01-01T00:00:00Z","headlines":"none"}', "null", "\u0000\u00ff", "[]"])(
		"Should answer a clear 500 for a corrupt index (%j), never a broken page",
		async (value) => {
			const fault = corrupt("v1:headlines", value);
			const api = await getWith(fault, "/api/headlines");
			expect(api.status).toBe(500);
			expect(await api.json()).toEqual({ error: "the headlines index is unreadable" });
			const page = await getWith(fault, "/");
			expect(page.status).toBe(500);
			expect(await page.text()).toContain("The headlines are unreadable right now.");
		},
	);

	it.each(['{"slug":"fault-other","title":42}', "{", '"just a string"', '{"slug":"Not A Slug"}'])(
		"Should fail only the article whose record is corrupt (%j)",
		async (value) => {
			const fault = corrupt("v1:article:fault-other", value);
			const broken = await getWith(fault, "/articles/fault-other");
			expect(broken.status).toBe(500);
			expect(await broken.text()).toContain("This article is unreadable right now.");
			const json = await getWith(fault, "/api/articles/fault-other");
			expect(json.status).toBe(500);
			expect(await json.json()).toEqual({ error: "stored article 'fault-other' is unreadable" });
			const home = await getWith(fault, "/");
			expect(home.status).toBe(200);
			expect(await home.text()).toContain("fault-other");
		},
	);

	it("Should answer a clean 500 for a corrupt source list", async () => {
		const ctx = createExecutionContext();
		const bindings = { ...env, NEWS: instrumentKv(env.NEWS, corrupt("v1:sources", "{oops")).kv };
		const response = await app.fetch(
			new Request(`${ORIGIN}/api/sources`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } }),
			bindings,
			ctx,
		);
		await waitOnExecutionContext(ctx);
		await expectCleanError(response);
	});
});
