/** @module The ETag digest of a body: what Hono's etag middleware computes, done once per render instead. */

const encoder = new TextEncoder();

/** SHA-1 over the UTF-8 text, as hex. */
export function sha1Hex(text: string): Promise<string> {
	return sha1HexOf(encoder.encode(text));
}

/** Hono's ETag middleware digest: SHA-1 over the body, chained per 256 KiB chunk, as hex. */
export async function sha1HexOf(bytes: Uint8Array): Promise<string> {
	const CHUNK = 262_144;
	let result: ArrayBuffer | undefined;
	for (let offset = 0; offset < bytes.byteLength || result === undefined; offset += CHUNK) {
		const chunk = bytes.subarray(offset, offset + CHUNK);
		let input: Uint8Array = chunk;
		if (result !== undefined) {
			input = new Uint8Array(result.byteLength + chunk.byteLength);
			input.set(new Uint8Array(result), 0);
			input.set(chunk, result.byteLength);
		}
		result = await crypto.subtle.digest("SHA-1", input);
	}
	let hex = "";
	for (const byte of new Uint8Array(result)) hex += byte.toString(16).padStart(2, "0");
	return hex;
}
