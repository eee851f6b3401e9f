// The article desk's API (issue 12): statuses that keep drafts from readers everywhere, the role
// boundaries, ETag preconditions, revisions with restore and autosave, the desk list and the preview.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { keys } from "../src/kv/keys";
import { asStaff, type SignedInStaff, signedIn } from "../test/desk-session";
import { adminHeaders, getJson, minutesAgo, putArticle, request, sampleArticle } from "../test/helpers";
import { settleStore } from "../test/limits";
import { signInAs, tokenHeaders } from "../test/staff";

/** A JSON request as `who`'s browser sends it (session cookie, this site's Origin on a write). */
function asPerson(who: SignedInStaff, path: string, init: RequestInit = {}): Promise<Response> {
	const headers = new Headers(init.headers);
	if (init.body !== undefined) headers.set("content-type", "application/json");
	return asStaff(who, path, { ...init, headers });
}

function save(who: SignedInStaff, slug: string, body: Record<string, unknown>, headers: Record<string, string> = {}) {
	return asPerson(who, `/api/articles/${slug}`, { method: "PUT", headers, body: JSON.stringify(body) });
}

function ownerPut(slug: string, body: Record<string, unknown>, headers: Record<string, string> = {}) {
	return request(`/api/articles/${slug}`, {
		method: "PUT",
		headers: adminHeaders(headers),
		body: JSON.stringify(body),
	});
}

async function deskCopy(slug: string): Promise<{ status: number; etag: string | null; body: any }> {
	const response = await request(`/api/articles/${slug}`, { headers: adminHeaders() });
	return { status: response.status, etag: response.headers.get("etag"), body: await response.json() };
}

describe("Drafts and articles in review", () => {
	it("Should keep a draft out of every reader surface, and show it to the desk", async () => {
		const month = minutesAgo(300 * 24 * 60).slice(0, 7);
		const draft = sampleArticle({
			title: "Quillwort survey draft",
			section: "Desk Drafts",
			publishedAt: minutesAgo(300 * 24 * 60),
			status: "draft",
		});
		expect((await ownerPut("quillwort-draft", draft)).status).toBe(201);
		await settleStore();

		expect(await env.NEWS.get(keys.article("quillwort-draft"))).toBeNull();
		expect((await request("/articles/quillwort-draft")).status).toBe(404);
		expect((await request("/api/articles/quillwort-draft")).status).toBe(404);
		const { body: headlines } = await getJson("/api/headlines?limit=100");
		expect(headlines.headlines.map((h: { slug: string }) => h.slug)).not.toContain("quillwort-draft");
		expect((await request("/sections/desk-drafts")).status).toBe(404);
		expect(await (await request("/sitemap.xml")).text()).not.toContain(`/sitemaps/${month}.xml`);
		expect((await request(`/sitemaps/${month}.xml`)).status).toBe(404);
		expect(await (await request("/feed.json")).text()).not.toContain("quillwort-draft");
		const { body: search } = await getJson("/api/search?q=quillwort");
		expect(search.results).toEqual([]);

		const copy = await deskCopy("quillwort-draft");
		expect(copy.status).toBe(200);
		expect(copy.body).toMatchObject({ slug: "quillwort-draft", status: "draft", revision: 1, scheduled: false });
		expect(copy.body.url).toBeUndefined();
		expect(copy.etag).toBe(copy.body.etag);
		expect(copy.body.body).toBe(draft.body);
	});

	it("Should take a published article off the site when it goes back to draft, and bring it back on publish", async () => {
		expect((await ownerPut("ferry-timetable", sampleArticle({ title: "Ferry timetable" }))).status).toBe(201);
		expect((await request("/api/articles/ferry-timetable")).status).toBe(200);
		const unpublished = await ownerPut("ferry-timetable", sampleArticle({ title: "Ferry timetable", status: "draft" }));
		expect(unpublished.status).toBe(200);
		expect(((await unpublished.json()) as { status: string }).status).toBe("draft");
		await settleStore();
		expect(await env.NEWS.get(keys.article("ferry-timetable"))).toBeNull();
		expect((await request("/articles/ferry-timetable")).status).toBe(404);
		const { body: headlines } = await getJson("/api/headlines?limit=100");
		expect(headlines.headlines.map((h: { slug: string }) => h.slug)).not.toContain("ferry-timetable");

		expect((await ownerPut("ferry-timetable", sampleArticle({ title: "Ferry timetable" }))).status).toBe(200);
		expect((await request("/api/articles/ferry-timetable")).status).toBe(200);
	});

	it("Should keep an article without a status published, as before statuses", async () => {
		const created = await putArticle("plain-put");
		expect(created.status).toBe(201);
		expect(await created.json()).toMatchObject({ status: "published", revision: 1 });
		expect((await request("/api/articles/plain-put")).status).toBe(200);
	});

	it("Should answer the public JSON to a request with only a stale session cookie", async () => {
		await putArticle("public-with-cookie");
		const response = await request("/api/articles/public-with-cookie", {
			headers: { cookie: "edgewire_session=long-gone" },
		});
		expect(response.status).toBe(200);
		// The same public JSON a request without the cookie gets.
		expect(((await response.json()) as { age?: string }).age).toBeDefined();
	});
});

