/**
 * @module The message a desk form post leaves for the page it redirects to (POST → redirect → GET):
 * a short-lived cookie the next desk page reads once and clears. Set by our own server only, so its
 * text is ours; `HttpOnly; SameSite=Strict; Path=/admin`, and `Secure` over https.
 */
import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import * as v from "valibot";
import type { AppEnv } from "../../src/env";
import type { DeskFlash } from "../../src/views/desk/sources/source-list";

const FLASH_COOKIE = "edgewire_flash";
/** Long enough for the redirect, short enough that a stale message never greets a later visit. */
const FLASH_SECONDS = 60;
/**
 * A browser drops a cookie over 4096 bytes (name, value and attributes), and the value is sent
 * percent-encoded: a space is 3 bytes, a non-ASCII letter up to 9. So the encoded size is what counts.
 */
const MAX_ENCODED = 3600;
const MORE = "… and more (see each source's row).";

function encodedSize(value: unknown): number {
	return encodeURIComponent(JSON.stringify(value)).length;
}

const Stored = v.object({ kind: v.picklist(["info", "ok", "error"]), lines: v.array(v.string()) });

function options(c: Context<AppEnv>) {
	return {
		httpOnly: true,
		sameSite: "Strict",
		path: "/admin",
		secure: new URL(c.req.url).protocol === "https:",
	} as const;
}

/** Leaves `flash` for the next desk page; lines past the cookie's room are cut with a note. */
export function setFlash(c: Context<AppEnv>, flash: DeskFlash): void {
	const lines: string[] = [];
	// The frame, and room for the closing note; each line adds itself and a comma.
	let size = encodedSize({ kind: flash.kind, lines: [MORE] });
	for (const line of flash.lines) {
		size += encodedSize(line) + 3;
		if (size > MAX_ENCODED) {
			lines.push(MORE);
			break;
		}
		lines.push(line);
	}
	setCookie(c, FLASH_COOKIE, JSON.stringify({ kind: flash.kind, lines }), { ...options(c), maxAge: FLASH_SECONDS });
}

/** The message left by the last form post, cleared as it is read; undefined when there is none. */
export function takeFlash(c: Context<AppEnv>): DeskFlash | undefined {
	const raw = getCookie(c, FLASH_COOKIE);
	if (raw === undefined) return undefined;
	deleteCookie(c, FLASH_COOKIE, options(c));
	try {
		const parsed = v.safeParse(Stored, JSON.parse(raw));
		return parsed.success ? parsed.output : undefined;
	} catch {
		return undefined;
	}
}
