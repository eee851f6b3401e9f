// Personal API tokens: created by a signed-in person (the secret shown once, only its hash stored),
// a role at most theirs, listed without secrets, revoked by their owner (or an admin), and a
// revoked token is a 401 at once. The owner's ADMIN_TOKEN owns no tokens.

import * as v from "valibot";
import { describe, expect, it } from "vitest";
import { CreatedToken, TokenList } from "../src/schemas/staff";
import { adminHeaders, request } from "../test/helpers";
import { sessionHeaders, signInAs, tokenHeaders } from "../test/staff";

function create(headers: Record<string, string>, body: unknown) {
	return request("/api/tokens", { method: "POST", headers, body: JSON.stringify(body) });
}

describe("personal API tokens", () => {
	it("Should create a token with the caller's role by default, shown once and listed without its secret", async () => {
		const editor = await signInAs("editor");
		const created = await create(sessionHeaders(editor.cookie), { name: "deploy script" });
		expect(created.status).toBe(201);
		const body = (await created.json()) as { id: string; token: string; role: string };
		expect(v.is(CreatedToken, body)).toBe(true);
		expect(body.role).toBe("editor");
		expect(body.token).toMatch(/^ew_[A-Za-z0-9_-]{16}_[A-Za-z0-9_-]{43}$/);

		const list = await request("/api/tokens", { headers: tokenHeaders(body.token) });
		expect(list.status).toBe(200);
		const listed = await list.json();
		expect(v.is(TokenList, listed)).toBe(true);
		expect(JSON.stringify(listed)).not.toContain(body.token.split("_").at(-1));
		const names = (listed as { tokens: { name: string }[] }).tokens.map((token) => token.name).sort();
		expect(names).toEqual(["deploy script", "tests"]);
	});

	it("Should give a token a lower role than its person's, never a higher one", async () => {
		const contributor = await signInAs("contributor");
		const higher = await create(sessionHeaders(contributor.cookie), { name: "sneaky", role: "admin" });
		expect(higher.status).toBe(403);
		expect(await higher.json()).toEqual({ error: "a token's role is at most yours: you are a contributor" });
		// A contributor's own token cannot mint an admin one either.
		expect((await create(tokenHeaders(contributor.token), { name: "sneaky", role: "editor" })).status).toBe(403);

		const admin = await signInAs("admin");
		const lower = await create(sessionHeaders(admin.cookie), { name: "read-only bot", role: "contributor" });
		expect(lower.status).toBe(201);
		const { token } = (await lower.json()) as { token: string };
		// The token acts as a contributor: the admin-only staff list is refused.
		expect((await request("/api/staff", { headers: tokenHeaders(token) })).status).toBe(403);
		expect((await request("/api/staff", { headers: tokenHeaders(admin.token) })).status).toBe(200);
	});

	it("Should act with the person's current role once they are demoted", async () => {
		const admin = await signInAs("admin");
		expect((await request("/api/staff", { headers: tokenHeaders(admin.token) })).status).toBe(200);
		const demoted = await request(`/api/staff/${admin.staffId}`, {
			method: "PATCH",
			headers: adminHeaders(),
			body: JSON.stringify({ role: "editor" }),
		});
		expect(demoted.status).toBe(200);
		expect((await request("/api/staff", { headers: tokenHeaders(admin.token) })).status).toBe(403);
	});

	it("Should revoke a token, after which it is a 401", async () => {
		const editor = await signInAs("editor");
		const revoked = await request(`/api/tokens/${editor.tokenId}`, {
			method: "DELETE",
			headers: sessionHeaders(editor.cookie),
		});
		expect(revoked.status).toBe(204);
		const after = await request("/api/tokens", { headers: tokenHeaders(editor.token) });
		expect(after.status).toBe(401);
		expect(after.headers.get("www-authenticate")).toBe('Bearer realm="edgewire admin"');
		expect(
			(await request(`/api/tokens/${editor.tokenId}`, { method: "DELETE", headers: sessionHeaders(editor.cookie) }))
				.status,
		).toBe(404);
	});

	it("Should hold one person to 50 tokens (409 past them, nothing stored) until they revoke one", async () => {
		const editor = await signInAs("editor");
		const create = () =>
			request("/api/tokens", {
				method: "POST",
				headers: sessionHeaders(editor.cookie),
				body: JSON.stringify({ name: "many" }),
			});
		// signInAs made the first.
		for (let n = 2; n <= 50; n++) expect((await create()).status).toBe(201);
		const over = await create();
		expect(over.status).toBe(409);
		expect(((await over.json()) as { error: string }).error).toMatch(/revoke one/);
		const listed = await request("/api/tokens", { headers: sessionHeaders(editor.cookie) });
		expect(((await listed.json()) as { tokens: unknown[] }).tokens).toHaveLength(50);
		await request(`/api/tokens/${editor.tokenId}`, { method: "DELETE", headers: sessionHeaders(editor.cookie) });
		expect((await create()).status).toBe(201);
	});

	it("Should not let one person revoke another's token, but let an admin", async () => {
		const editor = await signInAs("editor");
		const other = await signInAs("editor");
		const refused = await request(`/api/tokens/${editor.tokenId}`, {
			method: "DELETE",
			headers: tokenHeaders(other.token),
		});
		expect(refused.status).toBe(404);
		expect((await request("/api/tokens", { headers: tokenHeaders(editor.token) })).status).toBe(200);
		const byOwner = await request(`/api/tokens/${editor.tokenId}`, { method: "DELETE", headers: adminHeaders() });
		expect(byOwner.status).toBe(204);
		expect((await request("/api/tokens", { headers: tokenHeaders(editor.token) })).status).toBe(401);
	});

	it("Should refuse a token for the owner's ADMIN_TOKEN, and answer 401 to a made-up one", async () => {
		const owner = await create(adminHeaders(), { name: "owner's" });
		expect(owner.status).toBe(400);
		expect(((await owner.json()) as { error: string }).error).toMatch(/^the owner's ADMIN_TOKEN has no staff account/);
		const madeUp = `ew_${"a".repeat(16)}_${"b".repeat(43)}`;
		expect((await request("/api/tokens", { headers: tokenHeaders(madeUp) })).status).toBe(401);
		expect((await request("/api/tokens", { headers: tokenHeaders("not-a-token") })).status).toBe(401);
	});

	it("Should answer 400 to a token without a name or with an unknown role", async () => {
		const editor = await signInAs("editor");
		expect((await create(tokenHeaders(editor.token), {})).status).toBe(400);
		expect((await create(tokenHeaders(editor.token), { name: "x", role: "owner" })).status).toBe(400);
	});
});
