/**
 * @module The content POST's `X-Hub-Signature` (WebSub §7, "Authenticated Content Distribution"):
 * `method=hex`, an HMAC of the raw body keyed with the subscription's `hub.secret`, for sha1,
 * sha256, sha384 or sha512. Checked with `crypto.subtle.verify`, which compares in constant time.
 */

const HASHES = { sha1: "SHA-1", sha256: "SHA-256", sha384: "SHA-384", sha512: "SHA-512" } as const;

export type SignatureMethod = keyof typeof HASHES;

/** Why a body is not trusted; each is logged and the body ignored. */
export type SignatureFailure = "missing" | "malformed" | "unsupported" | "mismatch";

export type SignatureCheck = { ok: true; method: SignatureMethod } | { ok: false; reason: SignatureFailure };

/** The header's longest honest value: `sha512=` and 128 hex digits. */
const MAX_HEADER = 7 + 128;

export async function checkSignature(
	secret: string,
	header: string | null | undefined,
	body: Uint8Array,
): Promise<SignatureCheck> {
	if (!header) return { ok: false, reason: "missing" };
	const match = header.length <= MAX_HEADER ? /^\s*([A-Za-z0-9]+)=([0-9A-Fa-f]+)\s*$/.exec(header) : null;
	if (!match) return { ok: false, reason: "malformed" };
	const method = (match[1] ?? "").toLowerCase();
	if (!Object.hasOwn(HASHES, method)) return { ok: false, reason: "unsupported" };
	const hex = match[2] ?? "";
	if (hex.length % 2 !== 0) return { ok: false, reason: "malformed" };
	const key = await crypto.subtle.importKey(
		"raw",
		new TextEncoder().encode(secret),
		{ name: "HMAC", hash: HASHES[method as SignatureMethod] },
		false,
		["verify"],
	);
	// A signature of the wrong length simply fails to verify, in the same constant-time path.
	const valid = await crypto.subtle.verify("HMAC", key, hexBytes(hex), body);
	return valid ? { ok: true, method: method as SignatureMethod } : { ok: false, reason: "mismatch" };
}

/** The header a hub would send for `body` (tests, and any caller playing the hub). */
export async function sign(secret: string, body: Uint8Array, method: SignatureMethod = "sha256"): Promise<string> {
	const key = await crypto.subtle.importKey(
		"raw",
		new TextEncoder().encode(secret),
		{ name: "HMAC", hash: HASHES[method] },
		false,
		["sign"],
	);
	const mac = new Uint8Array(await crypto.subtle.sign("HMAC", key, body));
	return `${method}=${Array.from(mac, (b) => b.toString(16).padStart(2, "0")).join("")}`;
}

function hexBytes(hex: string): Uint8Array {
	const bytes = new Uint8Array(hex.length / 2);
	for (let i = 0; i < bytes.length; i++) bytes[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
	return bytes;
}
