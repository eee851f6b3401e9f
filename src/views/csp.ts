/**
 * @module The Content-Security-Policy every response carries, computed once per isolate.
 *
 * Nothing inline runs or applies unless its SHA-256 is listed: the live-age script, the
 * new-stories script and the stylesheet are the only inline code, and both are constants, so their hashes are too.
 * JSON-LD blocks are data, not script, and CSP doesn't govern them.
 */
import { LIVE_AGE_SCRIPT } from "../age/live-script";
import { NEW_STORIES_SCRIPT } from "../notice/new-stories";
import { SITE_CSS } from "./styles";

/** `'sha256-…'` of `text` as the browser hashes it: the UTF-8 bytes of the element's content. */
export async function cspHash(text: string): Promise<string> {
	const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text)));
	let binary = "";
	for (const byte of digest) binary += String.fromCharCode(byte);
	return `'sha256-${btoa(binary)}'`;
}

async function buildPolicy(): Promise<string> {
	const [ages, notice, style] = await Promise.all([
		cspHash(LIVE_AGE_SCRIPT),
		cspHash(NEW_STORIES_SCRIPT),
		cspHash(SITE_CSS),
	]);
	return [
		"default-src 'none'",
		`script-src ${ages} ${notice}`,
		// The new-stories notice polls our own /api/headlines.
		"connect-src 'self'",
		`style-src ${style}`,
		// Lead images and thumbnails come from any https host (the schema admits https only).
		"img-src 'self' https:",
		"base-uri 'none'",
		// The masthead's search box submits here; nothing posts anywhere else.
		"form-action 'self'",
		"frame-ancestors 'none'",
	].join("; ");
}

let policy: Promise<string> | undefined;

/** The policy string; the hashes are computed on first use and then reused. */
export function contentSecurityPolicy(): Promise<string> {
	policy ??= buildPolicy();
	return policy;
}
