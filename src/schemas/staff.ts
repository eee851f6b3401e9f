/**
 * @module The identity API's shapes: staff accounts, sign-in links, personal API tokens and the audit
 * log, as requests are validated and answers are documented (src/api/openapi.ts).
 */
import * as v from "valibot";
import { ROLES } from "../auth/actor";
import { IsoDateTime, text } from "./common";
import { LimitParam } from "./paging";

export const RoleName = v.picklist(ROLES, `must be one of ${ROLES.join(", ")}`);

/** Email addresses are compared case-insensitively, so they are stored lowercased. */
export const Email = v.pipe(
	v.string(),
	v.trim(),
	v.maxLength(254, "must be at most 254 characters"),
	v.email("must be an email address"),
	v.toLowerCase(),
);

/** Staff ids are random, 16 base64url characters (`src/auth/secrets.ts`). */
const Id = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{8,64}$/, "must be an id as the API gives it"));

export const StaffInput = v.strictObject({
	email: Email,
	name: text(120),
	role: RoleName,
});
export type StaffInput = v.InferOutput<typeof StaffInput>;

/** A change to a person's name, role or whether they may sign in; at least one field. */
export const StaffPatch = v.pipe(
	v.strictObject({
		name: v.optional(text(120)),
		role: v.optional(RoleName),
		disabled: v.optional(v.boolean()),
	}),
	v.check((patch) => Object.keys(patch).length > 0, "must change at least one of name, role, disabled"),
);
export type StaffPatch = v.InferOutput<typeof StaffPatch>;

export const Staff = v.object({
	id: Id,
	email: v.string(),
	name: v.string(),
	role: RoleName,
	disabled: v.boolean(),
	createdAt: IsoDateTime,
	updatedAt: IsoDateTime,
});
export type Staff = v.InferOutput<typeof Staff>;

export const StaffList = v.object({ staff: v.array(Staff) });

export const IdParam = v.object({ id: Id });

export const SignInLink = v.object({ url: v.string(), expiresAt: IsoDateTime });

export const EndedSessions = v.object({ ended: v.number() });

export const TokenInput = v.strictObject({
	name: text(80),
	/** At most the person's own role; their role when absent. */
	role: v.optional(RoleName),
});

export const CreatedToken = v.object({
	id: Id,
	/** The secret, shown this once: only its SHA-256 is stored. */
	token: v.string(),
	name: v.string(),
	role: RoleName,
});

export const TokenSummary = v.object({
	id: Id,
	name: v.string(),
	role: RoleName,
	createdAt: IsoDateTime,
	lastUsedAt: v.nullable(IsoDateTime),
});
export type TokenSummary = v.InferOutput<typeof TokenSummary>;

export const TokenList = v.object({ tokens: v.array(TokenSummary) });

export const AuditQuery = v.strictObject({
	limit: LimitParam(200, 50),
	/** The `next` of the page before: entries older than it. */
	cursor: v.optional(v.pipe(v.string(), v.regex(/^[1-9][0-9]{0,15}$/, "must be a cursor as the API gives it"))),
});

export const AuditEntry = v.object({
	id: v.number(),
	at: IsoDateTime,
	actor: v.object({ staffId: v.nullable(v.string()), name: v.string(), role: RoleName }),
	via: v.object({ kind: v.picklist(["session", "token", "owner"]), id: v.optional(v.string()) }),
	method: v.string(),
	path: v.string(),
	status: v.number(),
	detail: v.optional(v.string()),
});
export type AuditEntry = v.InferOutput<typeof AuditEntry>;

export const AuditPage = v.object({ entries: v.array(AuditEntry), next: v.optional(v.string()) });
export type AuditPage = v.InferOutput<typeof AuditPage>;
