/**
 * @module The passkey ceremonies (WebAuthn) through @simplewebauthn/server, which runs on WebCrypto in
 * workerd. The relying party is the request's own host and origin. Each ceremony's challenge is
 * stored by the StoreWriter, single-use, for five minutes; the verify step uses it up whether or not
 * the signature checks out, so a response can never be replayed.
 */
import {
	type AuthenticationResponseJSON,
	generateAuthenticationOptions,
	generateRegistrationOptions,
	type PublicKeyCredentialCreationOptionsJSON,
	type PublicKeyCredentialRequestOptionsJSON,
	type RegistrationResponseJSON,
	verifyAuthenticationResponse,
	verifyRegistrationResponse,
	type WebAuthnCredential,
} from "@simplewebauthn/server";
import { isoBase64URL } from "@simplewebauthn/server/helpers";
import type { Bindings } from "../env";
import { err, ok, type Result } from "../result";
import type { Staff } from "../schemas/staff";
import { storeWriter } from "../store/stub";

/** Who the passkey is for: this site, at the origin the person is using. */
export type RelyingParty = { id: string; origin: string; name: string };

export function relyingPartyOf(url: string, siteName: string): RelyingParty {
	const { hostname, origin } = new URL(url);
	return { id: hostname, origin, name: `${siteName} newsroom` };
}

export type PasskeyRefusal = { code: "passkey.unknown" | "passkey.invalid" | "passkey.disabled"; detail: string };

/** Options for `navigator.credentials.create`, excluding the person's existing passkeys. */
export async function registrationOptions(
	env: Bindings,
	rp: RelyingParty,
	staff: Staff,
	now: Date,
): Promise<PublicKeyCredentialCreationOptionsJSON> {
	const store = storeWriter(env);
	const existing = await store.passkeysOf(staff.id);
	const options = await generateRegistrationOptions({
		rpName: rp.name,
		rpID: rp.id,
		userName: staff.email,
		userDisplayName: staff.name,
		userID: new Uint8Array(new TextEncoder().encode(staff.id)),
		attestationType: "none",
		excludeCredentials: existing.map((key) => ({ id: key.id, transports: key.transports })),
		// A discoverable credential, so signing in needs no email first.
		authenticatorSelection: { residentKey: "required", userVerification: "preferred" },
	});
	await store.saveChallenge(options.challenge, "register", staff.id, now.getTime());
	return options;
}

/** Checks a registration response and stores the new passkey under `name`. */
export async function registerPasskey(
	env: Bindings,
	rp: RelyingParty,
	staff: Staff,
	response: RegistrationResponseJSON,
	name: string,
	now: Date,
): Promise<Result<{ id: string; name: string }, PasskeyRefusal>> {
	const store = storeWriter(env);
	let verified: Awaited<ReturnType<typeof verifyRegistrationResponse>>;
	try {
		verified = await verifyRegistrationResponse({
			response,
			expectedChallenge: (challenge) => store.takeChallenge(challenge, "register", staff.id, now.getTime()),
			expectedOrigin: rp.origin,
			expectedRPID: rp.id,
			requireUserVerification: false,
		});
	} catch (error) {
		return err({ code: "passkey.invalid", detail: `the passkey could not be registered: ${(error as Error).message}` });
	}
	if (!verified.verified) return err({ code: "passkey.invalid", detail: "the passkey could not be verified" });
	const { credential } = verified.registrationInfo;
	await store.addPasskey(
		{
			id: credential.id,
			staffId: staff.id,
			publicKey: isoBase64URL.fromBuffer(credential.publicKey),
			counter: credential.counter,
			transports: credential.transports ?? [],
			name,
		},
		now.getTime(),
	);
	return ok({ id: credential.id, name });
}

/** Options for `navigator.credentials.get`: any passkey of this site (discoverable credentials). */
export async function authenticationOptions(
	env: Bindings,
	rp: RelyingParty,
	now: Date,
): Promise<PublicKeyCredentialRequestOptionsJSON> {
	const options = await generateAuthenticationOptions({ rpID: rp.id, userVerification: "preferred" });
	await storeWriter(env).saveChallenge(options.challenge, "authenticate", null, now.getTime());
	return options;
}

/** Checks a sign-in assertion: the person it proves, with the passkey's name. */
export async function authenticatePasskey(
	env: Bindings,
	rp: RelyingParty,
	response: AuthenticationResponseJSON,
	now: Date,
): Promise<Result<{ staff: Staff; passkeyName: string }, PasskeyRefusal>> {
	const store = storeWriter(env);
	const passkey = await store.passkey(response.id);
	if (!passkey) {
		return err({ code: "passkey.unknown", detail: "this passkey is not registered here (it may have been removed)" });
	}
	let verified: Awaited<ReturnType<typeof verifyAuthenticationResponse>>;
	try {
		verified = await verifyAuthenticationResponse({
			response,
			expectedChallenge: (challenge) => store.takeChallenge(challenge, "authenticate", null, now.getTime()),
			expectedOrigin: rp.origin,
			expectedRPID: rp.id,
			credential: {
				id: passkey.id,
				publicKey: isoBase64URL.toBuffer(passkey.publicKey),
				counter: passkey.counter,
				transports: passkey.transports as WebAuthnCredential["transports"],
			},
			requireUserVerification: false,
		});
	} catch (error) {
		return err({ code: "passkey.invalid", detail: `the passkey sign-in failed: ${(error as Error).message}` });
	}
	if (!verified.verified) return err({ code: "passkey.invalid", detail: "the passkey's signature did not verify" });
	await store.recordPasskeyUse(passkey.id, verified.authenticationInfo.newCounter, now.getTime());
	const staff = await store.getStaff(passkey.staffId);
	if (!staff || staff.disabled) return err({ code: "passkey.disabled", detail: "this account can no longer sign in" });
	return ok({ staff, passkeyName: passkey.name });
}