describe("Who may do what", () => {
	it("Should let a contributor write drafts and submit them, and never publish", async () => {
		const contributor = await signedIn("contributor", "Cora Contributor");
		const editor = await signedIn("editor", "Eddie Editor");
		const body = sampleArticle({ title: "Tide tables explained", status: "draft" });

		expect((await save(contributor, "tide-tables", body)).status).toBe(201);
		const published = await save(contributor, "tide-tables", { ...body, status: "published" });
		expect(published.status).toBe(403);
		expect(((await published.json()) as { error: string }).error).toContain("an editor publishes");
		// Absent status means published: refused too.
		const { status: _s, ...noStatus } = body;
		expect((await save(contributor, "tide-tables", noStatus)).status).toBe(403);
		expect((await save(contributor, "tide-tables", { ...body, status: "review" })).status).toBe(200);
		expect((await request("/api/articles/tide-tables")).status).toBe(404);

		// The editor opens it, previews and publishes it.
		const opened = await asPerson(editor, "/api/articles/tide-tables");
		expect(opened.status).toBe(200);
		// A draft read by session cookie alone must never reach a shared cache.
		expect(opened.headers.get("cache-control")).toBe("private, no-store");
		expect(await opened.json()).toMatchObject({ status: "review", owner: { name: "Cora Contributor" } });
		expect((await save(editor, "tide-tables", { ...body, status: "published" })).status).toBe(200);
		expect((await request("/api/articles/tide-tables")).status).toBe(200);

		// Now published: the contributor may no longer change or delete it.
		const edit = await save(contributor, "tide-tables", { ...body, title: "Changed", status: "draft" });
		expect(edit.status).toBe(403);
		expect(((await edit.json()) as { error: string }).error).toContain("published");
		expect((await asPerson(contributor, "/api/articles/tide-tables", { method: "DELETE" })).status).toBe(403);
		const { body: still } = await getJson("/api/articles/tide-tables");
		expect(still.title).toBe("Tide tables explained");
	});

	it("Should keep a contributor out of someone else's draft and let them delete only their own", async () => {
		const cora = await signedIn("contributor", "Cora");
		const carl = await signedIn("contributor", "Carl");
		const draft = sampleArticle({ title: "Cora's notes", status: "draft" });
		expect((await save(cora, "coras-notes", draft)).status).toBe(201);

		expect((await save(carl, "coras-notes", { ...draft, title: "Carl was here" })).status).toBe(403);
		expect((await asPerson(carl, "/api/articles/coras-notes")).status).toBe(403);
		expect((await asPerson(carl, "/api/articles/coras-notes/revisions")).status).toBe(403);
		expect((await asPerson(carl, "/api/articles/coras-notes", { method: "DELETE" })).status).toBe(403);
		// An article the owner token created has no owner: a contributor cannot take it over either.
		expect((await ownerPut("owners-draft", { ...draft, title: "Owner's draft" })).status).toBe(201);
		expect((await save(cora, "owners-draft", draft)).status).toBe(403);

		// A published article is open to everyone; its history, with others' edits, is not.
		expect((await putArticle("public-history")).status).toBe(201);
		expect((await asPerson(carl, "/api/articles/public-history")).status).toBe(200);
		expect((await asPerson(carl, "/api/articles/public-history/revisions")).status).toBe(403);
		expect((await asPerson(carl, "/api/articles/public-history/revisions/1")).status).toBe(403);
		expect((await asPerson(cora, "/api/articles/coras-notes/revisions")).status).toBe(200);

		expect((await asPerson(cora, "/api/articles/coras-notes", { method: "DELETE" })).status).toBe(204);
		expect((await deskCopy("coras-notes")).status).toBe(404);
	});

	it("Should hold a contributor's API token to the same rules as their session", async () => {
		const contributor = await signInAs("contributor");
		const body = sampleArticle({ title: "By token", status: "draft" });
		const put = (slug: string, article: Record<string, unknown>) =>
			request(`/api/articles/${slug}`, {
				method: "PUT",
				headers: tokenHeaders(contributor.token),
				body: JSON.stringify(article),
			});
		expect((await put("by-token", body)).status).toBe(201);
		expect((await put("by-token", { ...body, status: "published" })).status).toBe(403);
		expect((await putArticle("published-by-owner")).status).toBe(201);
		const overPublished = await put("published-by-owner", { ...body, status: "draft" });
		expect(overPublished.status).toBe(403);
		expect((await getJson("/api/articles/published-by-owner")).status).toBe(200);
		const copy = await request("/api/articles/by-token", { headers: tokenHeaders(contributor.token) });
		expect(await copy.json()).toMatchObject({ status: "draft", owner: { staffId: contributor.staffId } });
	});

	it("Should let an editor edit, schedule, unpublish and delete anyone's article", async () => {
		const cora = await signedIn("contributor");
		const editor = await signedIn("editor");
		const draft = sampleArticle({ title: "Harbour lights", status: "draft" });
		expect((await save(cora, "harbour-lights", draft)).status).toBe(201);
		const later = new Date(Date.now() + 3_600_000).toISOString();
		const scheduled = await save(editor, "harbour-lights", { ...draft, status: "published", publishedAt: later });
		expect(scheduled.status).toBe(200);
		expect(await scheduled.json()).toMatchObject({ status: "published", scheduled: true });
		expect((await request("/api/articles/harbour-lights")).status).toBe(404);
		expect((await save(editor, "harbour-lights", { ...draft, status: "draft" })).status).toBe(200);
		expect((await asPerson(editor, "/api/articles/harbour-lights", { method: "DELETE" })).status).toBe(204);
	});
});

