/**
 * @module Request validation through Hono's validator middleware with valibot
 * (`@hono/valibot-validator`): a failure becomes our JSON error body, and the handler reads
 * the parsed value with `c.req.valid(target)`.
 */
import { vValidator } from "@hono/valibot-validator";
import type { ValidationTargets } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type * as v from "valibot";
import { formatIssues } from "../../src/schemas/issues";
import { ApiError } from "../errors";

export type ValidateOptions = {
	/** The answer to an invalid value; 400 unless a page wants its own (a bad slug is a 404 page). */
	status?: ContentfulStatusCode;
	/** The error message; the issues name each problem by its path. */
	message?: string;
};

const DEFAULT_MESSAGES: Partial<Record<keyof ValidationTargets, string>> = {
	json: "invalid request body",
	query: "invalid query",
	param: "invalid path parameter",
};

/** Validates `target` against `schema`; a failure is thrown as an `ApiError` for `onError` to render. */
export function validate<T extends keyof ValidationTargets, S extends v.GenericSchema>(
	target: T,
	schema: S,
	options: ValidateOptions = {},
) {
	return vValidator(target, schema, (result) => {
		if (result.success) return;
		const message = options.message ?? DEFAULT_MESSAGES[target] ?? `invalid ${target}`;
		throw new ApiError(options.status ?? 400, message, formatIssues(result.issues));
	});
}
