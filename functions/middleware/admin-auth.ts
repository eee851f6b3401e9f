/** @module Bearer-token guard for the admin API, compared in constant time. */
import { createMiddleware } from "hono/factory";
import { hasRole, OWNER, type Role } from "../../src/auth/actor";
import type { AppEnv } from "../../src/env";
import { ApiError } from "../errors";

const encoder = new TextEncoder();

/** Hashing both sides first gives equal-length inputs, so the comparison leaks neither content nor length. */
async function sameSecret(given: string, expected: string): Promise<boolean> {
	const [a, b] = await Promise.all([
		crypto.subtle.digest("SHA-256", encoder.encode(given)),
		crypto.subtle.digest("SHA-256", encoder.encode(expected)),
	]);
	return crypto.subtle.timingSafeEqual(a, b);
}

/** Requires `Authorization: Bearer <ADMIN_TOKEN>`; with no token configured, refuses everything. */
export const adminAuth = createMiddleware<AppEnv>(async (c, next) => {
	const expected = c.env.ADMIN_TOKEN;
	const header = c.req.header("authorization") ?? "";
	const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
	if (!expected || !match?.[1] || !(await sameSecret(match[1], expected))) {
		c.header("WWW-Authenticate", 'Bearer realm="edgewire admin"');
		throw new ApiError(
			401,
			expected ? "missing or invalid bearer token" : "admin API is disabled: ADMIN_TOKEN is not set",
		);
	}
	c.set("actor", OWNER);
	await next();
});

/**
 * After `adminAuth`: refuses (403) an actor whose role is below `needed`. Roles are enforced here, on
 * the API, whatever the UI offers.
 */
export function requireRole(needed: Role) {
	return createMiddleware<AppEnv>(async (c, next) => {
		const actor = c.var.actor;
		if (!hasRole(actor.role, needed)) {
			throw new ApiError(403, `forbidden: this needs the ${needed} role; ${actor.name} is a ${actor.role}`);
		}
		await next();
	});
}
