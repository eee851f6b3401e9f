/** @module One JSON error shape for the API, one HTML error page for readers; `onError` and `notFound`. */
import type { Context, ErrorHandler, NotFoundHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { AppEnv } from "../src/env";
import { ErrorPage } from "../src/views/error-page";

export type ApiIssue = { path: string; message: string };

/** The API's error body: `{"error": "...", "issues": [{"path", "message"}]}`. */
export function jsonError(c: Context<AppEnv>, status: ContentfulStatusCode, error: string, issues?: ApiIssue[]) {
	return c.json(issues ? { error, issues } : { error }, status);
}

/** Thrown by handlers and middleware for any 4xx; `onError` renders it as JSON or HTML. */
export class ApiError extends HTTPException {
	constructor(
		status: ContentfulStatusCode,
		message: string,
		readonly issues?: ApiIssue[],
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
		if (wantsJson(c)) return jsonError(c, status, err.message, err instanceof ApiError ? err.issues : undefined);
		return c.html(<ErrorPage status={status} message={err.message} siteName={c.env.SITE_NAME} />, status);
	}
	console.error(
		JSON.stringify({ event: "request.error", path: c.req.path, error: String(err), stack: (err as Error)?.stack }),
	);
	if (wantsJson(c)) return jsonError(c, 500, "internal error");
	return c.html(<ErrorPage status={500} message="Something went wrong on our side." siteName={c.env.SITE_NAME} />, 500);
};

export const notFound: NotFoundHandler<AppEnv> = (c) => {
	if (wantsJson(c)) return jsonError(c, 404, "not found");
	return c.html(<ErrorPage status={404} message="We couldn't find that page." siteName={c.env.SITE_NAME} />, 404);
};
