// Staff accounts through the API: the owner's ADMIN_TOKEN creates the first admin; every staff
// route needs an admin, whether by session or token; emails are unique in any case; the last
// active admin cannot be demoted or removed; removing a person ends every credential of theirs; ending a person's sessions signs them out everywhere.

import * as v from "valibot";
import { describe, expect, it } from "vitest";
import { Staff, StaffList } from "../src/schemas/staff";
import { adminHeaders, request } from "../test/helpers";
import { createStaff, sessionHeaders, signInAs, startSession, tokenHeaders } from "../test/staff";

describe("staff accounts", () => {
	it("Should create the first admin with the owner's token, and answer 409 to the same email in another case", async () => {
		const email = `First.Admin-${crypto.randomUUID().slice(0, 6)}@Edgewire.test`;
		const created = await request("/api/staff", {
			method: "POST",
			headers: adminHeaders(),
			body: JSON.stringify({ email, name: "First Admin", role: "admin" }),
		});
		expect(created.status).toBe(201);
		const body = await created.json();
		expect(v.is(Staff, body)).toBe(true);
		expect(body).toMatchObject({ email: email.toLowerCase(), name: "First Admin", role: "admin", disabled: false });

		const again = await request("/api/staff", {
			method: "POST",
			headers: adminHeaders(),
			body: JSON.stringify({ email: email.toUpperCase(), name: "Twin", role: "editor" }),
		});
		expect(again.status).toBe(409);
		expect(await again.json()).toEqual({
			error: `a staff account with the email ${email.toLowerCase()} already exists`,
		});
	});

	it("Should answer 400 naming each bad field", async () => {
		const response = await request("/api/staff", {
			method: "POST",
			headers: adminHeaders(),
			body: JSON.stringify({ email: "not-an-email", name: "", role: "chief" }),
		});
		expect(response.status).toBe(400);
		const body = (await response.json()) as { issues: { path: string }[] };
		expect(body.issues.map((issue) => issue.path).sort()).toEqual(["email", "name", "role"]);
	});

	it("Should list, read and change accounts", async () => {
		const staff = await createStaff("contributor", "Rosa Quill");
		const list = await request("/api/staff", { headers: adminHeaders() });
		const listed = await list.json();
		expect(v.is(StaffList, listed)).toBe(true);
		expect((listed as { staff: { id: string }[] }).staff.some((one) => one.id === staff.id)).toBe(true);

		const read = await request(`/api/staff/${staff.id}`, { headers: adminHeaders() });
		expect(await read.json()).toMatchObject({ id: staff.id, name: "Rosa Quill", role: "contributor" });

		const patched = await request(`/api/staff/${staff.id}`, {
			method: "PATCH",
			headers: adminHeaders(),
			body: JSON.stringify({ role: "editor", name: "Rosa Quill-Marsh" }),
		});
		expect(patched.status).toBe(200);
		expect(await patched.json()).toMatchObject({ role: "editor", name: "Rosa Quill-Marsh" });

		expect((await request("/api/staff/unknown-staff-id", { headers: adminHeaders() })).status).toBe(404);
		const empty = await request(`/api/staff/${staff.id}`, { method: "PATCH", headers: adminHeaders(), body: "{}" });
		expect(empty.status).toBe(400);
	});

	it.each([
		["GET", "/api/staff"],
		["POST", "/api/staff"],
		["GET", "/api/staff/abcdefghijklmnop"],
		["PATCH", "/api/staff/abcdefghijklmnop"],
		["DELETE", "/api/staff/abcdefghijklmnop/sessions"],
		["POST", "/api/staff/abcdefghijklmnop/sign-in-links"],
	])("Should answer 401 to %s %s with no credential, and 403 to a contributor or an editor", async (method, path) => {
		expect((await request(path, { method })).status).toBe(401);
		for (const role of ["contributor", "editor"] as const) {
			const person = await signInAs(role);
			const bySession = await request(path, {
				method,
				headers: sessionHeaders(person.cookie),
				body: method === "GET" ? null : "{}",
			});
			expect(bySession.status).toBe(403);
			const byToken = await request(path, {
				method,
				headers: tokenHeaders(person.token),
				body: method === "GET" ? null : "{}",
			});
			expect(byToken.status).toBe(403);
			expect(await byToken.json()).toEqual({
				error: `forbidden: this needs the admin role; ${person.name} is a ${role}`,
			});
		}
	});

	it("Should let an admin's session and token manage staff", async () => {
		const admin = await signInAs("admin");
		const bySession = await request("/api/staff", {
			method: "POST",
			headers: sessionHeaders(admin.cookie),
			body: JSON.stringify({
				email: `new-${crypto.randomUUID().slice(0, 6)}@edgewire.test`,
				name: "New Hire",
				role: "contributor",
			}),
		});
		expect(bySession.status).toBe(201);
		expect((await request("/api/staff", { headers: tokenHeaders(admin.token) })).status).toBe(200);
	});

	it("Should refuse to demote or disable the last active admin", async () => {
		// Demote every admin but one through the owner's token, then try the last.
		const { staff } = (await (await request("/api/staff", { headers: adminHeaders() })).json()) as {
			staff: { id: string; role: string; disabled: boolean }[];
		};
		const admins = staff.filter((one) => one.role === "admin" && !one.disabled);
		const last = admins.length > 0 ? admins.pop() : undefined;
		for (const one of admins) {
			const demoted = await request(`/api/staff/${one.id}`, {
				method: "PATCH",
				headers: adminHeaders(),
				body: JSON.stringify({ role: "editor" }),
			});
			expect(demoted.status).toBe(200);
		}
		const target = last ?? (await createStaff("admin"));
		for (const patch of [{ role: "editor" }, { disabled: true }]) {
			const refused = await request(`/api/staff/${target.id}`, {
				method: "PATCH",
				headers: adminHeaders(),
				body: JSON.stringify(patch),
			});
			expect(refused.status).toBe(409);
		}
		// With a second admin, the first may step down.
		await createStaff("admin");
		const stepDown = await request(`/api/staff/${target.id}`, {
			method: "PATCH",
			headers: adminHeaders(),
			body: JSON.stringify({ role: "editor" }),
		});
		expect(stepDown.status).toBe(200);
	});

	it("Should end every session of a person, and a disabled person's session and token stop working", async () => {
		const editor = await signInAs("editor");
		const second = await startSession(editor.staffId);
		const ended = await request(`/api/staff/${editor.staffId}/sessions`, { method: "DELETE", headers: adminHeaders() });
		expect(ended.status).toBe(200);
		expect(await ended.json()).toEqual({ ended: 2 });
		for (const cookie of [editor.cookie, second]) {
			expect((await request("/api/tokens", { headers: sessionHeaders(cookie) })).status).toBe(401);
		}
		expect((await request("/api/tokens", { headers: tokenHeaders(editor.token) })).status).toBe(200);

		const disabled = await request(`/api/staff/${editor.staffId}`, {
			method: "PATCH",
			headers: adminHeaders(),
			body: JSON.stringify({ disabled: true }),
		});
		expect(disabled.status).toBe(200);
		expect((await request("/api/tokens", { headers: tokenHeaders(editor.token) })).status).toBe(401);
	});

	it("Should remove a person with every credential of theirs, and never the last active admin", async () => {
		const editor = await signInAs("editor", "Leaving Editor");
		const removed = await request(`/api/staff/${editor.staffId}`, { method: "DELETE", headers: adminHeaders() });
		expect(removed.status).toBe(204);
		expect((await request(`/api/staff/${editor.staffId}`, { headers: adminHeaders() })).status).toBe(404);
		// Their session and token sign in as nobody now; their email may be given to a new account.
		expect((await request("/api/tokens", { headers: sessionHeaders(editor.cookie) })).status).toBe(401);
		expect((await request("/api/tokens", { headers: tokenHeaders(editor.token) })).status).toBe(401);
		const again = await request("/api/staff", {
			method: "POST",
			headers: adminHeaders(),
			body: JSON.stringify({ email: editor.email, name: "Returning Editor", role: "contributor" }),
		});
		expect(again.status).toBe(201);
		expect((await request(`/api/staff/${editor.staffId}`, { method: "DELETE", headers: adminHeaders() })).status).toBe(
			404,
		);

		const { staff } = (await (await request("/api/staff", { headers: adminHeaders() })).json()) as {
			staff: { id: string; role: string; disabled: boolean }[];
		};
		const admins = staff.filter((one) => one.role === "admin" && !one.disabled);
		for (const one of admins.slice(1)) {
			expect((await request(`/api/staff/${one.id}`, { method: "DELETE", headers: adminHeaders() })).status).toBe(204);
		}
		const last = admins[0] ?? (await createStaff("admin"));
		expect((await request(`/api/staff/${last.id}`, { method: "DELETE", headers: adminHeaders() })).status).toBe(409);
	});
});
