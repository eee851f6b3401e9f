/**
 * @module The newsroom's session cookie: `HttpOnly; SameSite=Strict; Path=/`, and over https also
 * `Secure` with the `__Host-` prefix (so no subdomain or plain-http page can set or shadow it). Its
 * value is the session's opaque random secret; the server keeps only its hash.
 */
import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";

export const SESSION_COOKIE = "edgewire_session";
export const SECURE_SESSION_COOKIE = "__Host-edgewire_session";

function isHttps(c: Context): boolean {
	return new URL(c.req.url).protocol === "https:";
}

/** The cookie's name for this request: the `__Host-` one over https. */
export function sessionCookieName(c: Context): string {
	return isHttps(c) ? SECURE_SESSION_COOKIE : SESSION_COOKIE;
}

/** The session secret the request carries, if any. */
export function readSessionCookie(c: Context): string | undefined {
	const value = getCookie(c, sessionCookieName(c));
	return value ? value : undefined;
}

/**
 * Sets the cookie with no Max-Age: the browser forgets it when it closes, and the server ends it after
 * its idle time either way (src/store/sessions-table.ts).
 */
export function setSessionCookie(c: Context, secret: string): void {
	setCookie(c, sessionCookieName(c), secret, {
		httpOnly: true,
		sameSite: "Strict",
		path: "/",
		secure: isHttps(c),
	});
}

export function clearSessionCookie(c: Context): void {
	deleteCookie(c, sessionCookieName(c), { httpOnly: true, sameSite: "Strict", path: "/", secure: isHttps(c) });
}
