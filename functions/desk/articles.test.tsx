// The article desk's pages through the real Worker: the list and its filters, the editor without script
// (errors beside their fields, role-aware buttons, saving, conflicts), revisions, and who may see what.
import { describe, expect, it } from "vitest";
import { DESK_CSP } from "../../src/views/desk/csp";
import { asStaff, postForm, signedIn } from "../../test/desk-session";
import { request } from "../../test/helpers";

function fields(overrides: Record<string, string> = {}): Record<string, string> {
	return {
		title: "Harbour cranes return",
		slug: `cranes-${crypto.randomUUID().slice(0, 8)}`,
		body: "The cranes are back.\n\nLoading times should fall.",
		section: "business",
		authorName: "Ines Marlow",
		intent: "draft",
		...overrides,
	};
}

function slugFromLocation(response: Response): string {
	return /\/admin\/articles\/([a-z0-9-]+)/.exec(response.headers.get("location") ?? "")?.[1] ?? "";
}

describe("the article desk's pages", () => {
	it("Should send a visitor without a session to the sign-in page", async () => {
		const response = await request("/admin", { redirect: "manual" });
		expect(response.status).toBe(302);
		expect(response.headers.get("location")).toContain("/admin/sign-in");
	});

	it("Should refuse a form post from another origin", async () => {
		const contributor = await signedIn("contributor");
		const response = await asStaff(contributor, "/admin/articles/new", {
			method: "POST",
			headers: { origin: "https://evil.example", "content-type": "application/x-www-form-urlencoded" },
			body: new URLSearchParams(fields()).toString(),
		});
		expect(response.status).toBe(403);
	});

	it("Should render the list in the newsroom shell under the desk CSP, with the nav the role allows", async () => {
		const contributor = await signedIn("contributor", "Casey Contributor");
		const response = await asStaff(contributor, "/admin");
		expect(response.status).toBe(200);
		expect(response.headers.get("content-security-policy")).toBe(DESK_CSP);
		const html = await response.text();
		expect(html).toContain("Casey Contributor");
		expect(html).toContain('href="/admin/articles/new"');
		expect(html).toContain('action="/admin/sign-out"');
		expect(html).not.toContain('href="/admin/staff"');
		expect(html).not.toContain('href="/admin/audit"');
		const admin = await signedIn("admin");
		const adminHtml = await (await asStaff(admin, "/admin")).text();
		expect(adminHtml).toContain('href="/admin/staff"');
		expect(adminHtml).toContain('href="/admin/audit"');
	});

	it("Should show a validation error beside the field it names and keep what was typed", async () => {
		const contributor = await signedIn("contributor");
		const response = await postForm(
			contributor,
			"/admin/articles/new",
			fields({ title: "", imageUrl: "http://insecure.example/a.jpg" }),
		);
		expect(response.status).toBe(400);
		const html = await response.text();
		expect(html).toMatch(/<input id="title"[^>]*aria-invalid="true"[^>]*aria-describedby="title-error"/);
		expect(html).toContain('id="title-error"');
		expect(html).toMatch(/id="imageUrl"[^>]*aria-invalid="true"/);
		expect(html).toContain('id="imageUrl-error"');
		expect(html).toContain("The cranes are back.");
	});

	it("Should save a contributor's draft and submission without script, and list it under its status", async () => {
		const contributor = await signedIn("contributor");
		const saved = await postForm(contributor, "/admin/articles/new", fields());
		expect(saved.status).toBe(303);
		const slug = slugFromLocation(saved);
		const page = await (await asStaff(contributor, `/admin/articles/${slug}?saved=draft`)).text();
		expect(page).toContain("Draft saved.");
		expect(page).toContain('value="review"');
		expect(page).not.toContain('value="publish"');
		const etag = /name="etag" value="([^"]+)"/.exec(page)?.[1]?.replaceAll("&quot;", '"') ?? "";
		const submitted = await postForm(contributor, `/admin/articles/${slug}`, fields({ slug, intent: "review", etag }));
		expect(submitted.status).toBe(303);
		const listed = await (await asStaff(contributor, "/admin?status=review")).text();
		expect(listed).toContain(`/admin/articles/${slug}`);
		const drafts = await (await asStaff(contributor, "/admin?status=draft")).text();
		expect(drafts).not.toContain(`/admin/articles/${slug}"`);
		// Never public while in review.
		expect((await request(`/articles/${slug}`)).status).toBe(404);
	});

	it("Should let an editor schedule in the site's time zone and publish, showing the public URL", async () => {
		const editor = await signedIn("editor");
		const created = await postForm(editor, "/admin/articles/new", fields());
		const slug = slugFromLocation(created);
		const page = await (await asStaff(editor, `/admin/articles/${slug}`)).text();
		expect(page).toContain('value="publish"');
		expect(page).toContain('value="schedule"');
		const etag = /name="etag" value="([^"]+)"/.exec(page)?.[1]?.replaceAll("&quot;", '"') ?? "";
		const past = await postForm(
			editor,
			`/admin/articles/${slug}`,
			fields({ slug, intent: "schedule", publishAt: "2020-01-01T09:00", etag }),
		);
		expect(past.status).toBe(400);
		expect(await past.text()).toContain('id="publishAt-error"');
		const published = await postForm(editor, `/admin/articles/${slug}`, fields({ slug, intent: "publish", etag }));
		expect(published.status).toBe(303);
		const after = await (await asStaff(editor, `/admin/articles/${slug}?saved=publish`)).text();
		expect(after).toContain(`/articles/${slug}`);
		expect(after).toContain('value="unpublish"');
		expect((await request(`/articles/${slug}`)).status).toBe(200);
	});

	it("Should answer a stale save with the conflict view and keep the posted text", async () => {
		const editor = await signedIn("editor", "Eddie Editor");
		const created = await postForm(editor, "/admin/articles/new", fields());
		const slug = slugFromLocation(created);
		const page = await (await asStaff(editor, `/admin/articles/${slug}`)).text();
		const etag = /name="etag" value="([^"]+)"/.exec(page)?.[1]?.replaceAll("&quot;", '"') ?? "";
		expect(
			(await postForm(editor, `/admin/articles/${slug}`, fields({ slug, etag, body: "First save." }))).status,
		).toBe(303);
		const stale = await postForm(editor, `/admin/articles/${slug}`, fields({ slug, etag, body: "My other text." }));
		expect(stale.status).toBe(412);
		const html = await stale.text();
		expect(html).toContain("Someone else saved this article");
		expect(html).toContain("My other text.");
		expect(html).toMatch(/<del>[\s\S]*First save\./);
		// The form carries their ETag now, so editor.js keeps autosave off until a button is pressed.
		expect(html).toMatch(/<form id="editor-form"[^>]*data-conflict="true"/);
		expect(page).not.toContain("data-conflict");
	});

	it("Should list revisions, compare one with the current text and restore it", async () => {
		const editor = await signedIn("editor");
		const created = await postForm(editor, "/admin/articles/new", fields({ body: "Version one." }));
		const slug = slugFromLocation(created);
		let page = await (await asStaff(editor, `/admin/articles/${slug}`)).text();
		const etag = /name="etag" value="([^"]+)"/.exec(page)?.[1]?.replaceAll("&quot;", '"') ?? "";
		await postForm(editor, `/admin/articles/${slug}`, fields({ slug, etag, body: "Version two." }));
		page = await (await asStaff(editor, `/admin/articles/${slug}?compare=1`)).text();
		expect(page).toContain("Revision 1 against the current text");
		expect(page).toMatch(/<del>[\s\S]*Version one\./);
		const restored = await asStaff(editor, `/admin/articles/${slug}/revisions/1/restore`, { method: "POST" });
		expect(restored.status).toBe(303);
		page = await (await asStaff(editor, `/admin/articles/${slug}?saved=restored`)).text();
		expect(page).toContain("Revision restored");
		expect(page).toContain("Version one.");
	});

	it("Should render the preview with the site's renderer and sanitizer when Preview is pressed", async () => {
		const contributor = await signedIn("contributor");
		const response = await postForm(
			contributor,
			"/admin/articles/new",
			fields({ intent: "preview", body: "Hello **world** <script>alert(1)</script>" }),
		);
		expect(response.status).toBe(200);
		const html = await response.text();
		expect(html).toContain("<strong>world</strong>");
		expect(html).not.toContain("<script>alert");
	});

	it("Should filter the list by search text and show a bad filter as a message", async () => {
		const editor = await signedIn("editor");
		const word = `zebra${crypto.randomUUID().slice(0, 6)}`;
		const created = await postForm(editor, "/admin/articles/new", fields({ title: `The ${word} crossing` }));
		const slug = slugFromLocation(created);
		const found = await (await asStaff(editor, `/admin?q=${word}`)).text();
		expect(found).toContain(`/admin/articles/${slug}`);
		const bad = await asStaff(editor, "/admin?status=lost");
		expect(bad.status).toBe(400);
		expect(await bad.text()).toContain("That filter cannot be used");
	});

	it("Should show a 404 in the newsroom shell for an unknown article", async () => {
		const editor = await signedIn("editor");
		const response = await asStaff(editor, "/admin/articles/no-such-story");
		expect(response.status).toBe(404);
		expect(await response.text()).toContain("edgewire <span>newsroom</span>");
	});
});

