/** @module The readers' routes, mounted by the reader Worker and by the one-Worker app the tests use. */
import type { Hono } from "hono";
import type { AppEnv } from "../src/env";
import { archiveRoutes } from "./archive";
import { articleRoutes } from "./articles";
import { headlineRoutes } from "./headlines";
import { metaRoutes } from "./meta";
import { searchRoutes } from "./search";
import { sectionRoutes } from "./sections";
import { syndicationRoutes } from "./syndication";

export function mountReaderRoutes(app: Hono<AppEnv>): Hono<AppEnv> {
	return app
		.route("/", articleRoutes)
		.route("/", headlineRoutes)
		.route("/", sectionRoutes)
		.route("/", searchRoutes)
		.route("/", archiveRoutes)
		.route("/", syndicationRoutes)
		.route("/", metaRoutes);
}
