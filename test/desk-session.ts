/** @module Test helpers for the newsroom's pages: a staff account with a live session, and requests that carry it. */
import { env } from "cloudflare:workers";
import type { Role } from "../src/auth/actor";
import { startSessionFor } from "../src/auth/sessions";
import type { Staff } from "../src/schemas/staff";
import { ORIGIN, request } from "./helpers";
import { createStaff } from "./staff";

export type SignedInStaff = { staff: Staff; cookie: string };

/** A new staff account with `role`, signed in (the session started directly, as a passkey sign-in would). */
export async function signedIn(role: Role, name = `Test ${role}`): Promise<SignedInStaff> {
	// POST /api/staff answers the whole account, of which createStaff types only what its callers use.
	const staff = (await createStaff(role, name)) as Staff;
	const { secret } = await startSessionFor(env, staff, "vitest", new Date());
	return { staff, cookie: `edgewire_session=${secret}` };
}

/** A page request as that person's browser sends it: the cookie, and for a form post this site's Origin. */
export function asStaff(who: SignedInStaff, path: string, init: RequestInit = {}): Promise<Response> {
	const headers = new Headers(init.headers);
	headers.set("cookie", who.cookie);
	if (init.method && init.method !== "GET" && !headers.has("origin")) headers.set("origin", ORIGIN);
	return request(path, { ...init, headers, redirect: "manual" });
}

/** A form post of `fields` from one of our pages. */
export function postForm(who: SignedInStaff, path: string, fields: Record<string, string>): Promise<Response> {
	return asStaff(who, path, {
		method: "POST",
		headers: { "content-type": "application/x-www-form-urlencoded" },
		body: new URLSearchParams(fields).toString(),
	});
}
