/**
 * @module Which requests the desk Worker answers: every write, the newsroom, the feeds' push
 * callbacks and the API's description. The reader Worker (functions/reader-worker.ts) forwards exactly these to it over its
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
	// The API's description: generated from the write schemas, with a Markdown renderer readers never need.
	"/api/openapi.json",
	"/api/docs",
	"/websub/",
	"/admin",
] as const;

/** Readers only read: a GET or HEAD of an article is theirs, any other method the desk's. */
const READ_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function isDeskRequest(method: string, pathname: string): boolean {
	if (pathname.startsWith("/api/articles")) return !READ_METHODS.has(method.toUpperCase());
	return DESK_PREFIXES.some(
		(prefix) =>
			pathname === prefix ||
			pathname.startsWith(prefix.endsWith("/") ? prefix : `${prefix}/`) ||
			pathname.startsWith(`${prefix}.`),
	);
}
