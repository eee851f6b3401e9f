/** @module The fetch stage's failures as values, each with a stable `fetch.*` code (like Miniflux's fetcher error keys). */
import type { StageError } from "../../schemas/source";

export type FetchErrorCode =
	| "fetch.timeout"
	| "fetch.too_large"
	| "fetch.empty_body"
	| "fetch.dns"
	| "fetch.network"
	| "fetch.redirect_loop"
	| "fetch.too_many_redirects"
	| "fetch.redirect_invalid"
	| "fetch.invalid_url"
	| `fetch.http_${number}`;

export type FetchError = StageError & { stage: "fetch"; code: FetchErrorCode };

/** A failed fetch: the error the source's health records, and what the response said (status, Retry-After). */
export type FetchFailure = FetchError & { status: number | null; retryAfterSeconds: number | null };

export function fetchError(code: FetchErrorCode, detail: string): FetchError {
	return { stage: "fetch", code, detail };
}

/**
 * Runtimes word resolver failures differently; these cover the ones seen in practice. (Local
 * workerd reports only "internal error", which stays fetch.network; deployed, see `originError`.)
 */
const DNS_MESSAGE = /dns|getaddrinfo|ENOTFOUND|EAI_AGAIN|name (or service )?not known|could not resolve|lookup failed/i;

/** Maps what `fetch()` threw (never a bug of ours: it only throws for the network) to a code. */
export function networkError(error: unknown): FetchError {
	const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
	return fetchError(DNS_MESSAGE.test(message) ? "fetch.dns" : "fetch.network", message);
}

/** `fetch.http_404`, `fetch.http_503`, …: one code per status so health shows exactly what upstream said. */
export function httpError(status: number, statusText: string): FetchError {
	return fetchError(`fetch.http_${status}`, `upstream answered ${status}${statusText ? ` ${statusText}` : ""}`);
}
