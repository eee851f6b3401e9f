/**
 * @module Who is calling the admin API: a bearer token (the owner's `ADMIN_TOKEN`, compared in constant
 * time, or a person's API token, looked up by its hash) or a newsroom session cookie. A session's
 * unsafe requests must also pass the Origin/CSRF check (same-origin.ts); a bearer token is no ambient
 * credential, so its requests are not checked. Sets `c.var.actor`; `requireRole` then checks the role.
 */
import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import { type Actor, hasRole, OWNER, type Role } from "../../src/auth/actor";
import { actorForToken, isPersonalToken } from "../../src/auth/api-tokens";
import { readSessionCookie } from "../../src/auth/session-cookie";
import { actorForSession } from "../../src/auth/sessions";
import type { AppEnv } from "../../src/env";
import { ApiError } from "../errors";
import { CROSS_ORIGIN_MESSAGE, isSameOrigin } from "./same-origin";

const encoder = new TextEncoder();

/** Hashing both sides first gives equal-length inputs, so the comparison leaks neither content nor length. */
async function sameSecret(given: string, expected: string): Promise<boolean> {
	const [a, b] = await Promise.all([
		crypto.subtle.digest("SHA-256", encoder.encode(given)),
		crypto.subtle.digest("SHA-256", encoder.encode(expected)),
	]);
	return crypto.subtle.timingSafeEqual(a, b);
}

function unauthorized(c: Context<AppEnv>, message: string): never {
	c.header("WWW-Authenticate", 'Bearer realm="edgewire admin"');
	throw new ApiError(401, message);
}

/** The actor behind an `Authorization` header; a 401 when it names nobody. */
async function bearerActor(c: Context<AppEnv>, header: string): Promise<Actor> {
	const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
	const given = match?.[1];
	if (!given) return unauthorized(c, "missing or invalid bearer token");
	if (isPersonalToken(given)) {
		return (await actorForToken(c.env, given, c.var.now)) ?? unauthorized(c, "missing or invalid bearer token");
	}
	const expected = c.env.ADMIN_TOKEN;
	if (!expected) return unauthorized(c, "admin API is disabled: ADMIN_TOKEN is not set");
	return (await sameSecret(given, expected)) ? OWNER : unauthorized(c, "missing or invalid bearer token");
}

/** The actor behind the session cookie, after the Origin check for an unsafe method; null without a live session. */
async function sessionActorOf(c: Context<AppEnv>): Promise<Actor | null> {
	const secret = readSessionCookie(c);
	if (!secret) return null;
	if (!(await isSameOrigin(c.req.raw))) throw new ApiError(403, CROSS_ORIGIN_MESSAGE);
	return actorForSession(c.env, secret, c.var.now);
}

/**
 * The actor an admin request authenticates as: the bearer token when there is an `Authorization`
 * header (the cookie is then ignored), else the session; null when neither names anyone.
 */
export async function requestActor(c: Context<AppEnv>): Promise<Actor | null> {
	const header = c.req.header("authorization");
	if (header !== undefined) return bearerActor(c, header);
	return sessionActorOf(c);
}

/** Requires a bearer token or a session (401 with `WWW-Authenticate` otherwise). */
export const adminAuth = createMiddleware<AppEnv>(async (c, next) => {
	const actor = (await requestActor(c)) ?? unauthorized(c, "missing or invalid bearer token");
	c.set("actor", actor);
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
