/**
 * @module The Worker entry: builds the Hono app from the route modules and exports
 * `fetch`, `scheduled` and the StoreWriter Durable Object class.
 */
import { Hono } from "hono";
import type { AppEnv } from "../src/env";
import { adminRoutes } from "./admin";
import { articleRoutes } from "./articles";
import { notFound, onError } from "./errors";
import { headlineRoutes } from "./headlines";
import { requestClock } from "./middleware/request-clock";
import { scheduled } from "./scheduled";
import { sectionRoutes } from "./sections";
import { sourceRoutes } from "./sources";

export { StoreWriter } from "../src/store/writer";

export const app = new Hono<AppEnv>()
	.use(requestClock)
	.route("/", articleRoutes)
	.route("/", headlineRoutes)
	.route("/", adminRoutes)
	.route("/", sourceRoutes)
	.route("/", sectionRoutes)
	.onError(onError)
	.notFound(notFound);

export default {
	fetch: app.fetch,
	scheduled,
} satisfies ExportedHandler<AppEnv["Bindings"]>;
