/** @module Admin routes for keep and block rules and their dry run (bearer token required): validate, call src/, respond. */
import { Hono } from "hono";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../src/env";
import { GlobalRulesInput, MAX_GLOBAL_RULES, MAX_SOURCE_RULES, SourceRulesInput } from "../src/schemas/rules";
import { SourceIdParam } from "../src/schemas/source";
import type { RulesInvalid, SourceMissing } from "../src/store/screening";
import { storeWriter } from "../src/store/stub";
import { ApiError } from "./errors";
import { adminAuth, requireRole } from "./middleware/admin-auth";
import { jsonRequest } from "./middleware/json-request";
import { validate } from "./middleware/validate";

/** A set past its cap is well-formed, only too long to take: 413 before the schema's 400, nothing stored. */
const withinCap = (max: number) =>
	createMiddleware<AppEnv>(async (c, next) => {
		const { rules } = ((await c.req.json()) ?? {}) as { rules?: unknown };
		if (Array.isArray(rules) && rules.length > max) {
			const message = `at most ${max} rules; this set has ${rules.length}`;
			throw new ApiError(413, `too many rules: ${message}`, [{ path: "rules", message }]);
		}
		await next();
	});

const sourceId = validate("param", SourceIdParam, { message: "invalid source id" });
const sourceRulesBody = [jsonRequest, withinCap(MAX_SOURCE_RULES), validate("json", SourceRulesInput)] as const;

/** A refusal as its answer: an unknown source is a 404, a set re2js or the caps refuse a 400 naming each rule. */
function refused(error: SourceMissing | RulesInvalid): never {
	if (error.code === "source.missing") throw new ApiError(404, error.detail);
	throw new ApiError(400, error.detail, error.issues);
}

export const ruleRoutes = new Hono<AppEnv>()
	.use("/api/rules", adminAuth, requireRole("admin"))
	.use("/api/sources/:id/rules", adminAuth, requireRole("admin"))
	.use("/api/sources/:id/rules/test", adminAuth, requireRole("admin"))
	/** `{rules: [{id, action, field, kind, value, createdAt}]}`: the rules every source's items are checked against. */
	.get("/api/rules", async (c) => {
		const read = await storeWriter(c.env).getRules(null);
		if (!read.ok) refused(read.error);
		return c.json({ rules: read.value });
	})
	/** Replaces the global set; answers with it as stored. */
	.put("/api/rules", jsonRequest, withinCap(MAX_GLOBAL_RULES), validate("json", GlobalRulesInput), async (c) => {
		const saved = await storeWriter(c.env).putRules(null, c.req.valid("json").rules, c.var.now.toISOString());
		if (!saved.ok) refused(saved.error);
		return c.json({ rules: saved.value });
	})
	/** `{sourceId, rules}`: one source's own rules (the global ones apply too). */
	.get("/api/sources/:id/rules", sourceId, async (c) => {
		const { id } = c.req.valid("param");
		const read = await storeWriter(c.env).getRules(id);
		if (!read.ok) refused(read.error);
		return c.json({ sourceId: id, rules: read.value });
	})
	/** Replaces one source's set; answers with it as stored. */
	.put("/api/sources/:id/rules", sourceId, ...sourceRulesBody, async (c) => {
		const { id } = c.req.valid("param");
		const saved = await storeWriter(c.env).putRules(id, c.req.valid("json").rules, c.var.now.toISOString());
		if (!saved.ok) refused(saved.error);
		return c.json({ sourceId: id, rules: saved.value });
	})
	/** The dry run: what this set (with the stored global rules) would do to the source's last fetched items. */
	.post("/api/sources/:id/rules/test", sourceId, ...sourceRulesBody, async (c) => {
		const tried = await storeWriter(c.env).testRules(c.req.valid("param").id, c.req.valid("json").rules);
		if (!tried.ok) refused(tried.error);
		return c.json(tried.value);
	});
