/**
 * @module The whole site as one Worker: the readers' routes and the desk's in one app, with `scheduled`
 * and the StoreWriter. The tests run this (test/limits/strict-entry.ts), so every route is exercised
 * against the same bindings in one workerd; production splits it in two, the reader Worker
 * (reader-worker.ts, wrangler.toml) and the desk Worker (desk-worker.ts, wrangler.desk.toml), from
 * the same route modules, joined by the reader's hand-off (desk-paths.ts).
 */
import type { AppEnv } from "../src/env";
import { mountDeskRoutes } from "./desk-routes";
import { notFound, onError } from "./errors";
import { mountReaderRoutes } from "./reader-routes";
import { scheduled } from "./scheduled";
import { siteApp } from "./site-app";

export { StoreWriter } from "../src/store/writer";

// The desk's first: its read of one article answers the desk copy to a credential, and the public JSON
// (sendPublicArticle, as the reader's route does) without one, as in production (desk-paths.ts).
export const app = mountReaderRoutes(mountDeskRoutes(siteApp())).onError(onError).notFound(notFound);

export default {
	fetch: app.fetch,
	scheduled,
} satisfies ExportedHandler<AppEnv["Bindings"]>;
