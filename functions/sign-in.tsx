/**
 * @module Signing in and out of the newsroom: the sign-in page, a sign-in link's confirm page and the
 * POST that uses it up, the passkey ceremonies (sign-in, and registering one while signed in), the
 * passkeys page, and sign-out. Every unsafe request here passes the Origin/CSRF check; the audit
 * trail records each sign-in as the person who signed in.
 */

import type { AuthenticationResponseJSON, RegistrationResponseJSON } from "@simplewebauthn/server";
import { Hono } from "hono";
import * as v from "valibot";
import type { Actor } from "../src/auth/actor";
import {
	authenticatePasskey,
	authenticationOptions,
	registerPasskey,
	registrationOptions,
	relyingPartyOf,
} from "../src/auth/passkeys";
import { clearSessionCookie, readSessionCookie, setSessionCookie } from "../src/auth/session-cookie";
import { actorForSession, endSession, signInWithLink, startSessionFor } from "../src/auth/sessions";
import { checkSignInLink } from "../src/auth/sign-in-links";
import { siteConfig } from "../src/config";
import type { AppEnv } from "../src/env";
import { text } from "../src/schemas/common";
import { storeWriter } from "../src/store/stub";
import { DeskErrorPage } from "../src/views/desk/error-page";
import { PasskeysPage } from "../src/views/desk/passkeys-page";
import { SignInLinkPage, SignInPage } from "../src/views/desk/sign-in-pages";
import { ApiError } from "./errors";
import { deskSession, SIGN_IN_PAGE } from "./middleware/desk-session";
import { jsonRequest } from "./middleware/json-request";
import { sameOrigin } from "./middleware/same-origin";
import { validate } from "./middleware/validate";

/** A sign-in link's secret as issued: 32 random bytes, base64url. */
const LinkSecret = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{43}$/, "must be a sign-in link's token"));
/** The confirm page's query and its button's form: the link's `token`, checked against LinkSecret by each. */
const LinkToken = v.object({ token: v.optional(v.string(), "") });

/** What the browser script posts back from `navigator.credentials`: checked in depth by @simplewebauthn/server. */
const CeremonyResponse = v.looseObject({
	id: v.string(),
	rawId: v.string(),
	type: v.string(),
	response: v.looseObject({}),
});
const SignInVerify = v.object({ response: CeremonyResponse });
const RegisterVerify = v.object({ response: CeremonyResponse, name: v.optional(text(60)) });

const PasskeyParam = v.object({ id: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,1400}$/, "must be a passkey id")) });

const NOTICES = ["welcome", "registered", "removed"] as const;

function noStore(c: { header: (name: string, value: string) => void }) {
	// Sign-in answers carry secrets or set cookies: never kept by a cache.
	c.header("Cache-Control", "no-store");
}

/** The staff account behind a signed-in actor; the owner's token has none. */
async function staffOf(env: AppEnv["Bindings"], actor: Actor) {
	if (actor.staffId === null) throw new ApiError(400, "the owner's token belongs to no staff account");
	const staff = await storeWriter(env).getStaff(actor.staffId);
	if (!staff) throw new ApiError(404, "no such staff account");
	return staff;
}

