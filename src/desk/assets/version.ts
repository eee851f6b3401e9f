/** @module A short, stable fingerprint of an asset's text, put in its URL so a changed file gets a new one. */

/** FNV-1a (32-bit) as 8 hex digits: synchronous and cheap; it only has to change when the text does. */
export function fingerprint(text: string): string {
	let hash = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		hash ^= text.charCodeAt(i);
		hash = Math.imul(hash, 0x01000193);
	}
	return (hash >>> 0).toString(16).padStart(8, "0");
}
