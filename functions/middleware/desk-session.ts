/**
 * @module The guard for the newsroom's pages: a signed-in person (a session, or a bearer token as the
 * API accepts) or, for a page, a redirect to the sign-in page. Unsafe requests pass the Origin/CSRF
 * check first. Sets `c.var.actor` as `adminAuth` does.
 */
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../../src/env";
import { ApiError } from "../errors";
import { requestActor } from "./admin-auth";

export const SIGN_IN_PAGE = "/admin/sign-in";

const PAGE_METHODS = new Set(["GET", "HEAD"]);

export const deskSession = createMiddleware<AppEnv>(async (c, next) => {
	const actor = await requestActor(c);
	if (!actor) {
		if (PAGE_METHODS.has(c.req.method)) return c.redirect(SIGN_IN_PAGE, 302);
		throw new ApiError(401, "your session has ended: sign in again");
	}
	c.set("actor", actor);
	await next();
});
