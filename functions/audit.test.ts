// The audit log: every successful change by an actor, with who, which credential, what and when;
// sign-ins, sign-outs and passkey registrations included; failed requests and reads left out;
// admins only; newest first, paged by `next`.

import * as v from "valibot";
import { describe, expect, it } from "vitest";
import { AuditPage } from "../src/schemas/staff";
import { adminHeaders, ORIGIN, putArticle, request, sampleArticle } from "../test/helpers";
import { TestPasskey } from "../test/passkey-authenticator";
import {
	confirmSignInLink,
	createStaff,
	sessionCookieFrom,
	sessionHeaders,
	signInAs,
	signInLinkToken,
	tokenHeaders,
} from "../test/staff";

type Entry = v.InferOutput<typeof AuditPage>["entries"][number];

async function auditEntries(limit = 50): Promise<Entry[]> {
	const response = await request(`/api/audit?limit=${limit}`, { headers: adminHeaders() });
	expect(response.status).toBe(200);
	const body = await response.json();
	expect(v.is(AuditPage, body)).toBe(true);
	return (body as { entries: Entry[] }).entries;
}

describe("the audit log", () => {
	it("Should record a sign-in by link, a token's creation and a sign-out, each with its session", async () => {
		const staff = await createStaff("editor", "Audit Editor");
		const confirmed = await confirmSignInLink(await signInLinkToken(staff.id));
		const cookie = sessionCookieFrom(confirmed);
		const created = await request("/api/tokens", {
			method: "POST",
			headers: sessionHeaders(cookie),
			body: JSON.stringify({ name: "audited" }),
		});
		const { id: tokenId } = (await created.json()) as { id: string };
		await request("/admin/sign-out", {
			method: "POST",
			redirect: "manual",
			headers: { cookie, origin: ORIGIN, "content-type": "application/x-www-form-urlencoded" },
		});

		const mine = (await auditEntries()).filter((entry) => entry.actor.staffId === staff.id);
		expect(mine.map((entry) => [entry.method, entry.path, entry.status])).toEqual([
			["POST", "/admin/sign-out", 303],
			["POST", "/api/tokens", 201],
			["POST", "/admin/sign-in/link", 303],
		]);
		const [signOut, token, signIn] = mine as [Entry, Entry, Entry];
		expect(signIn).toMatchObject({
			actor: { staffId: staff.id, name: "Audit Editor", role: "editor" },
			via: { kind: "session" },
			detail: "signed in by a sign-in link",
		});
		expect(signIn.via.id).toMatch(/^[A-Za-z0-9_-]{16}$/);
		// One session throughout; its id is not the cookie's secret.
		expect(token.via).toEqual(signIn.via);
		expect(signOut.via).toEqual(signIn.via);
		expect(cookie).not.toContain(signIn.via.id as string);
		expect(token.detail).toBe(`token ${tokenId} "audited" as editor`);
		expect(signOut.detail).toBe("signed out");
		expect(Date.now() - Date.parse(signIn.at)).toBeLessThan(60_000);
	});

	it("Should record the owner's and a token's changes with their credential, and leave out reads and failures", async () => {
		expect((await putArticle("audited-story")).status).toBe(201);
		const editor = await signInAs("editor");
		const refused = await request("/api/staff", { method: "POST", headers: tokenHeaders(editor.token), body: "{}" });
		expect(refused.status).toBe(403);
		await request("/api/tokens", { headers: tokenHeaders(editor.token) });
		const revoked = await request(`/api/tokens/${editor.tokenId}`, {
			method: "DELETE",
			headers: tokenHeaders(editor.token),
		});
		expect(revoked.status).toBe(204);

		const entries = await auditEntries();
		const put = entries.find((entry) => entry.path === "/api/articles/audited-story");
		expect(put).toMatchObject({
			method: "PUT",
			status: 201,
			actor: { staffId: null, role: "admin" },
			via: { kind: "owner" },
		});
		const byEditor = entries.filter((entry) => entry.actor.staffId === editor.staffId);
		expect(byEditor.map((entry) => `${entry.method} ${entry.path} ${entry.via.kind}`)).toEqual([
			`DELETE /api/tokens/${editor.tokenId} token`,
			"POST /api/tokens session",
			"POST /admin/sign-in/link session",
		]);
		expect(byEditor[0]?.via.id).toBe(editor.tokenId);
	});

	it("Should record a passkey's registration and a sign-in with it", async () => {
		const editor = await signInAs("editor");
		const passkey = await TestPasskey.create(ORIGIN);
		const json = (cookie?: string) => ({
			origin: ORIGIN,
			"content-type": "application/json",
			...(cookie ? { cookie } : {}),
		});
		const options = await request("/admin/passkeys/register/options", {
			method: "POST",
			headers: json(editor.cookie),
			body: "{}",
		});
		const attestation = await passkey.register((await options.json()) as { challenge: string });
		const registered = await request("/admin/passkeys/register/verify", {
			method: "POST",
			headers: json(editor.cookie),
			body: JSON.stringify({ response: attestation, name: "audit key" }),
		});
		expect(registered.status).toBe(201);
		const signInOptions = await request("/admin/sign-in/passkey/options", {
			method: "POST",
			headers: json(),
			body: "{}",
		});
		const assertion = await passkey.authenticate((await signInOptions.json()) as { challenge: string });
		const signedIn = await request("/admin/sign-in/passkey/verify", {
			method: "POST",
			headers: json(),
			body: JSON.stringify({ response: assertion }),
		});
		expect(signedIn.status).toBe(200);

		const mine = (await auditEntries()).filter((entry) => entry.actor.staffId === editor.staffId);
		expect(mine.slice(0, 2).map((entry) => [entry.path, entry.detail])).toEqual([
			["/admin/sign-in/passkey/verify", 'signed in with the passkey "audit key"'],
			["/admin/passkeys/register/verify", 'registered the passkey "audit key"'],
		]);
		// The passkey sign-in started a session of its own.
		expect(mine[0]?.via.kind).toBe("session");
		expect(mine[0]?.via.id).not.toBe(mine[1]?.via.id);
	});

	it("Should page newest first by next, and refuse anyone below admin", async () => {
		await createStaff("contributor");
		await createStaff("contributor");
		const first = await request("/api/audit?limit=1", { headers: adminHeaders() });
		const page = (await first.json()) as { entries: Entry[]; next: string };
		expect(page.entries).toHaveLength(1);
		const second = (await (
			await request(`/api/audit?limit=1&cursor=${page.next}`, { headers: adminHeaders() })
		).json()) as {
			entries: Entry[];
		};
		expect(second.entries[0]?.id).toBeLessThan(page.entries[0]?.id as number);

		const editor = await signInAs("editor");
		expect((await request("/api/audit", { headers: tokenHeaders(editor.token) })).status).toBe(403);
		expect((await request("/api/audit?limit=0", { headers: adminHeaders() })).status).toBe(400);
		expect((await request("/api/audit?cursor=abc", { headers: adminHeaders() })).status).toBe(400);
	});
	it("Should leave out a preview, which changes nothing, however often the editor asks for one", async () => {
		const editor = await signInAs("editor", "Preview Editor");
		for (let i = 0; i < 3; i++) {
			const previewed = await request("/api/preview", {
				method: "POST",
				headers: sessionHeaders(editor.cookie),
				body: JSON.stringify(sampleArticle({ title: `Draft title ${i}`, status: "draft" })),
			});
			expect(previewed.status).toBe(200);
		}
		const mine = (await auditEntries()).filter((entry) => entry.actor.staffId === editor.staffId);
		expect(mine.map((entry) => entry.path)).not.toContain("/api/preview");
	});
	it("Should record an autosaving draft once a sitting, not every 5 s: the later autosaves fold into its revision", async () => {
		const editor = await signInAs("editor", "Autosave Editor");
		for (const title of ["Draft", "Draft with more", "Draft with more words"]) {
			const saved = await request("/api/articles/audit-autosaved-draft", {
				method: "PUT",
				headers: sessionHeaders(editor.cookie, { "x-autosave": "1" }),
				body: JSON.stringify(sampleArticle({ title, status: "draft" })),
			});
			expect(saved.status).toBeLessThan(300);
		}
		const saves = (await auditEntries()).filter((entry) => entry.path === "/api/articles/audit-autosaved-draft");
		expect(saves).toHaveLength(1);
		expect(saves[0]).toMatchObject({ method: "PUT", status: 201, actor: { staffId: editor.staffId } });
	});
});
