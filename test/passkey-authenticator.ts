/**
 * @module A software passkey for tests: an ES256 (P-256) key made with WebCrypto that answers the
 * server's registration options with a `none` attestation and its authentication options with a
 * signed assertion, byte for byte as WebAuthn lays them out, so the real @simplewebauthn/server
 * verification runs against it. The browser e2e tests use Chrome's virtual authenticator instead.
 */
import { isoBase64URL, isoCBOR } from "@simplewebauthn/server/helpers";

const encoder = new TextEncoder();

type Bytes = Uint8Array<ArrayBuffer>;

const utf8 = (text: string): Bytes => new Uint8Array(encoder.encode(text));

async function sha256(bytes: Bytes): Promise<Bytes> {
	return new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
}

function concat(...parts: Uint8Array[]): Bytes {
	const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
	let at = 0;
	for (const part of parts) {
		out.set(part, at);
		at += part.length;
	}
	return out;
}

function uint32(value: number): Bytes {
	const out = new Uint8Array(4);
	new DataView(out.buffer).setUint32(0, value);
	return out;
}

/** One unsigned DER INTEGER from a big-endian magnitude: leading zeros dropped, a zero added if the top bit is set. */
function derInteger(bytes: Uint8Array): Bytes {
	let start = 0;
	while (start < bytes.length - 1 && bytes[start] === 0) start++;
	let body: Bytes = new Uint8Array(bytes.slice(start));
	if ((body[0] as number) & 0x80) body = concat(new Uint8Array([0]), body);
	return concat(new Uint8Array([0x02, body.length]), body);
}

/** WebCrypto signs ECDSA as r‖s; WebAuthn's ES256 signature is the DER SEQUENCE of the two. */
function derSignature(raw: Uint8Array): Bytes {
	const body = concat(derInteger(raw.slice(0, 32)), derInteger(raw.slice(32)));
	return concat(new Uint8Array([0x30, body.length]), body);
}

type Options = { challenge: string; rp?: { id?: string } };

export class TestPasskey {
	private counter = 0;

	private constructor(
		readonly id: Bytes,
		private readonly keys: CryptoKeyPair,
		readonly origin: string,
	) {}

	static async create(origin: string): Promise<TestPasskey> {
		const keys = (await crypto.subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, true, [
			"sign",
			"verify",
		])) as CryptoKeyPair;
		return new TestPasskey(crypto.getRandomValues(new Uint8Array(16)), keys, origin);
	}

	get credentialId(): string {
		return isoBase64URL.fromBuffer(this.id);
	}

	private clientData(type: string, challenge: string): Bytes {
		return utf8(JSON.stringify({ type, challenge, origin: this.origin, crossOrigin: false }));
	}

	private async rpIdHash(): Promise<Bytes> {
		return sha256(utf8(new URL(this.origin).hostname));
	}

	/** The `RegistrationResponseJSON` a browser would post for `options`. */
	async register(options: Options) {
		const jwk = (await crypto.subtle.exportKey("jwk", this.keys.publicKey)) as JsonWebKey;
		const cose = new Map<number, number | Uint8Array>([
			[1, 2], // kty: EC2
			[3, -7], // alg: ES256
			[-1, 1], // crv: P-256
			[-2, isoBase64URL.toBuffer(jwk.x as string)],
			[-3, isoBase64URL.toBuffer(jwk.y as string)],
		]);
		const credentialIdLength = new Uint8Array([0, this.id.length]);
		const authData = concat(
			await this.rpIdHash(),
			new Uint8Array([0x45]), // user present, user verified, attested credential data
			uint32(this.counter),
			new Uint8Array(16), // AAGUID: none
			credentialIdLength,
			this.id,
			isoCBOR.encode(cose),
		);
		const attestationObject = isoCBOR.encode(
			new Map<string, string | Map<string, never> | Uint8Array>([
				["fmt", "none"],
				["attStmt", new Map<string, never>()],
				["authData", authData],
			]),
		);
		return {
			id: this.credentialId,
			rawId: this.credentialId,
			type: "public-key",
			clientExtensionResults: {},
			response: {
				clientDataJSON: isoBase64URL.fromBuffer(this.clientData("webauthn.create", options.challenge)),
				attestationObject: isoBase64URL.fromBuffer(attestationObject),
				transports: ["internal"],
			},
		};
	}

	/** The `AuthenticationResponseJSON` a browser would post for `options`. */
	async authenticate(options: Options) {
		this.counter += 1;
		const authData = concat(await this.rpIdHash(), new Uint8Array([0x05]), uint32(this.counter));
		const clientData = this.clientData("webauthn.get", options.challenge);
		const signed = concat(authData, await sha256(clientData));
		const raw = new Uint8Array(
			await crypto.subtle.sign({ name: "ECDSA", hash: "SHA-256" }, this.keys.privateKey, signed),
		);
		return {
			id: this.credentialId,
			rawId: this.credentialId,
			type: "public-key",
			clientExtensionResults: {},
			response: {
				clientDataJSON: isoBase64URL.fromBuffer(clientData),
				authenticatorData: isoBase64URL.fromBuffer(authData),
				signature: isoBase64URL.fromBuffer(derSignature(raw)),
			},
		};
	}
}
