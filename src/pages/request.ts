/**
 * @module What every reader page takes and how it can fail: plain values in (no Hono context),
 * a value or a typed failure out, which the route turns into its status and wording.
 */
import type { SiteConfig } from "../config";
import type { KvSource } from "../kv/colo-cache";

/** One reader's request as the page modules see it; `kv` and `namespaceId` are where it reads records. */
export type ReaderRequest = KvSource & {
	config: SiteConfig;
	/** The full request URL: the render cache's key, and the origin of absolute links. */
	url: string;
	/** The request's one clock reading; every age on the page is computed from it. */
	now: Date;
};

/** Nothing live at that address: the route answers 404. */
export type NotFound = { code: "page.not_found" };
/** A record the page needs fails its schema (and was logged): the route answers 500. */
export type Unreadable = { code: "page.unreadable" };
/** Why a page can't be shown; a page that can only fail one way says so in its type. */
export type PageError = NotFound | Unreadable;

export const NOT_FOUND: NotFound = { code: "page.not_found" };
export const UNREADABLE: Unreadable = { code: "page.unreadable" };
