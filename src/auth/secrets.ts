/**
 * @module Random ids and secrets, and the SHA-256 by which secrets are stored: a session cookie, a
 * sign-in link or an API token is never kept as itself, so a copy of the database signs nobody in.
 */

function base64url(bytes: Uint8Array): string {
	let binary = "";
	for (const byte of bytes) binary += String.fromCharCode(byte);
	return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** `bytes` random bytes as base64url: 12 for an id (16 characters), 32 for a secret (43 characters). */
export function randomToken(bytes: number): string {
	return base64url(crypto.getRandomValues(new Uint8Array(bytes)));
}

/** A public id: unguessable enough to name a record, never enough to act as a credential. */
export function newId(): string {
	return randomToken(12);
}

/** A credential's secret part: 256 random bits. */
export function newSecret(): string {
	return randomToken(32);
}

/** The stored form of a secret: its SHA-256, base64url. */
export async function secretHash(secret: string): Promise<string> {
	const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(secret));
	return base64url(new Uint8Array(digest));
}
