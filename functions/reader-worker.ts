/**
 * @module The reader Worker (wrangler.toml): pages, feeds, search and the read API, with nothing of
 * the write side in its bundle. Every write, the newsroom and the push callbacks go to the desk
 * Worker (functions/desk-worker.ts) over the `DESK` service binding, unchanged, so a reader's
 * isolate never loads the feed parsers, the Markdown renderer or the StoreWriter.
 */
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../src/env";
import { forgetAfterWrite } from "../src/kv/after-write";
import { isDeskRequest } from "./desk-paths";
import { notFound, onError } from "./errors";
import { mountReaderRoutes } from "./reader-routes";
import { siteApp } from "./site-app";

/** Methods that read: anything else the desk answers may have changed what readers see. */
const READS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Ahead of all middleware: the desk's answer goes back exactly as it gave it, headers and all. After a
 * write it accepted, this isolate stops trusting its copies, so the editor who published sees it.
 */
const toDesk: MiddlewareHandler<AppEnv> = async (c, next) => {
	if (!isDeskRequest(c.req.method, new URL(c.req.url).pathname, c.req.raw.headers)) return next();
	const response = await c.env.DESK.fetch(c.req.raw);
	if (response.ok && !READS.has(c.req.method)) forgetAfterWrite();
	return response;
};

export const readerApp = mountReaderRoutes(siteApp(toDesk)).onError(onError).notFound(notFound);

export default { fetch: readerApp.fetch } satisfies ExportedHandler<AppEnv["Bindings"]>;
