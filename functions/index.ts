/**
 * @module The Worker entry: builds the Hono app from the route modules and exports
 * `fetch`, `scheduled` and the StoreWriter Durable Object class.
 */
import { Hono } from "hono";
import { etag } from "hono/etag";
import type { AppEnv } from "../src/env";
import { adminRoutes } from "./admin";
import { archiveRoutes } from "./archive";
import { articleRoutes } from "./articles";
import { notFound, onError } from "./errors";
import { headlineRoutes } from "./headlines";
import { metaRoutes } from "./meta";
import { cacheControl } from "./middleware/cache-control";
import { requestClock } from "./middleware/request-clock";
import { securityHeaders } from "./middleware/security-headers";
import { reviewRoutes } from "./review";
import { ruleRoutes } from "./rules";
import { scheduled } from "./scheduled";
import { searchRoutes } from "./search";
import { sectionRoutes } from "./sections";
import { sourceDiscoveryRoutes } from "./source-discovery";
import { sourceRoutes } from "./sources";
import { syndicationRoutes } from "./syndication";
import { tombstoneRoutes } from "./tombstones";
import { websubRoutes } from "./websub";

export { StoreWriter } from "../src/store/writer";

export const app = new Hono<AppEnv>()
	.use(requestClock)
	// Outermost to innermost: security headers go on everything, 304s included; the ETag is
	// computed over the final body and keeps the Cache-Control the route (or cacheControl) chose.
	.use(securityHeaders)
	.use(etag())
	.use(cacheControl)
	.route("/", articleRoutes)
	.route("/", headlineRoutes)
	.route("/", adminRoutes)
	// Before sourceRoutes, so no /api/sources/:id route there can ever take /api/sources/discover.
	.route("/", sourceDiscoveryRoutes)
	.route("/", sourceRoutes)
	.route("/", ruleRoutes)
	.route("/", reviewRoutes)
	.route("/", tombstoneRoutes)
	.route("/", websubRoutes)
	.route("/", sectionRoutes)
	.route("/", searchRoutes)
	.route("/", archiveRoutes)
	.route("/", syndicationRoutes)
	.route("/", metaRoutes)
	.onError(onError)
	.notFound(notFound);

export default {
	fetch: app.fetch,
	scheduled,
} satisfies ExportedHandler<AppEnv["Bindings"]>;
