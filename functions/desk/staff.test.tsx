// Staff, tokens and audit pages through the real Worker: who may open them, and their form posts.
import { describe, expect, it } from "vitest";
import { asStaff, postForm, signedIn } from "../../test/desk-session";
import { adminHeaders, request } from "../../test/helpers";

describe("the staff page", () => {
	it("Should be an admin's only: 403 in the newsroom shell for an editor", async () => {
		const editor = await signedIn("editor");
		const response = await asStaff(editor, "/admin/staff");
		expect(response.status).toBe(403);
		expect(await response.text()).toContain("edgewire <span>newsroom</span>");
		expect((await request("/admin/staff", { redirect: "manual" })).status).toBe(302);
	});

	it("Should add a person, show a taken email beside the field, change a role and issue a sign-in link", async () => {
		const admin = await signedIn("admin");
		const email = `new-${crypto.randomUUID().slice(0, 8)}@example.org`;
		const added = await postForm(admin, "/admin/staff", { email, name: "Nia New", role: "contributor" });
		expect(added.status).toBe(303);
		const again = await postForm(admin, "/admin/staff", { email, name: "Nia Again", role: "contributor" });
		expect(again.status).toBe(409);
		expect(await again.text()).toMatch(/id="staff-email"[^>]*aria-invalid="true"/);
		const bad = await postForm(admin, "/admin/staff", { email: "not an email", name: "", role: "chief" });
		expect(bad.status).toBe(400);
		const badHtml = await bad.text();
		for (const id of ["staff-email-error", "staff-name-error", "staff-role-error"])
			expect(badHtml).toContain(`id="${id}"`);
		const page = await (await asStaff(admin, "/admin/staff?done=added")).text();
		expect(page).toContain("Added.");
		expect(page).toContain(email);
		const { staff } = (await (await request("/api/staff", { headers: adminHeaders() })).json()) as {
			staff: { id: string; email: string }[];
		};
		const staffId = staff.find((person) => person.email === email)?.id ?? "";
		expect((await postForm(admin, `/admin/staff/${staffId}/role`, { role: "editor" })).status).toBe(303);
		const link = await postForm(admin, `/admin/staff/${staffId}/sign-in-link`, {});
		expect(link.status).toBe(201);
		expect(link.headers.get("cache-control")).toBe("no-store");
		expect(await link.text()).toMatch(/value="http:\/\/edgewire\.test\/admin\/sign-in\/link\?token=[^"]+"/);
	});
});

describe("the tokens page", () => {
	it("Should create a token up to the person's role, show its secret once, list and revoke it", async () => {
		const contributor = await signedIn("contributor");
		const above = await postForm(contributor, "/admin/tokens", { name: "too strong", role: "editor" });
		expect(above.status).toBe(403);
		expect(await above.text()).toContain('id="token-role-error"');
		const created = await postForm(contributor, "/admin/tokens", { name: "wire import", role: "contributor" });
		expect(created.status).toBe(201);
		const html = await created.text();
		const token = /id="new-token" type="text" class="secret" value="([^"]+)"/.exec(html)?.[1] ?? "";
		expect(token).toMatch(/^ew_/);
		const listed = await (await asStaff(contributor, "/admin/tokens")).text();
		expect(listed).toContain("wire import");
		expect(listed).not.toContain(token);
		const tokenId = /action="\/admin\/tokens\/([^/]+)\/revoke"/.exec(listed)?.[1] ?? "";
		expect((await request("/api/tokens", { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
		expect((await postForm(contributor, `/admin/tokens/${tokenId}/revoke`, {})).status).toBe(303);
		expect((await request("/api/tokens", { headers: { authorization: `Bearer ${token}` } })).status).toBe(401);
	});
});

describe("the audit page", () => {
	it("Should show an admin the changes made from the newsroom's pages, and refuse an editor", async () => {
		const editor = await signedIn("editor", "Audrey Auditee");
		const slug = `audited-${crypto.randomUUID().slice(0, 8)}`;
		await postForm(editor, "/admin/articles/new", { slug, title: "Audited", body: "Text.", intent: "draft" });
		expect((await asStaff(editor, "/admin/audit")).status).toBe(403);
		const admin = await signedIn("admin");
		const html = await (await asStaff(admin, "/admin/audit")).text();
		expect(html).toContain("Audrey Auditee");
		expect(html).toContain("POST /admin/articles/new");
		expect(html).toContain(`draft ${slug}`);
	});
});
