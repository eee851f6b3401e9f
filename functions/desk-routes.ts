/**
 * @module The desk's routes (every write, the newsroom, the push callbacks, the API's description), mounted by the desk Worker
 * and by the one-Worker app the tests use. Which paths they are is functions/desk-paths.ts.
 */
import type { Hono } from "hono";
import type { AppEnv } from "../src/env";
import { adminRoutes } from "./admin";
import { apiDocsRoutes } from "./api-docs";
import { deskPageRoutes } from "./desk-pages";
import { reviewRoutes } from "./review";
import { ruleRoutes } from "./rules";
import { sourceDiscoveryRoutes } from "./source-discovery";
import { sourceRoutes } from "./sources";
import { tombstoneRoutes } from "./tombstones";
import { websubRoutes } from "./websub";

export function mountDeskRoutes(app: Hono<AppEnv>): Hono<AppEnv> {
	return (
		app
			.route("/", adminRoutes)
			// Before sourceRoutes, so no /api/sources/:id route there can ever take /api/sources/discover.
			.route("/", sourceDiscoveryRoutes)
			.route("/", sourceRoutes)
			.route("/", ruleRoutes)
			.route("/", reviewRoutes)
			.route("/", tombstoneRoutes)
			.route("/", websubRoutes)
			.route("/", apiDocsRoutes)
			.route("/", deskPageRoutes)
	);
}
