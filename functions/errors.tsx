/** @module One JSON error shape for the API, one HTML error page for readers; `onError` and `notFound`. */
import type { Context, ErrorHandler, NotFoundHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type * as v from "valibot";
import type { AppEnv } from "../src/env";
import type { ErrorResponse } from "../src/schemas/responses";
import { ErrorPage } from "../src/views/error-page";

/** The API's error body, `{"error": "...", "issues": [{"path", "message"}]}`, as the OpenAPI document states it. */
type ErrorBody = v.InferOutput<typeof ErrorResponse>;

function jsonError(c: Context<AppEnv>, status: ContentfulStatusCode, body: ErrorBody) {
	return c.json(body, status);
}

/**
 * The one HTTP error type: thrown by handlers and middleware for any answer that isn't a success,
 * a 4xx (bad input, no token, not found) or a 5xx the route anticipated (a stored record it can't
 * read). `onError` renders it as the JSON error body under `/api/` and as the HTML error page
 * elsewhere, with `message` as the text either shows. A bug is thrown as a plain `Error` instead:
 * it is logged and answered with a generic 500.
 */
export class ApiError extends HTTPException {
	constructor(
		status: ContentfulStatusCode,
		message: string,
		readonly issues?: ErrorBody["issues"],
	) {
		super(status, { message });
	}
}

function wantsJson(c: Context): boolean {
	return c.req.path.startsWith("/api/");
}

export const onError: ErrorHandler<AppEnv> = (err, c) => {
	if (err instanceof HTTPException) {
		const status = err.status as ContentfulStatusCode;
		if (wantsJson(c)) {
			const issues = err instanceof ApiError ? err.issues : undefined;
			return jsonError(c, status, issues ? { error: err.message, issues } : { error: err.message });
		}
		return c.html(<ErrorPage status={status} message={err.message} siteName={c.env.SITE_NAME} />, status);
	}
	console.error(
		JSON.stringify({ event: "request.error", path: c.req.path, error: String(err), stack: (err as Error)?.stack }),
	);
	if (wantsJson(c)) return jsonError(c, 500, { error: "internal error" });
	return c.html(<ErrorPage status={500} message="Something went wrong on our side." siteName={c.env.SITE_NAME} />, 500);
};

export const notFound: NotFoundHandler<AppEnv> = (c) => {
	if (wantsJson(c)) return jsonError(c, 404, { error: "not found" });
	return c.html(<ErrorPage status={404} message="We couldn't find that page." siteName={c.env.SITE_NAME} />, 404);
};
