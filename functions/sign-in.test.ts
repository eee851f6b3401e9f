// Signing in and out of the newsroom: one-time links (the GET consumes nothing, the confirm POST
// signs in once, within 30 minutes), the session cookie's attributes, the Origin/CSRF check on every
// unsafe request a session makes, sign-out ending the session on the server, the page guard's
// redirect, and passkeys registered and used through the real @simplewebauthn/server verification.

import { runInDurableObject } from "cloudflare:test";
import { env, exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { secretHash } from "../src/auth/secrets";
import { ADMIN_TOKEN, ORIGIN, request } from "../test/helpers";
import { TestPasskey } from "../test/passkey-authenticator";
import {
	confirmSignInLink,
	createStaff,
	sessionCookieFrom,
	sessionHeaders,
	signInAs,
	signInLinkToken,
	startSession,
	tokenHeaders,
} from "../test/staff";

const EVIL = "https://evil.example";

function writerStub() {
	const namespace = env.WRITER as unknown as DurableObjectNamespace;
	return namespace.get(namespace.idFromName("main"));
}

/** Moves a link's expiry into the past, as 30 minutes passing would. */
async function expireLink(token: string): Promise<void> {
	const hash = await secretHash(token);
	await runInDurableObject(writerStub(), async (_instance, state) => {
		state.storage.sql.exec("UPDATE sign_in_links SET expires_at = ? WHERE secret_hash = ?", Date.now() - 1, hash);
	});
}

const tokensOf = (headers: Record<string, string>) => request("/api/tokens", { headers });

describe("sign-in links", () => {
	it("Should issue a link that expires in 30 minutes or less, for a known person only", async () => {
		const staff = await createStaff("editor");
		const before = Date.now();
		const response = await request(`/api/staff/${staff.id}/sign-in-links`, {
			method: "POST",
			headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
		});
		expect(response.status).toBe(201);
		const { url, expiresAt } = (await response.json()) as { url: string; expiresAt: string };
		expect(url).toMatch(/^http:\/\/edgewire\.test\/admin\/sign-in\/link\?token=[A-Za-z0-9_-]{43}$/);
		const lifetime = Date.parse(expiresAt) - before;
		expect(lifetime).toBeGreaterThan(29 * 60_000);
		expect(lifetime).toBeLessThanOrEqual(30 * 60_000 + 1000);

		const unknown = await request("/api/staff/nobody-at-all-here/sign-in-links", {
			method: "POST",
			headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
		});
		expect(unknown.status).toBe(404);
	});

	it("Should show a confirm page on GET, as often as it is opened, and consume the link only by its POST", async () => {
		const staff = await createStaff("contributor");
		const token = await signInLinkToken(staff.id);
		for (let i = 0; i < 3; i++) {
			const page = await request(`/admin/sign-in/link?token=${token}`);
			expect(page.status).toBe(200);
			expect(page.headers.get("cache-control")).toBe("no-store");
			const html = await page.text();
			expect(html).toContain('<form method="post" action="/admin/sign-in/link">');
			expect(html).toContain(`name="token" value="${token}"`);
		}
		const confirmed = await confirmSignInLink(token);
		expect(confirmed.status).toBe(303);
		expect(confirmed.headers.get("location")).toBe("/admin/passkeys?notice=welcome");
		const setCookie = confirmed.headers.getSetCookie().join("\n");
		expect(setCookie).toMatch(/^edgewire_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Strict$/);
		const cookie = sessionCookieFrom(confirmed);
		expect((await tokensOf(sessionHeaders(cookie))).status).toBe(200);

		// The passkey offer is where the link lands.
		const offer = await request("/admin/passkeys?notice=welcome", { headers: { cookie } });
		expect(offer.status).toBe(200);
		expect(await offer.text()).toContain("Register a passkey on this device");
	});

	it("Should refuse a used link, on its page and its POST", async () => {
		const staff = await createStaff("editor");
		const token = await signInLinkToken(staff.id);
		expect((await confirmSignInLink(token)).status).toBe(303);
		const again = await confirmSignInLink(token);
		expect(again.status).toBe(400);
		expect(again.headers.getSetCookie()).toEqual([]);
		expect(await again.text()).toContain("This sign-in link has already been used");
		const page = await request(`/admin/sign-in/link?token=${token}`);
		expect(page.status).toBe(400);
		expect(await page.text()).toContain("already been used");
	});

	it("Should refuse an expired link, and one that was never issued", async () => {
		const staff = await createStaff("editor");
		const token = await signInLinkToken(staff.id);
		await expireLink(token);
		const page = await request(`/admin/sign-in/link?token=${token}`);
		expect(page.status).toBe(400);
		expect(await page.text()).toContain("This sign-in link has expired");
		const confirmed = await confirmSignInLink(token);
		expect(confirmed.status).toBe(400);
		expect(await confirmed.text()).toContain("has expired");

		const forged = "A".repeat(43);
		expect((await confirmSignInLink(forged)).status).toBe(400);
		expect((await request("/admin/sign-in/link?token=short")).status).toBe(400);
		expect((await request("/admin/sign-in/link")).status).toBe(400);
	});

	it("Should let only one of two simultaneous confirms sign in", async () => {
		const staff = await createStaff("editor");
		const token = await signInLinkToken(staff.id);
		const answers = await Promise.all([confirmSignInLink(token), confirmSignInLink(token)]);
		expect(answers.map((answer) => answer.status).sort()).toEqual([303, 400]);
	});

	it("Should set a Secure __Host- cookie over https", async () => {
		const staff = await createStaff("editor");
		const token = await signInLinkToken(staff.id);
		const confirmed = await exports.default.fetch(
			new Request("https://edgewire.test/admin/sign-in/link", {
				method: "POST",
				redirect: "manual",
				headers: { "content-type": "application/x-www-form-urlencoded", origin: "https://edgewire.test" },
				body: new URLSearchParams({ token }).toString(),
			}),
		);
		expect(confirmed.status).toBe(303);
		expect(confirmed.headers.getSetCookie().join("\n")).toMatch(
			/^__Host-edgewire_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; Secure; SameSite=Strict$/,
		);
		const cookie = sessionCookieFrom(confirmed);
		const tokens = await exports.default.fetch(
			new Request("https://edgewire.test/api/tokens", { headers: { cookie } }),
		);
		expect(tokens.status).toBe(200);
		// The plain-http name means nothing over https.
		const plain = cookie.replace("__Host-", "");
		const refused = await exports.default.fetch(
			new Request("https://edgewire.test/api/tokens", { headers: { cookie: plain } }),
		);
		expect(refused.status).toBe(401);
	});
});

describe("the Origin/CSRF check on session requests", () => {
	it("Should refuse a cross-origin form POST and a cross-origin JSON fetch that carry the session (403)", async () => {
		const editor = await signInAs("editor");
		const form = await request("/api/tokens", {
			method: "POST",
			headers: { cookie: editor.cookie, origin: EVIL, "content-type": "application/x-www-form-urlencoded" },
			body: "name=stolen",
		});
		expect(form.status).toBe(403);
		const json = await request("/api/tokens", {
			method: "POST",
			headers: { cookie: editor.cookie, origin: EVIL, "content-type": "application/json" },
			body: JSON.stringify({ name: "stolen" }),
		});
		expect(json.status).toBe(403);
		expect(await json.json()).toEqual({
			error:
				"forbidden: a request signed in by a session cookie must come from this site's own pages (Origin or Sec-Fetch-Site)",
		});
		const crossSite = await request("/api/tokens", {
			method: "POST",
			headers: { cookie: editor.cookie, "sec-fetch-site": "cross-site", "content-type": "application/json" },
			body: JSON.stringify({ name: "stolen" }),
		});
		expect(crossSite.status).toBe(403);
		// Neither header: nothing shows the request came from our pages.
		const bare = await request("/api/tokens", {
			method: "POST",
			headers: { cookie: editor.cookie, "content-type": "application/json" },
			body: JSON.stringify({ name: "stolen" }),
		});
		expect(bare.status).toBe(403);
		const { tokens } = (await (await tokensOf(sessionHeaders(editor.cookie))).json()) as { tokens: unknown[] };
		expect(tokens).toHaveLength(1);
	});

	it("Should accept the same request from the site's own origin, or marked same-origin by the browser", async () => {
		const editor = await signInAs("editor");
		const byOrigin = await request("/api/tokens", {
			method: "POST",
			headers: sessionHeaders(editor.cookie),
			body: JSON.stringify({ name: "from the desk" }),
		});
		expect(byOrigin.status).toBe(201);
		const byFetchSite = await request("/api/tokens", {
			method: "POST",
			headers: { cookie: editor.cookie, "sec-fetch-site": "same-origin", "content-type": "application/json" },
			body: JSON.stringify({ name: "from the desk too" }),
		});
		expect(byFetchSite.status).toBe(201);
	});

	it("Should not check a bearer token's requests, which carry no ambient credential", async () => {
		const editor = await signInAs("editor");
		const response = await request("/api/tokens", {
			method: "POST",
			headers: tokenHeaders(editor.token, { origin: EVIL }),
			body: JSON.stringify({ name: "a script's" }),
		});
		expect(response.status).toBe(201);
	});

	it("Should refuse a cross-origin sign-in link confirm and sign-out, changing nothing", async () => {
		const staff = await createStaff("editor");
		const token = await signInLinkToken(staff.id);
		expect((await confirmSignInLink(token, { origin: EVIL })).status).toBe(403);
		const confirmed = await confirmSignInLink(token);
		expect(confirmed.status).toBe(303);
		const cookie = sessionCookieFrom(confirmed);
		const signOut = await request("/admin/sign-out", {
			method: "POST",
			redirect: "manual",
			headers: { cookie, origin: EVIL, "content-type": "application/x-www-form-urlencoded" },
		});
		expect(signOut.status).toBe(403);
		expect((await tokensOf(sessionHeaders(cookie))).status).toBe(200);
	});
});

describe("sessions and the page guard", () => {
	it("Should redirect a desk page to the sign-in page without a session, and serve it with one", async () => {
		for (const page of ["/admin", "/admin/passkeys"]) {
			const none = await request(page, { redirect: "manual" });
			expect(none.status).toBe(302);
			expect(none.headers.get("location")).toBe("/admin/sign-in");
		}
		const stale = await request("/admin/passkeys", {
			redirect: "manual",
			headers: { cookie: "edgewire_session=nope" },
		});
		expect(stale.status).toBe(302);

		const editor = await signInAs("editor", "Ada Page");
		const page = await request("/admin/passkeys", { headers: { cookie: editor.cookie } });
		expect(page.status).toBe(200);
		const html = await page.text();
		expect(html).toContain("Your passkeys");
		expect(html).toContain("Ada Page");
	});

	it("Should end the session on the server when signing out, and clear the cookie", async () => {
		const editor = await signInAs("editor");
		const signOut = await request("/admin/sign-out", {
			method: "POST",
			redirect: "manual",
			headers: { cookie: editor.cookie, origin: ORIGIN, "content-type": "application/x-www-form-urlencoded" },
		});
		expect(signOut.status).toBe(303);
		expect(signOut.headers.get("location")).toBe("/admin/sign-in?signed-out");
		expect(signOut.headers.getSetCookie().join("\n")).toMatch(
			/^edgewire_session=; Max-Age=0; Path=\/; HttpOnly; SameSite=Strict$/,
		);
		// The old cookie, replayed, no longer works anywhere.
		expect((await tokensOf(sessionHeaders(editor.cookie))).status).toBe(401);
		const page = await request("/admin/passkeys", { redirect: "manual", headers: { cookie: editor.cookie } });
		expect(page.status).toBe(302);
		// The person's other credentials are untouched.
		expect((await tokensOf(tokenHeaders(editor.token))).status).toBe(200);
	});

	it("Should end a session that has been idle for 12 hours", async () => {
		const staff = await createStaff("editor");
		const cookie = await startSession(staff.id);
		const hash = await secretHash(cookie.split("=")[1] as string);
		await runInDurableObject(writerStub(), async (_instance, state) => {
			state.storage.sql.exec(
				"UPDATE sessions SET last_seen = ? WHERE secret_hash = ?",
				Date.now() - 12 * 60 * 60 * 1000 - 1,
				hash,
			);
		});
		expect((await tokensOf(sessionHeaders(cookie))).status).toBe(401);
	});

	it("Should show the sign-in page with the passkey button, and send a signed-in person on to the desk", async () => {
		const page = await request("/admin/sign-in");
		expect(page.status).toBe(200);
		const html = await page.text();
		expect(html).toContain('id="passkey-sign-in"');
		expect(html).toContain("Ask an admin for a sign-in link");
		const editor = await signInAs("editor");
		const again = await request("/admin/sign-in", { redirect: "manual", headers: { cookie: editor.cookie } });
		expect(again.status).toBe(302);
		expect(again.headers.get("location")).toBe("/admin");
	});
});

async function postJson(path: string, body: unknown, headers: Record<string, string> = {}) {
	return request(path, {
		method: "POST",
		headers: { origin: ORIGIN, "content-type": "application/json", ...headers },
		body: JSON.stringify(body),
	});
}

describe("passkeys", () => {
	it("Should offer registration options for the signed-in person, bound to this host", async () => {
		const editor = await signInAs("editor", "Kim Options");
		const response = await postJson("/admin/passkeys/register/options", {}, { cookie: editor.cookie });
		expect(response.status).toBe(200);
		const options = (await response.json()) as {
			challenge: string;
			rp: { id: string };
			user: { name: string; displayName: string };
			attestation: string;
		};
		expect(options.rp.id).toBe("edgewire.test");
		expect(options.user).toMatchObject({ name: editor.email, displayName: "Kim Options" });
		expect(options.challenge).toMatch(/^[A-Za-z0-9_-]{20,}$/);
		expect(options.attestation).toBe("none");
		expect((await postJson("/admin/passkeys/register/options", {})).status).toBe(401);
	});

	it("Should refuse a registration that does not verify", async () => {
		const editor = await signInAs("editor");
		await postJson("/admin/passkeys/register/options", {}, { cookie: editor.cookie });
		const forged = {
			response: {
				id: "abc",
				rawId: "abc",
				type: "public-key",
				response: { clientDataJSON: "e30", attestationObject: "oA" },
			},
		};
		const response = await postJson("/admin/passkeys/register/verify", forged, { cookie: editor.cookie });
		expect(response.status).toBe(400);
		expect(((await response.json()) as { error: string }).error).toMatch(/^the passkey could not be registered/);
	});

	it("Should register a passkey, sign in with it once per challenge, and stop accepting it once removed", async () => {
		const editor = await signInAs("editor", "Passkey Person");
		const passkey = await TestPasskey.create(ORIGIN);
		const regOptions = await (await postJson("/admin/passkeys/register/options", {}, { cookie: editor.cookie })).json();
		const attestation = await passkey.register(regOptions as { challenge: string });
		const registered = await postJson(
			"/admin/passkeys/register/verify",
			{ response: attestation, name: "test key" },
			{ cookie: editor.cookie },
		);
		expect(registered.status).toBe(201);
		expect(await registered.json()).toEqual({ id: passkey.credentialId, name: "test key" });
		// The same response again: its challenge is used up.
		const replayedRegistration = await postJson(
			"/admin/passkeys/register/verify",
			{ response: attestation },
			{ cookie: editor.cookie },
		);
		expect(replayedRegistration.status).toBe(400);
		const page = await (await request("/admin/passkeys", { headers: { cookie: editor.cookie } })).text();
		expect(page).toContain("test key");

		// Sign in with it, no session needed.
		const authOptions = (await (await postJson("/admin/sign-in/passkey/options", {})).json()) as { challenge: string };
		const assertion = await passkey.authenticate(authOptions);
		const signedIn = await postJson("/admin/sign-in/passkey/verify", { response: assertion });
		expect(signedIn.status).toBe(200);
		expect(await signedIn.json()).toEqual({ redirect: "/admin" });
		const cookie = sessionCookieFrom(signedIn);
		expect(cookie).not.toBe(editor.cookie);
		expect((await tokensOf(sessionHeaders(cookie))).status).toBe(200);

		// Replaying the assertion fails: its challenge is gone.
		const replay = await postJson("/admin/sign-in/passkey/verify", { response: assertion });
		expect(replay.status).toBe(400);

		// An assertion for a challenge the server never issued fails too.
		const made = await passkey.authenticate({ challenge: "bm90LWlzc3VlZC1ieS10aGUtc2VydmVy" });
		expect((await postJson("/admin/sign-in/passkey/verify", { response: made })).status).toBe(400);

		const removed = await request(`/admin/passkeys/${passkey.credentialId}/delete`, {
			method: "POST",
			redirect: "manual",
			headers: { cookie, origin: ORIGIN, "content-type": "application/x-www-form-urlencoded" },
		});
		expect(removed.status).toBe(303);
		const after = (await (await postJson("/admin/sign-in/passkey/options", {})).json()) as { challenge: string };
		const refused = await postJson("/admin/sign-in/passkey/verify", { response: await passkey.authenticate(after) });
		expect(refused.status).toBe(400);
		expect(await refused.json()).toEqual({ error: "this passkey is not registered here (it may have been removed)" });
	});

	it("Should refuse a cross-origin passkey ceremony", async () => {
		const response = await request("/admin/sign-in/passkey/options", {
			method: "POST",
			headers: { origin: EVIL, "content-type": "application/json" },
			body: "{}",
		});
		expect(response.status).toBe(403);
	});
});
