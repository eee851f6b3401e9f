/**
 * @module The newsroom's Content-Security-Policy: stricter than the readers' in one way (no inline code
 * at all: the stylesheet and every script are same-origin files under /admin/assets/) and the same in
 * the rest (no third-party origin anywhere; images from https, for lead images in the preview).
 */
export const DESK_CSP = [
	"default-src 'none'",
	"script-src 'self'",
	"style-src 'self'",
	// The editor's preview, autosave and the passkey ceremony call our own API.
	"connect-src 'self'",
	"img-src 'self' https:",
	"form-action 'self'",
	"base-uri 'none'",
	"frame-ancestors 'none'",
].join("; ");

/** Whether `pathname` is a newsroom page or asset (the desk CSP's scope). */
export function isDeskPage(pathname: string): boolean {
	return pathname === "/admin" || pathname.startsWith("/admin/");
}
