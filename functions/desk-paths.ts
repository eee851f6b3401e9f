/**
 * @module Which requests the desk Worker answers: every write, the newsroom, the feeds' push
 * callbacks, the API's description, and the desk's reads of articles (see `isDeskArticleRequest`). The reader Worker (functions/reader-worker.ts) forwards exactly these to it over its
 * `DESK` service binding and answers the rest itself; functions/desk-paths.test.ts checks this list
 * against both apps' routes, so a new route cannot land on the wrong side.
 */

/** Paths the desk owns whatever the method (a prefix, or the path itself). */
const DESK_PREFIXES = [
	"/api/sources",
	"/api/refresh",
	"/api/tombstones",
	"/api/rules",
	"/api/review",
	"/api/staff",
	"/api/tokens",
	"/api/audit",
	// The editor's preview renders Markdown: the desk's renderer, never in the reader's bundle.
	"/api/preview",
	// The API's description: generated from the write schemas, with a Markdown renderer readers never need.
	"/api/openapi.json",
	"/api/docs",
	"/websub/",
	"/admin",
] as const;

/** Readers only read: a GET or HEAD of an article is theirs, any other method the desk's. */
const READ_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Whether a request carries a newsroom credential: a bearer token, or the session cookie (named
 * `edgewire_session`, with the `__Host-` prefix over https).
 */
export function hasDeskCredential(headers: Headers | undefined): boolean {
	if (!headers) return false;
	if (headers.has("authorization")) return true;
	const cookie = headers.get("cookie");
	if (!cookie) return false;
	return cookie.split(";").some((pair) => pair.split("=", 1)[0]?.trim().endsWith("edgewire_session"));
}

/**
 * Articles: every write is the desk's; of the reads, the desk list (`/api/articles`) and an
 * article's revisions are too, and one article's JSON is when it is asked for with a credential
 * (the desk copy, any status); without one it is the reader's public JSON.
 */
function isDeskArticleRequest(method: string, pathname: string, headers: Headers | undefined): boolean {
	if (!READ_METHODS.has(method.toUpperCase())) return true;
	if (pathname === "/api/articles" || pathname === "/api/articles/") return true;
	const rest = pathname.slice("/api/articles/".length);
	if (rest.includes("/")) return true;
	return hasDeskCredential(headers);
}

export function isDeskRequest(method: string, pathname: string, headers?: Headers): boolean {
	if (pathname === "/api/articles" || pathname.startsWith("/api/articles/")) {
		return isDeskArticleRequest(method, pathname, headers);
	}
	return DESK_PREFIXES.some(
		(prefix) =>
			pathname === prefix ||
			pathname.startsWith(prefix.endsWith("/") ? prefix : `${prefix}/`) ||
			pathname.startsWith(`${prefix}.`),
	);
}
