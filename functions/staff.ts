/** @module Staff accounts (admin): create, list, read, change, end a person's sessions, issue a sign-in link. */
import { Hono } from "hono";
import { issueSignInLink } from "../src/auth/sign-in-links";
import type { AppEnv } from "../src/env";
import { IdParam, StaffInput, StaffPatch } from "../src/schemas/staff";
import { storeWriter } from "../src/store/stub";
import { ApiError } from "./errors";
import { adminAuth, requireRole } from "./middleware/admin-auth";
import { jsonRequest } from "./middleware/json-request";
import { validate } from "./middleware/validate";

const staffId = validate("param", IdParam, { message: "invalid staff id" });

export const staffRoutes = new Hono<AppEnv>()
	.use("/api/staff", adminAuth, requireRole("admin"))
	.use("/api/staff/*", adminAuth, requireRole("admin"))
	/** 201 with the account; 409 when the email (in any case) is taken. */
	.post("/api/staff", jsonRequest, validate("json", StaffInput), async (c) => {
		const input = c.req.valid("json");
		const created = await storeWriter(c.env).createStaff(input, c.var.now.toISOString());
		if (!created.ok) throw new ApiError(409, created.error.detail);
		c.set("auditDetail", `created ${created.value.email} as ${created.value.role}`);
		return c.json(created.value, 201);
	})
	.get("/api/staff", async (c) => c.json({ staff: await storeWriter(c.env).listStaff() }))
	.get("/api/staff/:id", staffId, async (c) => {
		const staff = await storeWriter(c.env).getStaff(c.req.valid("param").id);
		if (!staff) throw new ApiError(404, "no such staff account");
		return c.json(staff);
	})
	/** Name, role or `disabled`; 409 rather than leave no active admin. */
	.patch("/api/staff/:id", staffId, jsonRequest, validate("json", StaffPatch), async (c) => {
		const patch = c.req.valid("json");
		const patched = await storeWriter(c.env).patchStaff(c.req.valid("param").id, patch, c.var.now.toISOString());
		if (!patched.ok) throw new ApiError(patched.error.code === "staff.missing" ? 404 : 409, patched.error.detail);
		c.set("auditDetail", `changed ${Object.keys(patch).join(", ")} of ${patched.value.email}`);
		return c.json(patched.value);
	})
	/** Removes a person with their sessions, links, passkeys and tokens: 204; 409 for the last active admin. */
	.delete("/api/staff/:id", staffId, async (c) => {
		const removed = await storeWriter(c.env).deleteStaff(c.req.valid("param").id);
		if (!removed.ok) throw new ApiError(removed.error.code === "staff.missing" ? 404 : 409, removed.error.detail);
		c.set("auditDetail", `removed ${removed.value.email} (${removed.value.role})`);
		return c.body(null, 204);
	})
	/** Signs a person out everywhere: `{ended}` sessions. */
	.delete("/api/staff/:id/sessions", staffId, async (c) => {
		const { id } = c.req.valid("param");
		const store = storeWriter(c.env);
		if (!(await store.getStaff(id))) throw new ApiError(404, "no such staff account");
		const ended = await store.endSessionsOf(id);
		c.set("auditDetail", `ended ${ended} session(s)`);
		return c.json({ ended });
	})
	/** A one-time link, good for 30 minutes: `{url, expiresAt}` (the owner's way to let the first admin in). */
	.post("/api/staff/:id/sign-in-links", staffId, async (c) => {
		const { id } = c.req.valid("param");
		const issued = await issueSignInLink(c.env, id, new URL(c.req.url).origin, c.var.now);
		if (!issued.ok) throw new ApiError(404, "no such staff account");
		c.set("auditDetail", `sign-in link for ${id}, expires ${issued.value.expiresAt}`);
		return c.json(issued.value, 201);
	});
