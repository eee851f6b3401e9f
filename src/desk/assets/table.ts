/**
 * @module The newsroom's static files, served by GET /admin/assets/:name (functions/desk/assets.ts):
 * the stylesheet and the client scripts. Pages link them through `assetUrl`, whose `?v=` changes with
 * the text, so a browser may keep each one for a year.
 */
import { PASSKEY_CLIENT_SCRIPT } from "../../auth/passkey-client";
import { DESK_CSS } from "./desk-css";
import { EDITOR_SCRIPT } from "./editor-script";
import { fingerprint } from "./version";
import { WEBAUTHN_BROWSER_SCRIPT } from "./webauthn-bundle";

export type DeskAsset = { type: string; text: string };

const CSS = "text/css; charset=utf-8";
const JS = "text/javascript; charset=utf-8";

const ASSETS: Readonly<Record<string, DeskAsset>> = {
	"desk.css": { type: CSS, text: DESK_CSS },
	"webauthn.js": { type: JS, text: WEBAUTHN_BROWSER_SCRIPT },
	"editor.js": { type: JS, text: EDITOR_SCRIPT },
	"passkeys.js": { type: JS, text: PASSKEY_CLIENT_SCRIPT },
};

const versions = new Map<string, string>();

/** The file's current fingerprint, computed once per isolate. */
export function assetVersion(name: string): string | undefined {
	const asset = ASSETS[name];
	if (!asset) return undefined;
	let version = versions.get(name);
	if (!version) {
		version = fingerprint(asset.text);
		versions.set(name, version);
	}
	return version;
}

export function deskAsset(name: string): DeskAsset | undefined {
	return Object.hasOwn(ASSETS, name) ? ASSETS[name] : undefined;
}

/** `/admin/assets/<name>?v=<fingerprint>`; a name not in the table still links (and 404s), without a version. */
export function assetUrl(name: string): string {
	const version = assetVersion(name);
	return version ? `/admin/assets/${name}?v=${version}` : `/admin/assets/${name}`;
}
