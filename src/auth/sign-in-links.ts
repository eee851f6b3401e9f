/**
 * @module Issuing a one-time sign-in link: a random secret in the URL, its hash in the StoreWriter.
 * The link opens a confirm page; only the POST behind its button uses it up (functions/sign-in.tsx).
 */
import type { Bindings } from "../env";
import { err, ok, type Result } from "../result";
import type { StaffMissing } from "../store/staff-table";
import { storeWriter } from "../store/stub";
import { newSecret, secretHash } from "./secrets";

export const SIGN_IN_LINK_PATH = "/admin/sign-in/link";

export type IssuedLink = { url: string; expiresAt: string };

/** A link for `staffId` on `origin` (the origin the admin asked from, so it works locally and deployed). */
export async function issueSignInLink(
	env: Bindings,
	staffId: string,
	origin: string,
	now: Date,
): Promise<Result<IssuedLink, StaffMissing>> {
	const secret = newSecret();
	const issued = await storeWriter(env).issueSignInLink(staffId, await secretHash(secret), now.getTime());
	if (!issued.ok) return err(issued.error);
	const url = new URL(SIGN_IN_LINK_PATH, origin);
	url.searchParams.set("token", secret);
	return ok({ url: url.toString(), expiresAt: new Date(issued.value).toISOString() });
}

/** Whether a link's secret could sign in now, using nothing up (its confirm page). */
export async function checkSignInLink(env: Bindings, secret: string, now: Date) {
	return storeWriter(env).checkSignInLink(await secretHash(secret), now.getTime());
}
