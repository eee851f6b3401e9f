/**
 * @module The fetch stage: one conditional GET of a feed URL, bounded in time, size and redirects,
 * returning the bytes, "not modified", or a typed error. Never throws for anything upstream does.
 */
import { readCapped } from "./body";
import { type FetchError, fetchError, httpError, networkError } from "./errors";
import { maxAgeSeconds, requestHeaders, responseValidators, retryAfterSeconds, type Validators } from "./headers";

export type { FetchError, FetchErrorCode } from "./errors";
export type { Validators } from "./headers";

export type FetchOptions = {
	/** Whole operation: every redirect hop and the body. */
	timeoutMs: number;
	maxBytes: number;
	maxRedirects: number;
	userAgent: string;
	now: Date;
	/** Claims one subrequest from the run's budget; false means stop before sending (each hop is one). */
	takeSubrequest: () => boolean;
	/**
	 * Asked once a 200's headers are in, with its declared Content-Length (null when absent): false
	 * leaves the body unread (`fetch.parse_budget`), so a run whose parse budget is spent does not
	 * download bodies it could not parse anyway.
	 */
	admitBody?: (declaredBytes: number | null) => boolean;
};

export type FetchResult =
	| {
			ok: true;
			notModified: false;
			status: number;
			/** After redirects: the base for the feed's relative links. */
			url: string;
			body: Uint8Array;
			contentType: string | null;
			validators: Validators;
			maxAgeSeconds: number | null;
	  }
	| { ok: true; notModified: true; status: 304; validators: Validators; maxAgeSeconds: number | null }
	| { ok: false; error: FetchError; status: number | null; retryAfterSeconds: number | null };

export const FETCH_DEFAULTS = {
	timeoutMs: 10_000,
	/** 5 MiB: ten times a large real feed, well inside a Worker's 128 MB. */
	maxBytes: 5 * 1024 * 1024,
	maxRedirects: 5,
} as const;

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** GETs `url` sending `validators`, following up to `maxRedirects` redirects by hand so each hop is counted and loops are caught. */
export async function fetchFeed(url: string, validators: Validators, options: FetchOptions): Promise<FetchResult> {
	const signal = AbortSignal.timeout(options.timeoutMs);
	const headers = requestHeaders(validators, options.userAgent);
	const visited = new Set<string>();
	let current: URL;
	try {
		current = new URL(url);
	} catch {
		return failed(fetchError("fetch.invalid_url", `not a URL: ${url}`));
	}
	for (;;) {
		if (!options.takeSubrequest()) return failed(fetchError("fetch.budget", "the run's subrequest budget is spent"));
		visited.add(current.href);
		let response: Response;
		try {
			response = await fetch(current.href, { method: "GET", headers, redirect: "manual", signal });
		} catch (error) {
			if (signal.aborted) return failed(timedOut(options.timeoutMs));
			return failed(networkError(error));
		}

		if (REDIRECTS.has(response.status)) {
			await response.body?.cancel().catch(() => undefined);
			const next = redirectTarget(response, current);
			if (!next.ok) return failed(next.error, response.status);
			if (visited.has(next.url.href)) {
				return failed(
					fetchError("fetch.redirect_loop", `${current.href} redirects back to ${next.url.href}`),
					response.status,
				);
			}
			if (visited.size > options.maxRedirects) {
				return failed(
					fetchError("fetch.too_many_redirects", `more than ${options.maxRedirects} redirects`),
					response.status,
				);
			}
			current = next.url;
			continue;
		}

		const hints = { validators: responseValidators(response.headers), maxAgeSeconds: maxAgeSeconds(response.headers) };
		if (response.status === 304) {
			await response.body?.cancel().catch(() => undefined);
			return { ok: true, notModified: true, status: 304, ...hints };
		}
		if (response.status === 530) return failed(await originError(response, signal), 530);
		if (response.status < 200 || response.status > 299) {
			await response.body?.cancel().catch(() => undefined);
			return failed(
				httpError(response.status, response.statusText),
				response.status,
				retryAfterSeconds(response.headers, options.now),
			);
		}

		if (options.admitBody && !options.admitBody(declaredLength(response.headers))) {
			await response.body?.cancel().catch(() => undefined);
			return failed(fetchError("fetch.parse_budget", "the run's parse budget cannot take this body"), response.status);
		}
		const body = await readCapped(response, options.maxBytes, signal);
		if (!body.ok) {
			if (body.reason === "aborted") return failed(timedOut(options.timeoutMs), response.status);
			const code = body.reason === "too_large" ? "fetch.too_large" : "fetch.network";
			return failed(fetchError(code, body.detail), response.status);
		}
		// Miniflux treats an empty body as an error too: there is nothing to parse and nothing to keep.
		if (isBlank(body.bytes))
			return failed(fetchError("fetch.empty_body", "the response body is empty"), response.status);
		return {
			ok: true,
			notModified: false,
			status: response.status,
			url: current.href,
			body: body.bytes,
			contentType: response.headers.get("content-type"),
			...hints,
		};
	}
}

function declaredLength(headers: Headers): number | null {
	const value = Number(headers.get("content-length") ?? Number.NaN);
	return Number.isSafeInteger(value) && value >= 0 ? value : null;
}

function failed(error: FetchError, status: number | null = null, retryAfter: number | null = null): FetchResult {
	return { ok: false, error, status, retryAfterSeconds: retryAfter };
}

function timedOut(ms: number): FetchError {
	return fetchError("fetch.timeout", `no complete response within ${ms} ms`);
}

/** Location may be relative (RFC 9110 §10.2.2); only http(s) targets are followed. */
function redirectTarget(response: Response, from: URL): { ok: true; url: URL } | { ok: false; error: FetchError } {
	const location = response.headers.get("location");
	if (!location)
		return { ok: false, error: fetchError("fetch.redirect_invalid", `${response.status} without Location`) };
	let url: URL;
	try {
		url = new URL(location, from);
	} catch {
		return { ok: false, error: fetchError("fetch.redirect_invalid", `unparseable Location: ${location}`) };
	}
	if (url.protocol !== "http:" && url.protocol !== "https:") {
		return { ok: false, error: fetchError("fetch.redirect_invalid", `redirect to a non-http(s) URL: ${url.protocol}`) };
	}
	return { ok: true, url };
}

/**
 * On Cloudflare an unresolvable host is not a thrown error but a 530 whose body says
 * `error code: 1016` (Workers known issues, "Fetch API in CNAME setup"); other 530s stay http_530.
 */
async function originError(response: Response, signal: AbortSignal): Promise<FetchError> {
	const body = await readCapped(response, 4096, signal);
	const text = body.ok ? new TextDecoder().decode(body.bytes) : "";
	if (/\b1016\b/.test(text)) return fetchError("fetch.dns", "the host does not resolve (Cloudflare error 1016)");
	return httpError(530, response.statusText);
}

function isBlank(bytes: Uint8Array): boolean {
	for (const byte of bytes) if (byte !== 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d) return false;
	return true;
}
