/**
 * @module Staff pages (admin): GET /admin/staff, and its form posts: add a person, change a role, block or
 * allow sign-in, end all sessions, issue a sign-in link. Each validates with the API's schemas, makes one
 * call into the StoreWriter or src/auth, and renders the page again (or redirects after a plain change).
 */
import { type Context, Hono } from "hono";
import * as v from "valibot";
import { issueSignInLink } from "../../src/auth/sign-in-links";
import { siteConfig } from "../../src/config";
import type { AppEnv } from "../../src/env";
import { formatIssues } from "../../src/schemas/issues";
import { IdParam, StaffInput, StaffPatch } from "../../src/schemas/staff";
import { storeWriter } from "../../src/store/stub";
import { StaffPage, type StaffPageProps } from "../../src/views/desk/staff-page";
import { ApiError } from "../errors";
import { requireRole } from "../middleware/admin-auth";
import { deskSession } from "../middleware/desk-session";

const DONE: Record<string, string> = {
	added: "Added. Send them a sign-in link to let them in.",
	role: "Role changed.",
	blocked: "Sign-in blocked and their sessions ended.",
	allowed: "Sign-in allowed again.",
};

async function renderStaff(
	c: Context<AppEnv>,
	props: Partial<Omit<StaffPageProps, "actor" | "staff" | "timeZone">> = {},
	status: 200 | 201 | 400 | 404 | 409 = 200,
) {
	const staff = await storeWriter(c.env).listStaff();
	return c.html(
		<StaffPage actor={c.var.actor} staff={staff} timeZone={siteConfig(c.env).timeZone} {...props} />,
		status,
	);
}

function staffIdOf(c: Context<AppEnv>): string {
	const parsed = v.safeParse(IdParam, { id: c.req.param("id") });
	if (!parsed.success) throw new ApiError(404, "There is no such staff account.");
	return parsed.output.id;
}

function text(form: Record<string, unknown>, name: string): string {
	const value = form[name];
	return typeof value === "string" ? value.trim() : "";
}

/** A change by PATCH's rules (the last active admin cannot be demoted or blocked: a 409 shown as a message). */
async function patch(c: Context<AppEnv>, body: unknown, done: string) {
	const parsed = v.safeParse(StaffPatch, body);
	if (!parsed.success) {
		const [issue] = formatIssues(parsed.issues);
		return renderStaff(c, { flash: { kind: "error", text: `Not changed: ${issue?.path} ${issue?.message}.` } }, 400);
	}
	const id = staffIdOf(c);
	const patched = await storeWriter(c.env).patchStaff(id, parsed.output, c.var.now.toISOString());
	if (!patched.ok) {
		const status = patched.error.code === "staff.missing" ? 404 : 409;
		return renderStaff(c, { flash: { kind: "error", text: `Not changed: ${patched.error.detail}.` } }, status);
	}
	c.set("auditDetail", `changed ${Object.keys(parsed.output).join(", ")} of ${patched.value.email}`);
	// Blocking someone also signs them out everywhere, so a stolen session ends with the account.
	if (parsed.output.disabled) await storeWriter(c.env).endSessionsOf(id);
	return c.redirect(`/admin/staff?done=${done}`, 303);
}

export const deskStaffRoutes = new Hono<AppEnv>()
	// "…/*" matches the bare path too, so the guard (a session look-up) runs once a request.
	.use("/admin/staff/*", deskSession, requireRole("admin"))
	.get("/admin/staff", (c) => {
		const done = DONE[c.req.query("done") ?? ""];
		return renderStaff(c, done ? { flash: { kind: "ok", text: done } } : {});
	})
	.post("/admin/staff", async (c) => {
		const form = await c.req.parseBody();
		const values = { email: text(form, "email"), name: text(form, "name"), role: text(form, "role") };
		const parsed = v.safeParse(StaffInput, values);
		if (!parsed.success) {
			const errors: Partial<Record<"email" | "name" | "role", string>> = {};
			for (const issue of formatIssues(parsed.issues)) {
				const field = issue.path as keyof typeof errors;
				if (field in values) errors[field] ??= issue.message;
			}
			return renderStaff(c, { adding: { values, errors } }, 400);
		}
		const created = await storeWriter(c.env).createStaff(parsed.output, c.var.now.toISOString());
		if (!created.ok) return renderStaff(c, { adding: { values, errors: { email: created.error.detail } } }, 409);
		c.set("auditDetail", `created ${created.value.email} as ${created.value.role}`);
		return c.redirect("/admin/staff?done=added", 303);
	})
	.post("/admin/staff/:id/role", async (c) => patch(c, { role: text(await c.req.parseBody(), "role") }, "role"))
	.post("/admin/staff/:id/sign-in", async (c) => {
		const disabled = text(await c.req.parseBody(), "disabled") === "true";
		return patch(c, { disabled }, disabled ? "blocked" : "allowed");
	})
	.post("/admin/staff/:id/end-sessions", async (c) => {
		const id = staffIdOf(c);
		const store = storeWriter(c.env);
		const person = await store.getStaff(id);
		if (!person) throw new ApiError(404, "There is no such staff account.");
		const ended = await store.endSessionsOf(id);
		c.set("auditDetail", `ended ${ended} session(s) of ${person.email}`);
		const you = id === c.var.actor.staffId ? " (yours included: sign in again)" : "";
		return renderStaff(c, { flash: { kind: "ok", text: `Ended ${ended} session(s) of ${person.name}${you}.` } });
	})
	.post("/admin/staff/:id/sign-in-link", async (c) => {
		const id = staffIdOf(c);
		const person = await storeWriter(c.env).getStaff(id);
		const issued = person ? await issueSignInLink(c.env, id, new URL(c.req.url).origin, c.var.now) : undefined;
		if (!person || !issued?.ok) throw new ApiError(404, "There is no such staff account.");
		c.set("auditDetail", `sign-in link for ${person.email}, expires ${issued.value.expiresAt}`);
		// The link is a credential: this page must not be kept anywhere.
		c.header("Cache-Control", "no-store");
		return renderStaff(c, { link: { name: person.name, ...issued.value } }, 201);
	});
