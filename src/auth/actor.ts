/**
 * @module Who is making an admin request: the person, their role, and the credential they used.
 * The admin middleware sets it (`c.var.actor`); roles are checked against it on the API itself,
 * and the audit log records it.
 */

/** Roles in ascending order of power: each can do everything the ones before it can. */
export const ROLES = ["contributor", "editor", "admin"] as const;
export type Role = (typeof ROLES)[number];

/** How the request authenticated: a browser session, a personal API token, or the owner's `ADMIN_TOKEN`. */
export type Credential = { kind: "session" | "token"; id: string } | { kind: "owner" };

export type Actor = {
	/** The staff account; null for the owner's break-glass `ADMIN_TOKEN`. */
	staffId: string | null;
	name: string;
	role: Role;
	via: Credential;
};

/** The owner, authenticated by `ADMIN_TOKEN`: an admin with no staff account. */
export const OWNER: Actor = { staffId: null, name: "owner (ADMIN_TOKEN)", role: "admin", via: { kind: "owner" } };

/** Whether `role` is at least `needed`. */
export function hasRole(role: Role, needed: Role): boolean {
	return ROLES.indexOf(role) >= ROLES.indexOf(needed);
}
