/** @module What the fetcher sends (validators, identity) and the caching hints it reads back. */
import type { Validators } from "../../schemas/source";

/** Feed types first, then generic XML/JSON, then anything: some servers answer 406 to a narrow Accept. */
const ACCEPT =
	"application/rss+xml, application/atom+xml, application/feed+json, application/rdf+xml;q=0.9, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5";

/**
 * Sends both validators when we have both: RFC 9111 §4.3.1 says a client should, and
 * RFC 9110 §13.2.2 has the server evaluate If-None-Match first and ignore If-Modified-Since then.
 */
export function requestHeaders(validators: Validators, userAgent: string): Headers {
	const headers = new Headers({ accept: ACCEPT, "user-agent": userAgent });
	if (validators.etag) headers.set("if-none-match", validators.etag);
	if (validators.lastModified) headers.set("if-modified-since", validators.lastModified);
	return headers;
}

/** The validators a response carries (RFC 9110 §8.8); absent ones are null so a stale one is never replayed. */
export function responseValidators(headers: Headers): Validators {
	return { etag: headers.get("etag"), lastModified: headers.get("last-modified") };
}

/** `max-age` from Cache-Control (RFC 9111 §5.2.2.1), in seconds; `no-cache`/`no-store` mean no hint. */
export function maxAgeSeconds(headers: Headers): number | null {
	const value = headers.get("cache-control");
	if (!value || /\bno-(cache|store)\b/i.test(value)) return null;
	const match = /\bmax-age\s*=\s*"?(\d+)"?/i.exec(value);
	return match ? Number(match[1]) : null;
}

/** Retry-After (RFC 9110 §10.2.3) as seconds from `now`: either delta-seconds or an HTTP-date. */
export function retryAfterSeconds(headers: Headers, now: Date): number | null {
	const value = headers.get("retry-after")?.trim();
	if (!value) return null;
	if (/^\d+$/.test(value)) return Number(value);
	const at = Date.parse(value);
	if (Number.isNaN(at)) return null;
	return Math.max(0, Math.round((at - now.getTime()) / 1000));
}
