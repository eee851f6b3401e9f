/**
 * @module Sessions as the newsroom uses them: signing in (by a one-time link, or after a passkey
 * ceremony), finding who a cookie belongs to, and signing out. The cookie carries a random secret;
 * the StoreWriter keeps its hash, with a separate public id that the audit log names.
 */
import type { Bindings } from "../env";
import { err, ok, type Result } from "../result";
import type { Staff } from "../schemas/staff";
import type { LinkRefusal } from "../store/sign-in-links";
import { storeWriter } from "../store/stub";
import type { Actor } from "./actor";
import { newId, newSecret, secretHash } from "./secrets";

export type SignedIn = { secret: string; actor: Actor };

/** The actor a session acts as. */
export function sessionActor(staff: Staff, sessionId: string): Actor {
	return { staffId: staff.id, name: staff.name, role: staff.role, via: { kind: "session", id: sessionId } };
}

/** A short note of the browser, kept with the session so a person can tell their sessions apart. */
function userAgentSummary(userAgent: string | undefined): string {
	return (userAgent ?? "unknown").slice(0, 120);
}

/** Uses a sign-in link's secret up and starts a session: once per link, within its 30 minutes. */
export async function signInWithLink(
	env: Bindings,
	linkSecret: string,
	userAgent: string | undefined,
	now: Date,
): Promise<Result<SignedIn, LinkRefusal>> {
	const secret = newSecret();
	const session = { id: newId(), secretHash: await secretHash(secret), userAgent: userAgentSummary(userAgent) };
	const started = await storeWriter(env).signInByLink(await secretHash(linkSecret), session, now.getTime());
	if (!started.ok) return err(started.error);
	return ok({ secret, actor: sessionActor(started.value.staff, session.id) });
}

/** Starts a session for someone already proven (a passkey's signature). */
export async function startSessionFor(
	env: Bindings,
	staff: Staff,
	userAgent: string | undefined,
	now: Date,
): Promise<SignedIn> {
	const secret = newSecret();
	const id = newId();
	await storeWriter(env).startSession(
		{ id, secretHash: await secretHash(secret), staffId: staff.id, userAgent: userAgentSummary(userAgent) },
		now.getTime(),
	);
	return { secret, actor: sessionActor(staff, id) };
}

/** Who the session cookie's secret belongs to; null when it is unknown, idle too long or ended. */
export async function actorForSession(env: Bindings, secret: string, now: Date): Promise<Actor | null> {
	const live = await storeWriter(env).liveSession(await secretHash(secret), now.getTime());
	return live ? sessionActor(live.staff, live.id) : null;
}

export async function endSession(env: Bindings, secret: string): Promise<void> {
	await storeWriter(env).endSession(await secretHash(secret));
}
