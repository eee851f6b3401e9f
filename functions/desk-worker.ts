/**
 * @module The desk Worker (wrangler.desk.toml): every write (articles, sources, rules, the review
 * queue, tombstones), the WebSub callbacks, the cron refresh, and the StoreWriter Durable Object
 * that serializes them. Readers never reach it except through the reader Worker's `DESK` binding.
 */
import type { Bindings } from "../src/env";
import { mountDeskRoutes } from "./desk-routes";
import { notFound, onError } from "./errors";
import { scheduled } from "./scheduled";
import { siteApp } from "./site-app";

export { StoreWriter } from "../src/store/writer";

export const deskApp = mountDeskRoutes(siteApp()).onError(onError).notFound(notFound);

export default { fetch: deskApp.fetch, scheduled } satisfies ExportedHandler<Bindings>;
