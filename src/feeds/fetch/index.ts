/**
 * @module The fetch stage: one conditional GET of a feed URL, bounded in time, size and redirects,
 * returning the bytes, "not modified", the run's budget saying "not now", or a typed error. Never
 * throws for anything upstream does.
 */
import { err, ok, type Result } from "../../result";
import type { Deferral, Refusal } from "../../schemas/refresh-summary";
import type { Validators } from "../../schemas/source";
import { readCapped } from "./body";
import { type FetchError, type FetchFailure, fetchError, httpError, networkError } from "./errors";
import { maxAgeSeconds, requestHeaders, responseValidators, retryAfterSeconds } from "./headers";

export type { FetchError, FetchErrorCode, FetchFailure } from "./errors";

/** What a budget hook answers when the run cannot afford the next step: the fetch stops there, unfailed. */
export type FetchDeferral = Deferral<"subrequest_budget" | "parse_budget">;

export type FetchOptions = {
	/** Whole operation: every redirect hop and the body. */
	timeoutMs: number;
	maxBytes: number;
	maxRedirects: number;
	userAgent: string;
	now: Date;
	/** Claims one subrequest before each hop is sent: null to send it, or the deferral that stops here. */
	claimSubrequest: () => FetchDeferral | null;
	/**
	 * Asked once a 200's headers are in, with the body's declared size (null when absent, or when the
	 * body is content-encoded: then Content-Length is the compressed size, and the runtime hands us
	 * the decoded bytes). A deferral or a refusal leaves the body unread, so a run does not download
	 * bodies it could not parse.
	 */
	admitBody?: (declaredBytes: number | null) => FetchDeferral | Refusal | null;
};

/** What a fetch brought: a body to parse, "not modified", or a deferral from the run's budget. */
export type FetchedFeed =
	| {
			kind: "fetched";
			status: number;
			/** After redirects: the base for the feed's relative links. */
			url: string;
			body: Uint8Array;
			contentType: string | null;
			validators: Validators;
			maxAgeSeconds: number | null;
			/** The response's `Link` header, when it has one: where a WebSub hub may be declared (WebSub §4). */
			link?: string;
	  }
	| { kind: "not_modified"; status: 304; validators: Validators; maxAgeSeconds: number | null }
	| (Refusal & { status: number })
	| FetchDeferral;

export type FetchResult = Result<FetchedFeed, FetchFailure>;

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
		const unsent = options.claimSubrequest();
		if (unsent) return ok(unsent);
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
			if (visited.has(next.value.href)) {
				return failed(
					fetchError("fetch.redirect_loop", `${current.href} redirects back to ${next.value.href}`),
					response.status,
				);
			}
			if (visited.size > options.maxRedirects) {
				return failed(
					fetchError("fetch.too_many_redirects", `more than ${options.maxRedirects} redirects`),
					response.status,
				);
			}
			current = next.value;
			continue;
		}

		const hints = { validators: responseValidators(response.headers), maxAgeSeconds: maxAgeSeconds(response.headers) };
		if (response.status === 304) {
			await response.body?.cancel().catch(() => undefined);
			return ok({ kind: "not_modified", status: 304, ...hints });
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

		const unread = options.admitBody?.(declaredLength(response.headers)) ?? null;
		if (unread) {
			await response.body?.cancel().catch(() => undefined);
			return ok(unread.kind === "refused" ? { ...unread, status: response.status } : unread);
		}
		const body = await readCapped(response, options.maxBytes, signal);
		if (!body.ok) {
			if (body.error.reason === "aborted") return failed(timedOut(options.timeoutMs), response.status);
			const code = body.error.reason === "too_large" ? "fetch.too_large" : "fetch.network";
			return failed(fetchError(code, body.error.detail), response.status);
		}
		// Miniflux treats an empty body as an error too: there is nothing to parse and nothing to keep.
		if (isBlank(body.value))
			return failed(fetchError("fetch.empty_body", "the response body is empty"), response.status);
		return ok({
			kind: "fetched",
			status: response.status,
			url: current.href,
			body: body.value,
			contentType: response.headers.get("content-type"),
			...hints,
			...(response.headers.has("link") && { link: response.headers.get("link") ?? "" }),
		});
	}
}

/** The size the body will have once read, when the response says so: a Content-Length of an unencoded body. */
function declaredLength(headers: Headers): number | null {
	const encoding = headers.get("content-encoding")?.trim().toLowerCase();
	// fetch() decodes gzip/br/deflate itself and keeps the header: the length is the wire's, not ours.
	if (encoding && encoding !== "identity") return null;
	const value = Number(headers.get("content-length") ?? Number.NaN);
	return Number.isSafeInteger(value) && value >= 0 ? value : null;
}

function failed(error: FetchError, status: number | null = null, retryAfter: number | null = null): FetchResult {
	return err({ ...error, status, retryAfterSeconds: retryAfter });
}

function timedOut(ms: number): FetchError {
	return fetchError("fetch.timeout", `no complete response within ${ms} ms`);
}

/** Location may be relative (RFC 9110 §10.2.2); only http(s) targets are followed. */
function redirectTarget(response: Response, from: URL): Result<URL, FetchError> {
	const location = response.headers.get("location");
	if (!location) return err(fetchError("fetch.redirect_invalid", `${response.status} without Location`));
	let url: URL;
	try {
		url = new URL(location, from);
	} catch {
		return err(fetchError("fetch.redirect_invalid", `unparseable Location: ${location}`));
	}
	if (url.protocol !== "http:" && url.protocol !== "https:") {
		return err(fetchError("fetch.redirect_invalid", `redirect to a non-http(s) URL: ${url.protocol}`));
	}
	return ok(url);
}

/**
 * On Cloudflare an unresolvable host is not a thrown error but a 530 whose body says
 * `error code: 1016` (Workers known issues, "Fetch API in CNAME setup"); other 530s stay http_530.
 */
async function originError(response: Response, signal: AbortSignal): Promise<FetchError> {
	const body = await readCapped(response, 4096, signal);
	const text = body.ok ? new TextDecoder().decode(body.value) : "";
	if (/\b1016\b/.test(text)) return fetchError("fetch.dns", "the host does not resolve (Cloudflare error 1016)");
	return httpError(530, response.statusText);
}

function isBlank(bytes: Uint8Array): boolean {
	for (const byte of bytes) if (byte !== 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d) return false;
	return true;
}
