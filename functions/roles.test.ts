// Issue 12's roles on the API itself, whatever the UI offers: sources, refresh, rules and discovery
// need an admin; the review queue and tombstones an editor. Each is checked by session and by token.

import { describe, expect, it } from "vitest";
import type { Role } from "../src/auth/actor";
import { request } from "../test/helpers";
import { type SignedInStaff, sessionHeaders, signInAs, tokenHeaders } from "../test/staff";

const ROUTES: ReadonlyArray<[method: string, path: string, needs: Role]> = [
	["GET", "/api/sources", "admin"],
	["PUT", "/api/sources", "admin"],
	["PATCH", "/api/sources/some-source", "admin"],
	["GET", "/api/sources.opml", "admin"],
	["POST", "/api/sources/opml", "admin"],
	["POST", "/api/sources/discover", "admin"],
	["POST", "/api/refresh", "admin"],
	["GET", "/api/rules", "admin"],
	["PUT", "/api/rules", "admin"],
	["GET", "/api/sources/some-source/rules", "admin"],
	["POST", "/api/sources/some-source/rules/test", "admin"],
	["GET", "/api/review", "editor"],
	["POST", "/api/review/1/approve", "editor"],
	["POST", "/api/review/1/reject", "editor"],
	["GET", "/api/tombstones", "editor"],
	["DELETE", "/api/tombstones/1", "editor"],
	["GET", "/api/audit", "admin"],
];

const people = new Map<Role, SignedInStaff>();

async function person(role: Role): Promise<SignedInStaff> {
	let signedIn = people.get(role);
	if (!signedIn) {
		signedIn = await signInAs(role);
		people.set(role, signedIn);
	}
	return signedIn;
}

function send(method: string, path: string, headers: Record<string, string>) {
	// An empty JSON body: a role refusal comes before the body is read.
	return request(path, { method, headers, body: method === "GET" ? null : "{}" });
}

describe("roles on the admin API", () => {
	it.each(ROUTES)("Should refuse %s %s below the %s role, by session and by token", async (method, path, needs) => {
		const below: Role[] = needs === "admin" ? ["contributor", "editor"] : ["contributor"];
		for (const role of below) {
			const { cookie, token, name } = await person(role);
			const bySession = await send(method, path, sessionHeaders(cookie));
			expect(bySession.status).toBe(403);
			expect(await bySession.json()).toEqual({
				error: `forbidden: this needs the ${needs} role; ${name} is a ${role}`,
			});
			expect((await send(method, path, tokenHeaders(token))).status).toBe(403);
		}
		expect((await send(method, path, {})).status).toBe(401);
	});

	it.each(ROUTES.filter(([method]) => method === "GET"))(
		"Should let the %s %s role's holder read it",
		async (method, path, needs) => {
			const { cookie, token } = await person(needs);
			const expected = path.includes("some-source") ? 404 : 200;
			expect((await send(method, path, sessionHeaders(cookie))).status).toBe(expected);
			expect((await send(method, path, tokenHeaders(token))).status).toBe(expected);
		},
	);
});