describe("the editor without script", () => {
	it("Should take a blank slug from the title", async () => {
		const contributor = await signedIn("contributor");
		const word = crypto
			.randomUUID()
			.slice(0, 6)
			.replace(/[^a-z0-9]/g, "x");
		const saved = await postForm(contributor, "/admin/articles/new", fields({ slug: "", title: `Café opens ${word}` }));
		expect(saved.status).toBe(303);
		expect(slugFromLocation(saved)).toBe(`cafe-opens-${word}`);
	});
});

describe("a form post after the session ended", () => {
	it("Should answer 401 in the newsroom shell with a way to sign in again", async () => {
		const response = await request("/admin/articles/new", {
			method: "POST",
			headers: {
				origin: "http://edgewire.test",
				"content-type": "application/x-www-form-urlencoded",
				cookie: "edgewire_session=gone",
			},
			body: "title=x",
		});
		expect(response.status).toBe(401);
		expect(await response.text()).toContain('href="/admin/sign-in"');
	});
});

describe("roles on the editor", () => {
	it("Should lock a published article for a contributor, refuse their post, and hide another's draft", async () => {
		const editor = await signedIn("editor");
		const contributor = await signedIn("contributor");
		const other = await signedIn("contributor");
		const published = await postForm(editor, "/admin/articles/new", fields({ intent: "publish" }));
		const slug = slugFromLocation(published);
		const page = await (await asStaff(contributor, `/admin/articles/${slug}`)).text();
		expect(page).toContain("only an editor can change it");
		expect(page).not.toContain('value="update"');
		const refused = await postForm(contributor, `/admin/articles/${slug}`, fields({ slug, intent: "review" }));
		expect(refused.status).toBe(403);
		expect(await refused.text()).toContain("Not saved:");
		const draft = slugFromLocation(await postForm(contributor, "/admin/articles/new", fields()));
		expect((await asStaff(other, `/admin/articles/${draft}`)).status).toBe(403);
		expect(await (await asStaff(other, "/admin?status=draft")).text()).not.toContain(`/admin/articles/${draft}"`);
	});
});
