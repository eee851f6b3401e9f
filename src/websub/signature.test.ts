import { describe, expect, it } from "vitest";
import { checkSignature, type SignatureMethod, sign } from "./signature";

const body = new TextEncoder().encode('<feed xmlns="http://www.w3.org/2005/Atom"></feed>');
const SECRET = "a3f1c0ffee";

describe("checkSignature", () => {
	it.each<SignatureMethod>(["sha1", "sha256", "sha384", "sha512"])(
		"Should accept an HMAC-%s of the raw body with the secret",
		async (method) => {
			const header = await sign(SECRET, body, method);
			expect(header).toMatch(new RegExp(`^${method}=[0-9a-f]+$`));
			expect(await checkSignature(SECRET, header, body)).toEqual({ ok: true, method });
			// Hex digits and the method name in either case are the same signature.
			expect(await checkSignature(SECRET, header.toUpperCase(), body)).toEqual({ ok: true, method });
		},
	);

	it("Should refuse another secret, other bytes, and a truncated or padded signature", async () => {
		const header = await sign(SECRET, body);
		expect(await checkSignature("other", header, body)).toEqual({ ok: false, reason: "mismatch" });
		expect(await checkSignature(SECRET, header, new Uint8Array([...body, 0x20]))).toEqual({
			ok: false,
			reason: "mismatch",
		});
		expect(await checkSignature(SECRET, header.slice(0, -2), body)).toEqual({ ok: false, reason: "mismatch" });
		expect(await checkSignature(SECRET, `${header}00`, body)).toEqual({ ok: false, reason: "mismatch" });
	});

	it("Should name why a header cannot be checked at all", async () => {
		expect(await checkSignature(SECRET, null, body)).toEqual({ ok: false, reason: "missing" });
		expect(await checkSignature(SECRET, "", body)).toEqual({ ok: false, reason: "missing" });
		expect(await checkSignature(SECRET, "sha256", body)).toEqual({ ok: false, reason: "malformed" });
		expect(await checkSignature(SECRET, "sha256=xyz", body)).toEqual({ ok: false, reason: "malformed" });
		expect(await checkSignature(SECRET, "sha256=abc", body)).toEqual({ ok: false, reason: "malformed" });
		expect(await checkSignature(SECRET, `sha256=${"a".repeat(4096)}`, body)).toEqual({
			ok: false,
			reason: "malformed",
		});
		expect(await checkSignature(SECRET, `md5=${"0".repeat(32)}`, body)).toEqual({ ok: false, reason: "unsupported" });
		expect(await checkSignature(SECRET, `constructor=${"0".repeat(32)}`, body)).toEqual({
			ok: false,
			reason: "unsupported",
		});
	});
});