export const signInRoutes = new Hono<AppEnv>()
	.get(SIGN_IN_PAGE, async (c) => {
		const secret = readSessionCookie(c);
		if (secret && (await actorForSession(c.env, secret, c.var.now))) return c.redirect("/admin", 302);
		noStore(c);
		const signedOut = c.req.query("signed-out") !== undefined;
		return c.html(<SignInPage notice={signedOut ? "You are signed out." : undefined} />);
	})
	/** The link's confirm page: uses nothing up, only says whether the link still works. */
	.get("/admin/sign-in/link", validate("query", LinkToken), async (c) => {
		noStore(c);
		const token = c.req.valid("query").token;
		if (!v.is(LinkSecret, token)) {
			return c.html(
				<DeskErrorPage status={400} message="This sign-in link is not valid. Ask an admin for a new one." />,
				400,
			);
		}
		const checked = await checkSignInLink(c.env, token, c.var.now);
		if (!checked.ok) return c.html(<DeskErrorPage status={400} message={checked.error.detail} />, 400);
		return c.html(<SignInLinkPage token={token} />);
	})
	/** The confirm button: uses the link up, starts a session, and offers to register a passkey. */
	.post("/admin/sign-in/link", sameOrigin, validate("form", LinkToken), async (c) => {
		noStore(c);
		const token = c.req.valid("form").token;
		if (!v.is(LinkSecret, token)) {
			return c.html(
				<DeskErrorPage status={400} message="This sign-in link is not valid. Ask an admin for a new one." />,
				400,
			);
		}
		const signedIn = await signInWithLink(c.env, token, c.req.header("user-agent"), c.var.now);
		if (!signedIn.ok) return c.html(<DeskErrorPage status={400} message={signedIn.error.detail} />, 400);
		setSessionCookie(c, signedIn.value.secret);
		c.set("actor", signedIn.value.actor);
		c.set("auditDetail", "signed in by a sign-in link");
		return c.redirect("/admin/passkeys?notice=welcome", 303);
	})
	.post("/admin/sign-in/passkey/options", sameOrigin, async (c) => {
		noStore(c);
		return c.json(await authenticationOptions(c.env, relyingPartyOf(c.req.url, c.env.SITE_NAME), c.var.now));
	})
	/** `{redirect}` with the session cookie set, or `{error}` with a 400. */
	.post("/admin/sign-in/passkey/verify", sameOrigin, jsonRequest, validate("json", SignInVerify), async (c) => {
		noStore(c);
		const response = c.req.valid("json").response as unknown as AuthenticationResponseJSON;
		const rp = relyingPartyOf(c.req.url, c.env.SITE_NAME);
		const proven = await authenticatePasskey(c.env, rp, response, c.var.now);
		if (!proven.ok) return c.json({ error: proven.error.detail }, proven.error.code === "passkey.disabled" ? 403 : 400);
		const signedIn = await startSessionFor(c.env, proven.value.staff, c.req.header("user-agent"), c.var.now);
		setSessionCookie(c, signedIn.secret);
		c.set("actor", signedIn.actor);
		c.set("auditDetail", `signed in with the passkey "${proven.value.passkeyName}"`);
		return c.json({ redirect: "/admin" });
	})
	/** Ends the session on the server and clears its cookie. */
	.post("/admin/sign-out", sameOrigin, async (c) => {
		noStore(c);
		const secret = readSessionCookie(c);
		if (secret) {
			const actor = await actorForSession(c.env, secret, c.var.now);
			if (actor) c.set("actor", actor);
			await endSession(c.env, secret);
			c.set("auditDetail", "signed out");
		}
		clearSessionCookie(c);
		return c.redirect(`${SIGN_IN_PAGE}?signed-out`, 303);
	})
	// Hono's "/x/*" matches "/x" too: one guard, one session look-up a request.
	.use("/admin/passkeys/*", deskSession)
	.get("/admin/passkeys", async (c) => {
		const { actor } = c.var;
		const passkeys = actor.staffId === null ? [] : await storeWriter(c.env).passkeysOf(actor.staffId);
		const notice = NOTICES.find((name) => name === c.req.query("notice"));
		return c.html(
			<PasskeysPage actor={actor} passkeys={passkeys} timeZone={siteConfig(c.env).timeZone} notice={notice} />,
		);
	})
	/** The registration form posted without its script: a passkey needs the browser's WebAuthn API. */
	.post("/admin/passkeys/register", (c) =>
		c.html(
			<DeskErrorPage
				status={400}
				message="Registering a passkey needs JavaScript in this browser. Turn it on and try again."
				actor={c.var.actor}
			/>,
			400,
		),
	)
	.post("/admin/passkeys/register/options", async (c) => {
		const staff = await staffOf(c.env, c.var.actor);
		return c.json(await registrationOptions(c.env, relyingPartyOf(c.req.url, c.env.SITE_NAME), staff, c.var.now));
	})
	/** `{id, name}` of the new passkey, or `{error}` with a 400. */
	.post("/admin/passkeys/register/verify", jsonRequest, validate("json", RegisterVerify), async (c) => {
		const staff = await staffOf(c.env, c.var.actor);
		const { response, name } = c.req.valid("json");
		const rp = relyingPartyOf(c.req.url, c.env.SITE_NAME);
		const registered = await registerPasskey(
			c.env,
			rp,
			staff,
			response as unknown as RegistrationResponseJSON,
			name ?? "Passkey",
			c.var.now,
		);
		if (!registered.ok) return c.json({ error: registered.error.detail }, 400);
		c.set("auditDetail", `registered the passkey "${registered.value.name}"`);
		return c.json(registered.value, 201);
	})
	.post("/admin/passkeys/:id/delete", validate("param", PasskeyParam), async (c) => {
		const staff = await staffOf(c.env, c.var.actor);
		const { id } = c.req.valid("param");
		if (!(await storeWriter(c.env).deletePasskey(id, staff.id))) throw new ApiError(404, "no such passkey");
		c.set("auditDetail", "removed a passkey");
		return c.redirect("/admin/passkeys?notice=removed", 303);
	});
