/**
 * @module The OpenAPI entries for the newsroom's identity routes (issue 12): staff, sign-in links,
 * personal API tokens and the audit log. openapi.ts spreads them into its document, passing in its
 * own builders so every entry is made the same way.
 */
import type * as v from "valibot";
import {
	AuditPage,
	AuditQuery,
	CreatedToken,
	EndedSessions,
	SignInLink,
	Staff,
	StaffInput,
	StaffList,
	StaffPatch,
	TokenInput,
	TokenList,
} from "../schemas/staff";

type Builders = {
	json: (ref: string, description: string) => unknown;
	error: (description: string) => unknown;
	queryParameters: (schema: v.GenericSchema) => unknown;
	/** The document's security requirement for the admin API, and its 401. */
	admin: unknown;
	adminErrors: Record<string, unknown>;
	bodyErrors: Record<string, unknown>;
};

const requestBody = (ref: string) => ({
	required: true,
	content: { "application/json": { schema: { $ref: `#/components/schemas/${ref}` } } },
});

const idParameter = { name: "id", in: "path", required: true, schema: { type: "string" } };

export function identityPaths({ json, error, queryParameters, admin, adminErrors, bodyErrors }: Builders) {
	const adminOnly = { ...adminErrors, "403": error("The caller is not an admin.") };
	return {
		"/api/staff": {
			get: {
				operationId: "listStaff",
				summary: "Every staff account (admin)",
				security: admin,
				responses: { "200": json("StaffList", "Everyone, by name."), ...adminOnly },
			},
			post: {
				operationId: "createStaff",
				summary: "Create a staff account (admin; the owner's ADMIN_TOKEN creates the first admin)",
				security: admin,
				requestBody: requestBody("StaffInput"),
				responses: {
					"201": json("Staff", "The new account."),
					...bodyErrors,
					...adminOnly,
					"409": error("An account with this email (in any case) exists."),
				},
			},
		},
		"/api/staff/{id}": {
			parameters: [idParameter],
			get: {
				operationId: "getStaff",
				summary: "One staff account (admin)",
				security: admin,
				responses: { "200": json("Staff", "The account."), ...adminOnly, "404": error("No such account.") },
			},
			patch: {
				operationId: "patchStaff",
				summary: "Change a person's name, role, or whether they may sign in (admin)",
				security: admin,
				requestBody: requestBody("StaffPatch"),
				responses: {
					"200": json("Staff", "The account as changed."),
					...bodyErrors,
					...adminOnly,
					"404": error("No such account."),
					"409": error("The change would leave no active admin."),
				},
			},
			delete: {
				operationId: "deleteStaff",
				summary: "Remove a person with their sessions, sign-in links, passkeys and tokens (admin)",
				description:
					"The audit log keeps their entries under the name it recorded; articles they own stay, for editors to edit.",
				security: admin,
				responses: {
					"204": { description: "Removed." },
					...adminOnly,
					"404": error("No such account."),
					"409": error("The person is the last active admin."),
				},
			},
		},
		"/api/staff/{id}/sessions": {
			parameters: [idParameter],
			delete: {
				operationId: "endStaffSessions",
				summary: "End every session of one person (admin)",
				security: admin,
				responses: {
					"200": json("EndedSessions", "How many sessions were ended."),
					...adminOnly,
					"404": error("No such account."),
				},
			},
		},
		"/api/staff/{id}/sign-in-links": {
			parameters: [idParameter],
			post: {
				operationId: "createSignInLink",
				summary: "A one-time sign-in link for a person, good for 30 minutes (admin)",
				description:
					"Opening the link shows a confirm page; only its button uses the link up, so a mail scanner's prefetch cannot. Only the link secret's SHA-256 is stored.",
				security: admin,
				responses: {
					"201": json("SignInLink", "The link and when it expires."),
					...adminOnly,
					"404": error("No such account."),
				},
			},
		},
		"/api/tokens": {
			get: {
				operationId: "listTokens",
				summary: "The caller's own API tokens, without their secrets",
				security: admin,
				responses: { "200": json("TokenList", "The caller's tokens, newest first."), ...adminErrors },
			},
			post: {
				operationId: "createToken",
				summary: "Create a personal API token; its secret is shown this once",
				description:
					"The token's role defaults to, and is at most, the caller's. Send it as `Authorization: Bearer <token>`.",
				security: admin,
				requestBody: requestBody("TokenInput"),
				responses: {
					"201": json("CreatedToken", "The token's id and secret."),
					...bodyErrors,
					"400": error(
						"Malformed JSON or a schema violation, or the caller is the owner's ADMIN_TOKEN (no staff account).",
					),
					...adminErrors,
					"403": error("A role above the caller's."),
					"409": error("The caller already holds 50 tokens, the most one person may: revoke one first."),
				},
			},
		},
		"/api/tokens/{id}": {
			parameters: [idParameter],
			delete: {
				operationId: "revokeToken",
				summary: "Revoke one of the caller's tokens (an admin may revoke anyone's)",
				security: admin,
				responses: { "204": { description: "Revoked." }, ...adminErrors, "404": error("No such token of yours.") },
			},
		},
		"/api/audit": {
			get: {
				operationId: "listAudit",
				summary: "The audit log: every change, who made it, by which credential, newest first (admin)",
				security: admin,
				parameters: queryParameters(AuditQuery),
				responses: {
					"200": json("AuditPage", "A page of entries, and `next` when more follow."),
					"400": error("A bad `limit` or `cursor`, or an unknown parameter."),
					...adminOnly,
				},
			},
		},
	};
}

export function identitySchemas(jsonSchema: (schema: v.GenericSchema) => unknown) {
	return {
		Staff: jsonSchema(Staff),
		StaffList: jsonSchema(StaffList),
		StaffInput: jsonSchema(StaffInput),
		StaffPatch: jsonSchema(StaffPatch),
		EndedSessions: jsonSchema(EndedSessions),
		SignInLink: jsonSchema(SignInLink),
		TokenInput: jsonSchema(TokenInput),
		CreatedToken: jsonSchema(CreatedToken),
		TokenList: jsonSchema(TokenList),
		AuditPage: jsonSchema(AuditPage),
	};
}
