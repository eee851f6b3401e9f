/** @module A person's own API tokens (any signed-in staff): create (the secret shown once), list, revoke. */
import { Hono } from "hono";
import { hasRole } from "../src/auth/actor";
import { createToken } from "../src/auth/api-tokens";
import type { AppEnv } from "../src/env";
import { IdParam, TokenInput } from "../src/schemas/staff";
import { storeWriter } from "../src/store/stub";
import { ApiError } from "./errors";
import { adminAuth } from "./middleware/admin-auth";
import { jsonRequest } from "./middleware/json-request";
import { validate } from "./middleware/validate";

/** The answer to each refusal, for the API and the tokens page alike. */
export const TOKEN_REFUSAL_STATUS = { "token.owner": 400, "token.role": 403, "token.limit": 409 } as const;

export const tokenRoutes = new Hono<AppEnv>()
	.use("/api/tokens", adminAuth)
	.use("/api/tokens/*", adminAuth)
	/** 201 `{id, token, name, role}`; the role defaults to, and is at most, the caller's (403 above it). */
	.post("/api/tokens", jsonRequest, validate("json", TokenInput), async (c) => {
		const { name, role } = c.req.valid("json");
		const created = await createToken(c.env, c.var.actor, name, role, c.var.now);
		if (!created.ok) throw new ApiError(TOKEN_REFUSAL_STATUS[created.error.code], created.error.detail);
		c.set("auditDetail", `token ${created.value.id} "${name}" as ${created.value.role}`);
		return c.json(created.value, 201);
	})
	/** The caller's own tokens, without their secrets. */
	.get("/api/tokens", async (c) => {
		const { staffId } = c.var.actor;
		return c.json({ tokens: staffId === null ? [] : await storeWriter(c.env).listTokens(staffId) });
	})
	/** Revokes one of the caller's tokens (an admin may revoke anyone's); 204, or 404. */
	.delete("/api/tokens/:id", validate("param", IdParam, { message: "invalid token id" }), async (c) => {
		const { actor } = c.var;
		// null revokes anyone's: only an admin's call may pass it.
		const owner = hasRole(actor.role, "admin") ? null : actor.staffId;
		const revoked =
			owner === null && !hasRole(actor.role, "admin")
				? false
				: await storeWriter(c.env).revokeToken(c.req.valid("param").id, owner);
		if (!revoked) throw new ApiError(404, "no such token");
		c.set("auditDetail", `revoked token ${c.req.valid("param").id}`);
		return c.body(null, 204);
	});