describe("Conflicts", () => {
	it("Should refuse a PUT whose If-Match no longer matches with 412 naming the current revision", async () => {
		expect((await putArticle("pier-repairs")).status).toBe(201);
		const first = await deskCopy("pier-repairs");
		expect(first.etag).toMatch(/^"v1\./);

		const mine = await ownerPut("pier-repairs", sampleArticle({ title: "Mine" }), { "if-match": first.etag ?? "" });
		expect(mine.status).toBe(200);
		expect(mine.headers.get("etag")).not.toBe(first.etag);

		const theirs = await ownerPut("pier-repairs", sampleArticle({ title: "Theirs" }), { "if-match": first.etag ?? "" });
		expect(theirs.status).toBe(412);
		const error = (await theirs.json()) as { error: string; issues: { path: string; message: string }[] };
		expect(error.error).toContain("revision 2");
		expect(error.issues[0]?.path).toBe("If-Match");
		expect((await getJson("/api/articles/pier-repairs")).body.title).toBe("Mine");
	});

	it("Should let exactly one of two simultaneous saves against the same ETag through", async () => {
		await putArticle("race-story");
		const { etag } = await deskCopy("race-story");
		const statuses = await Promise.all(
			["Left", "Right"].map(async (title) => {
				const response = await ownerPut("race-story", sampleArticle({ title }), { "if-match": etag ?? "" });
				return response.status;
			}),
		);
		expect(statuses.sort()).toEqual([200, 412]);
	});

	it("Should create with If-None-Match: * only when the slug is free", async () => {
		const body = sampleArticle({ title: "Brand new", status: "draft" });
		expect((await ownerPut("brand-new", body, { "if-none-match": "*" })).status).toBe(201);
		const again = await ownerPut("brand-new", { ...body, title: "Overwrite" }, { "if-none-match": "*" });
		expect(again.status).toBe(412);
		expect((await deskCopy("brand-new")).body.title).toBe("Brand new");
	});

	it("Should answer 304 to a desk read whose If-None-Match is the current ETag", async () => {
		await putArticle("etag-read");
		const { etag } = await deskCopy("etag-read");
		const response = await request("/api/articles/etag-read", {
			headers: adminHeaders({ "if-none-match": etag ?? "" }),
		});
		expect(response.status).toBe(304);
	});
});

describe("Revisions", () => {
	it("Should keep a revision per save, list them newest first, and restore one as a new revision", async () => {
		for (const title of ["One", "Two", "Three"]) await ownerPut("kelp-farm", sampleArticle({ title }));
		const { body: list } = await getJson<any>("/api/articles/kelp-farm/revisions").catch(() => ({ body: null }));
		expect(list?.revisions).toBeUndefined(); // unauthenticated: 401, not a list
		const listed = await request("/api/articles/kelp-farm/revisions", { headers: adminHeaders() });
		expect(listed.status).toBe(200);
		const { revisions } = (await listed.json()) as { revisions: { n: number; title: string; by: any }[] };
		expect(revisions.map((r) => [r.n, r.title])).toEqual([
			[3, "Three"],
			[2, "Two"],
			[1, "One"],
		]);
		expect(revisions[0]?.by).toEqual({ staffId: null, name: "owner (ADMIN_TOKEN)" });

		const one = await request("/api/articles/kelp-farm/revisions/1", { headers: adminHeaders() });
		expect(((await one.json()) as { fields: { title: string } }).fields.title).toBe("One");
		expect((await request("/api/articles/kelp-farm/revisions/9", { headers: adminHeaders() })).status).toBe(404);

		const restored = await request("/api/articles/kelp-farm/revisions/1/restore", {
			method: "POST",
			headers: adminHeaders(),
		});
		expect(restored.status).toBe(200);
		expect(await restored.json()).toMatchObject({ title: "One", revision: 4, status: "published" });
		expect((await getJson("/api/articles/kelp-farm")).body.title).toBe("One");
	});

	it("Should refuse a restore whose If-Match is stale", async () => {
		await ownerPut("restore-stale", sampleArticle({ title: "A" }));
		const { etag } = await deskCopy("restore-stale");
		await ownerPut("restore-stale", sampleArticle({ title: "B" }));
		const response = await request("/api/articles/restore-stale/revisions/1/restore", {
			method: "POST",
			headers: adminHeaders({ "if-match": etag ?? "" }),
		});
		expect(response.status).toBe(412);
	});

	it("Should coalesce one person's autosaves into one revision, and start a new one after a real save", async () => {
		const cora = await signedIn("contributor");
		const body = sampleArticle({ title: "Draft 1", status: "draft" });
		await save(cora, "autosaved", body);
		await save(cora, "autosaved", { ...body, title: "Draft 2" }, { "x-autosave": "1" });
		await save(cora, "autosaved", { ...body, title: "Draft 3" }, { "x-autosave": "1" });
		await asPerson(cora, "/api/articles/autosaved?autosave=1", {
			method: "PUT",
			body: JSON.stringify({ ...body, title: "Draft 4" }),
		});
		const etagBefore = (await deskCopy("autosaved")).etag;
		await save(cora, "autosaved", { ...body, title: "Draft 5" });
		await save(cora, "autosaved", { ...body, title: "Draft 6" }, { "x-autosave": "1" });
		const listed = await asPerson(cora, "/api/articles/autosaved/revisions");
		const { revisions } = (await listed.json()) as { revisions: { n: number; title: string; autosave: boolean }[] };
		expect(revisions.map((r) => [r.n, r.title, r.autosave])).toEqual([
			[4, "Draft 6", true],
			[3, "Draft 5", false],
			[2, "Draft 4", true],
			[1, "Draft 1", false],
		]);
		// Every save moves the ETag, coalesced or not.
		expect((await deskCopy("autosaved")).etag).not.toBe(etagBefore);
	});

	it("Should forget an article's revisions when it is deleted", async () => {
		await ownerPut("short-lived", sampleArticle({ title: "Gone soon" }));
		await request("/api/articles/short-lived", { method: "DELETE", headers: adminHeaders() });
		await ownerPut("short-lived", sampleArticle({ title: "Fresh start" }));
		const listed = await request("/api/articles/short-lived/revisions", { headers: adminHeaders() });
		const { revisions } = (await listed.json()) as { revisions: { title: string }[] };
		expect(revisions.map((r) => r.title)).toEqual(["Fresh start"]);
	});
});

describe("GET /api/articles (the desk list)", () => {
	it("Should need a credential", async () => {
		expect((await request("/api/articles")).status).toBe(401);
	});

	it("Should filter by status, section, author and title words, newest change first, in pages", async () => {
		const cora = await signedIn("contributor", "Cora Lister");
		const carl = await signedIn("contributor", "Carl Lister");
		const later = new Date(Date.now() + 3_600_000).toISOString();
		await ownerPut("list-live", sampleArticle({ title: "Listed live", section: "Listings" }));
		await ownerPut("list-later", sampleArticle({ title: "Listed later", publishedAt: later, section: "Listings" }));
		await save(cora, "list-cora", sampleArticle({ title: "Cora's listed draft", status: "draft" }));
		await save(carl, "list-carl", sampleArticle({ title: "Carl's listed draft", status: "review" }));

		const all = await request("/api/articles?limit=100", { headers: adminHeaders() });
		const slugs = ((await all.json()) as { articles: { slug: string }[] }).articles.map((a) => a.slug);
		expect(slugs.indexOf("list-carl")).toBeLessThan(slugs.indexOf("list-live"));

		const ofStatus = async (status: string) => {
			const response = await request(`/api/articles?status=${status}&limit=100`, { headers: adminHeaders() });
			return ((await response.json()) as { articles: { slug: string }[] }).articles.map((a) => a.slug);
		};
		expect(await ofStatus("draft")).toContain("list-cora");
		expect(await ofStatus("draft")).not.toContain("list-carl");
		expect(await ofStatus("review")).toContain("list-carl");
		expect(await ofStatus("scheduled")).toContain("list-later");
		expect(await ofStatus("scheduled")).not.toContain("list-live");
		expect(await ofStatus("published")).toContain("list-live");
		expect(await ofStatus("published")).not.toContain("list-later");

		const section = await request("/api/articles?section=listings", { headers: adminHeaders() });
		const inSection = ((await section.json()) as { articles: { slug: string }[] }).articles.map((a) => a.slug);
		expect(inSection.sort()).toEqual(["list-later", "list-live"]);
		const byAuthor = await request("/api/articles?author=ines%20marlow&q=listed%20l", { headers: adminHeaders() });
		const authored = ((await byAuthor.json()) as { articles: { slug: string }[] }).articles.map((a) => a.slug);
		expect(authored.sort()).toEqual(["list-later", "list-live"]);

		// A contributor sees published articles and their own, never another's draft.
		const mine = await asPerson(cora, "/api/articles?limit=100");
		const seen = ((await mine.json()) as { articles: { slug: string; status: string }[] }).articles;
		expect(seen.map((a) => a.slug)).toContain("list-cora");
		expect(seen.map((a) => a.slug)).toContain("list-live");
		expect(seen.map((a) => a.slug)).not.toContain("list-carl");

		// Paging: one at a time, each page's `next` walks on without repeating or skipping.
		const walked: string[] = [];
		let next: string | undefined;
		do {
			const response = await request(`/api/articles?limit=1${next ? `&cursor=${next}` : ""}`, {
				headers: adminHeaders(),
			});
			const page = (await response.json()) as { articles: { slug: string }[]; next?: string };
			walked.push(...page.articles.map((a) => a.slug));
			next = page.next;
		} while (next);
		expect(walked).toEqual(slugs);
	});

	it("Should answer 400 to an unknown filter or a bad cursor", async () => {
		expect((await request("/api/articles?state=draft", { headers: adminHeaders() })).status).toBe(400);
		expect((await request("/api/articles?status=gone", { headers: adminHeaders() })).status).toBe(400);
		expect((await request("/api/articles?cursor=nope", { headers: adminHeaders() })).status).toBe(400);
	});
});

describe("POST /api/preview", () => {
	it("Should render the article as its page would, storing nothing", async () => {
		const response = await request("/api/preview", {
			method: "POST",
			headers: adminHeaders(),
			body: JSON.stringify(
				sampleArticle({ title: "Preview only", body: "Hello **there**<script>alert(1)</script>", status: "draft" }),
			),
		});
		expect(response.status).toBe(200);
		const { html } = (await response.json()) as { html: string };
		expect(html).toMatch(/^<article>/);
		expect(html).toContain("<h1>Preview only</h1>");
		expect(html).toContain("<strong>there</strong>");
		expect(html).not.toContain("<script>");
		expect((await deskCopy("preview")).status).toBe(404);
	});

	it("Should name each invalid field, and need a credential", async () => {
		const bad = await request("/api/preview", {
			method: "POST",
			headers: adminHeaders(),
			body: JSON.stringify({ ...sampleArticle(), title: "", image: { url: "http://x.example/a.jpg", alt: "" } }),
		});
		expect(bad.status).toBe(400);
		const { issues } = (await bad.json()) as { issues: { path: string }[] };
		expect(issues.map((i) => i.path).sort()).toEqual(["image.url", "title"]);
		const anonymous = await request("/api/preview", {
			method: "POST",
			headers: { "content-type": "application/json" },
			body: JSON.stringify(sampleArticle()),
		});
		expect(anonymous.status).toBe(401);
	});
});

describe("A save too large for its row", () => {
	it("Should refuse (413, naming the body) an article whose JSON-escaped row would pass 2 MB, keeping what was stored", async () => {
		await putArticle("desk-escaped-body", sampleArticle({ title: "Kept as it was" }));
		// 170,000 lone surrogates: 1 MB of request, but six bytes each in the stored body and again in its HTML.
		const body = JSON.stringify(sampleArticle({ title: "Too big to store", body: "\ud800".repeat(170_000) }));
		expect(body.length).toBeLessThan(1024 * 1024);
		const response = await request("/api/articles/desk-escaped-body", { method: "PUT", headers: adminHeaders(), body });
		expect(response.status).toBe(413);
		const problem = (await response.json()) as { error: string; issues: { path: string }[] };
		expect(problem.error).toMatch(/too large/);
		expect(problem.issues.map((issue) => issue.path)).toEqual(["body"]);
		expect((await getJson<{ title: string }>("/api/articles/desk-escaped-body")).body.title).toBe("Kept as it was");
	});
});
