/**
 * @module Test helpers for the newsroom's people: a staff account of a given role, signed in through
 * the real routes (the owner creates it, issues a sign-in link, the link's confirm POST starts a
 * session), with a personal API token of the same role.
 */
import type { Role } from "../src/auth/actor";
import { adminHeaders, ORIGIN, request } from "./helpers";

export type SignedInStaff = {
	staffId: string;
	email: string;
	name: string;
	role: Role;
	/** The `Cookie` header value carrying the session. */
	cookie: string;
	/** A personal API token (`Authorization: Bearer …`) with the person's role. */
	token: string;
	tokenId: string;
};

let counter = 0;

/** Headers for a same-origin request signed in by the session cookie (what the newsroom's own pages send). */
export function sessionHeaders(cookie: string, extra: Record<string, string> = {}): Record<string, string> {
	return { cookie, origin: ORIGIN, "content-type": "application/json", ...extra };
}

export function tokenHeaders(token: string, extra: Record<string, string> = {}): Record<string, string> {
	return { authorization: `Bearer ${token}`, "content-type": "application/json", ...extra };
}

/** The session cookie a response sets, as a `Cookie` header value. */
export function sessionCookieFrom(response: Response): string {
	const cookie = response.headers
		.getSetCookie()
		.find((line) => line.startsWith("edgewire_session=") || line.startsWith("__Host-edgewire_session="));
	if (!cookie) throw new Error(`no session cookie in the answer (status ${response.status})`);
	return cookie.split(";")[0] as string;
}

export async function createStaff(role: Role, name?: string): Promise<{ id: string; email: string; name: string }> {
	counter += 1;
	const email = `${role}-${counter}-${crypto.randomUUID().slice(0, 8)}@edgewire.test`;
	const response = await request("/api/staff", {
		method: "POST",
		headers: adminHeaders(),
		body: JSON.stringify({ email, name: name ?? `Test ${role} ${counter}`, role }),
	});
	if (response.status !== 201) throw new Error(`POST /api/staff: ${response.status} ${await response.text()}`);
	return (await response.json()) as { id: string; email: string; name: string };
}

/** A fresh one-time sign-in link's token for `staffId`, issued by the owner. */
export async function signInLinkToken(staffId: string): Promise<string> {
	const response = await request(`/api/staff/${staffId}/sign-in-links`, { method: "POST", headers: adminHeaders() });
	if (response.status !== 201) throw new Error(`sign-in link: ${response.status} ${await response.text()}`);
	const { url } = (await response.json()) as { url: string };
	return new URL(url).searchParams.get("token") as string;
}

/** Presses a sign-in link's confirm button from the site's own page. */
export function confirmSignInLink(token: string, headers: Record<string, string> = { origin: ORIGIN }) {
	return request("/admin/sign-in/link", {
		method: "POST",
		redirect: "manual",
		headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
		body: new URLSearchParams({ token }).toString(),
	});
}

/** A new session for `staffId`, through a sign-in link. */
export async function startSession(staffId: string): Promise<string> {
	const response = await confirmSignInLink(await signInLinkToken(staffId));
	if (response.status !== 303) throw new Error(`sign-in: ${response.status} ${await response.text()}`);
	return sessionCookieFrom(response);
}

/** A new staff account of `role`, signed in, with a token of the same role. */
export async function signInAs(role: Role, name?: string): Promise<SignedInStaff> {
	const staff = await createStaff(role, name);
	const cookie = await startSession(staff.id);
	const created = await request("/api/tokens", {
		method: "POST",
		headers: sessionHeaders(cookie),
		body: JSON.stringify({ name: "tests" }),
	});
	if (created.status !== 201) throw new Error(`POST /api/tokens: ${created.status} ${await created.text()}`);
	const { id: tokenId, token } = (await created.json()) as { id: string; token: string };
	return { staffId: staff.id, email: staff.email, name: staff.name, role, cookie, token, tokenId };
}
