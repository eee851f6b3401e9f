/**
 * @module Personal API tokens: `ew_<id>_<secret>`, shown once at creation; the StoreWriter keeps the
 * SHA-256 of the whole token. A token's role is at most its person's.
 */
import type { Bindings } from "../env";
import { err, ok, type Result } from "../result";
import { MAX_TOKENS_PER_PERSON } from "../store/api-tokens";
import { storeWriter } from "../store/stub";
import { type Actor, hasRole, type Role } from "./actor";
import { newId, newSecret, secretHash } from "./secrets";

const TOKEN_PATTERN = /^ew_[A-Za-z0-9_-]{16}_[A-Za-z0-9_-]{43}$/;

export type CreatedToken = { id: string; token: string; name: string; role: Role };
export type TokenRefusal = { code: "token.owner" | "token.role" | "token.limit"; detail: string };

export async function createToken(
	env: Bindings,
	actor: Actor,
	name: string,
	role: Role | undefined,
	now: Date,
): Promise<Result<CreatedToken, TokenRefusal>> {
	if (actor.staffId === null) {
		return err({
			code: "token.owner",
			detail: "the owner's ADMIN_TOKEN has no staff account to own a token; create a staff account and sign in as it",
		});
	}
	const granted = role ?? actor.role;
	if (!hasRole(actor.role, granted)) {
		return err({ code: "token.role", detail: `a token's role is at most yours: you are a ${actor.role}` });
	}
	const id = newId();
	const token = `ew_${id}_${newSecret()}`;
	const stored = await storeWriter(env).createToken(
		{ id, secretHash: await secretHash(token), staffId: actor.staffId, name, role: granted },
		now.getTime(),
	);
	if (!stored) {
		return err({
			code: "token.limit",
			detail: `you hold ${MAX_TOKENS_PER_PERSON} tokens, the most one person may: revoke one you no longer use first`,
		});
	}
	return ok({ id, token, name, role: granted });
}

/** Whether a bearer credential looks like one of ours (so the owner's token is not looked up in the table). */
export function isPersonalToken(bearer: string): boolean {
	return TOKEN_PATTERN.test(bearer);
}

/** The actor a personal token acts as; null when it is unknown or revoked, or its person disabled. */
export async function actorForToken(env: Bindings, token: string, now: Date): Promise<Actor | null> {
	const holder = await storeWriter(env).tokenHolder(await secretHash(token), now.getTime());
	if (!holder) return null;
	return {
		staffId: holder.staff.id,
		name: holder.staff.name,
		role: holder.role,
		via: { kind: "token", id: holder.tokenId },
	};
}
