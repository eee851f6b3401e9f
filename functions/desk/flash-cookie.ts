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
/** A cookie stays well under 4 KB with its attributes. */
const MAX_TEXT = 3000;

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
	let size = 0;
	for (const line of flash.lines) {
		size += line.length;
		if (size > MAX_TEXT) {
			lines.push("… and more (see each source's row).");
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
