/**
 * @module The API tokens page (anyone signed in): GET /admin/tokens lists the person's own tokens; its
 * form posts create one (its secret shown this once) and revoke one, by the same rules as /api/tokens.
 */
import { type Context, Hono } from "hono";
import * as v from "valibot";
import { createToken } from "../../src/auth/api-tokens";
import { siteConfig } from "../../src/config";
import type { AppEnv } from "../../src/env";
import { formatIssues } from "../../src/schemas/issues";
import { IdParam, TokenInput } from "../../src/schemas/staff";
import { storeWriter } from "../../src/store/stub";
import { TokensPage, type TokensPageProps } from "../../src/views/desk/tokens-page";
import { deskSession } from "../middleware/desk-session";
import { TOKEN_REFUSAL_STATUS } from "../tokens";

async function renderTokens(
	c: Context<AppEnv>,
	props: Partial<Omit<TokensPageProps, "actor" | "tokens" | "timeZone">> = {},
	status: 200 | 201 | 400 | 403 | 404 | 409 = 200,
) {
	const { staffId } = c.var.actor;
	const tokens = staffId === null ? [] : await storeWriter(c.env).listTokens(staffId);
	return c.html(
		<TokensPage actor={c.var.actor} tokens={tokens} timeZone={siteConfig(c.env).timeZone} {...props} />,
		status,
	);
}

export const deskTokenRoutes = new Hono<AppEnv>()
	// "…/*" matches the bare path too, so the guard (a session look-up) runs once a request.
	.use("/admin/tokens/*", deskSession)
	.get("/admin/tokens", (c) =>
		renderTokens(c, c.req.query("done") === "revoked" ? { flash: { kind: "ok", text: "Token revoked." } } : {}),
	)
	.post("/admin/tokens", async (c) => {
		const form = await c.req.parseBody();
		const values = {
			name: typeof form.name === "string" ? form.name.trim() : "",
			role: typeof form.role === "string" ? form.role : "",
		};
		const parsed = v.safeParse(TokenInput, { name: values.name, ...(values.role ? { role: values.role } : {}) });
		if (!parsed.success) {
			const errors: Partial<Record<"name" | "role", string>> = {};
			for (const issue of formatIssues(parsed.issues)) {
				if (issue.path === "name" || issue.path === "role") errors[issue.path] ??= issue.message;
			}
			return renderTokens(c, { errors, values }, 400);
		}
		const created = await createToken(c.env, c.var.actor, parsed.output.name, parsed.output.role, c.var.now);
		if (!created.ok) {
			const errors =
				created.error.code === "token.role" ? { role: created.error.detail } : { form: created.error.detail };
			return renderTokens(c, { errors, values }, TOKEN_REFUSAL_STATUS[created.error.code]);
		}
		c.set("auditDetail", `token ${created.value.id} "${created.value.name}" as ${created.value.role}`);
		// The secret is on this page only: never cached, never shown again.
		c.header("Cache-Control", "no-store");
		return renderTokens(c, { created: created.value }, 201);
	})
	.post("/admin/tokens/:id/revoke", async (c) => {
		const parsed = v.safeParse(IdParam, { id: c.req.param("id") });
		const { staffId } = c.var.actor;
		// The page revokes only one's own tokens (an admin revokes others' through the API).
		const revoked =
			parsed.success && staffId !== null && (await storeWriter(c.env).revokeToken(parsed.output.id, staffId));
		if (!revoked) return renderTokens(c, { flash: { kind: "error", text: "There is no such token of yours." } }, 404);
		c.set("auditDetail", `revoked token ${parsed.output.id}`);
		return c.redirect("/admin/tokens?done=revoked", 303);
	});
