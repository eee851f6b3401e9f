/**
 * @module A source's health in words a person reads on the sources desk: each stable error code the
 * refresh records (`fetch.*`, `parse.*`, `store.*`) and each HTTP status becomes a sentence, so the
 * desk says "the server answered 404 Not Found" rather than `fetch.http_404`.
 */
import type { FetchErrorCode } from "../feeds/fetch/errors";
import type { ParseErrorCode } from "../feeds/parse/errors";
import type { MovedTo, StageError } from "../schemas/source";
import type { StoreErrorCode } from "../store/errors";

/** Every code a source's `lastError` can carry. */
export type HealthErrorCode = FetchErrorCode | ParseErrorCode | StoreErrorCode;

/** The codes named one by one; `fetch.http_<status>` is worded from its status instead. */
export type NamedErrorCode = Exclude<HealthErrorCode, `fetch.http_${number}`>;

/**
 * One sentence per named code. A `Record` over the union, so a code added to a stage without words
 * here fails the typecheck. The detail is passed for the few sentences that quote it (a URL, a limit).
 */
export const ERROR_WORDS: Record<NamedErrorCode, (detail: string) => string> = {
	"fetch.timeout": (detail) => `the connection timed out${afterSeconds(detail)}`,
	"fetch.too_large": () => "the feed is larger than the refresh accepts, so it was not read",
	"fetch.empty_body": () => "the server answered, but sent an empty page instead of a feed",
	"fetch.dns": () => "the site's address could not be found (its domain does not resolve)",
	"fetch.network": () => "the server could not be reached (the connection failed or was cut off)",
	"fetch.redirect_loop": () => "the feed's address redirects in a circle, so it never arrives",
	"fetch.too_many_redirects": () => "the feed's address redirects too many times in a row",
	"fetch.redirect_invalid": () => "the server redirected to an address that cannot be followed",
	"fetch.invalid_url": () => "the source's address is not a valid URL",
	"parse.too_large": () => "the feed is too large to read once decoded",
	"parse.too_costly": () => "the feed is too large for any refresh run to read; it is tried again later, less often",
	"parse.empty": () => "the feed could not be read: once decoded, it holds nothing",
	"parse.not_a_feed": () => "the feed could not be read: the address serves a web page, not RSS, Atom or JSON Feed",
	"parse.unknown_format": () => "the feed could not be read: it is not RSS, Atom or JSON Feed",
	"parse.malformed": () => "the feed could not be read: it is broken (not well-formed XML or JSON)",
	"parse.internal": () => "reading the feed hit a fault on our side; it is tried again at the next run",
	"store.write_failed": () => "the feed was read, but saving its stories failed; they are tried again at the next run",
	"store.repair_pending": () => "the feed was read, but the store is still repairing an earlier write",
};

/** Reason phrases for the statuses feeds answer with (RFC 9110 §15 and a few common extensions). */
const REASONS: Record<number, string> = {
	200: "OK",
	203: "Non-Authoritative Information",
	226: "IM Used",
	304: "Not Modified",
	400: "Bad Request",
	401: "Unauthorized",
	402: "Payment Required",
	403: "Forbidden",
	404: "Not Found",
	405: "Method Not Allowed",
	406: "Not Acceptable",
	407: "Proxy Authentication Required",
	408: "Request Timeout",
	409: "Conflict",
	410: "Gone",
	411: "Length Required",
	412: "Precondition Failed",
	413: "Content Too Large",
	414: "URI Too Long",
	415: "Unsupported Media Type",
	416: "Range Not Satisfiable",
	418: "I'm a teapot",
	421: "Misdirected Request",
	422: "Unprocessable Content",
	425: "Too Early",
	426: "Upgrade Required",
	428: "Precondition Required",
	429: "Too Many Requests",
	431: "Request Header Fields Too Large",
	451: "Unavailable For Legal Reasons",
	500: "Internal Server Error",
	501: "Not Implemented",
	502: "Bad Gateway",
	503: "Service Unavailable",
	504: "Gateway Timeout",
	505: "HTTP Version Not Supported",
	520: "Web Server Returned an Unknown Error",
	521: "Web Server Is Down",
	522: "Connection Timed Out",
	523: "Origin Is Unreachable",
	524: "A Timeout Occurred",
	525: "SSL Handshake Failed",
	526: "Invalid SSL Certificate",
	530: "Origin DNS Error",
};

/** What a status adds in plain words, for the ones whose phrase alone says little to an editor. */
const STATUS_HINTS: Record<number, string> = {
	401: "the feed needs a login",
	403: "the server refuses to give us the feed",
	404: "the feed is not at this address any more",
	410: "the feed was removed for good",
	429: "the server says we ask too often; the next try waits as long as it asks",
	500: "the site has a fault of its own",
	502: "the site is having trouble behind its proxy",
	503: "the site is down or overloaded for now",
	504: "the site's proxy gave up waiting for it",
};

/** "404 Not Found", or the bare number for a status with no phrase we know. */
export function statusPhrase(status: number): string {
	const reason = REASONS[status];
	return reason ? `${status} ${reason}` : String(status);
}

/** An HTTP status as a sentence: "the server answered 404 Not Found (the feed is not at this address any more)". */
export function statusWords(status: number): string {
	const hint = STATUS_HINTS[status];
	return `the server answered ${statusPhrase(status)}${hint ? ` (${hint})` : ""}`;
}

const HTTP_CODE = /^fetch\.http_(\d{3})$/;

/** A recorded error as a sentence; a code we do not know (written by a newer version) falls back to its detail. */
export function errorWords(error: StageError): string {
	const http = HTTP_CODE.exec(error.code);
	if (http?.[1]) return statusWords(Number(http[1]));
	const words = ERROR_WORDS[error.code as NamedErrorCode];
	return words ? words(error.detail) : `${error.code}: ${error.detail}`;
}

/** A feed the source's page now announces (the refresh never switches to it on its own). */
export function movedWords(movedTo: MovedTo): string {
	const checked = movedTo.verified ? "" : " (not checked yet)";
	return `the site now serves its feed at ${movedTo.url}${checked}; the source still points at its old address`;
}

/** The last fetch's outcome as one line: what went wrong, or what the server said when it went right. */
export function lastFetchWords(health: {
	lastFetchedAt: string | null;
	lastStatus: number | null;
	lastError: StageError | null;
	movedTo?: MovedTo | null;
}): string {
	if (health.lastFetchedAt === null) return "not fetched yet";
	if (health.lastError) {
		const moved = health.movedTo ? `; ${movedWords(health.movedTo)}` : "";
		return `${capitalize(errorWords(health.lastError))}${moved}`;
	}
	if (health.lastStatus === 304) return `Unchanged since the fetch before (${statusPhrase(304)})`;
	if (health.lastStatus !== null) return `Fetched (${statusPhrase(health.lastStatus)})`;
	return "Fetched";
}

function capitalize(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}

/** " after 10 s" from a timeout's detail ("no complete response within 10000 ms"), or nothing when it names no time. */
function afterSeconds(detail: string): string {
	const ms = /(\d+)\s*ms\b/.exec(detail)?.[1];
	if (!ms) return "";
	const seconds = Number(ms) / 1000;
	return ` after ${Number.isInteger(seconds) ? seconds : seconds.toFixed(1)} s`;
}
