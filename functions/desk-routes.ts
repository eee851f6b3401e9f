/**
 * @module The desk's routes (every write, the newsroom, the push callbacks, the API's description), mounted by the desk Worker
 * and by the one-Worker app the tests use. Which paths they are is functions/desk-paths.ts.
 */
import type { Hono } from "hono";
import type { AppEnv } from "../src/env";
import { apiDocsRoutes } from "./api-docs";
import { articleDeskRoutes } from "./article-desk";
import { auditRoutes } from "./audit";
import { deskPageRoutes } from "./desk-pages";
import { auditTrail } from "./middleware/audit-trail";
import { reviewRoutes } from "./review";
import { ruleRoutes } from "./rules";
import { signInRoutes } from "./sign-in";
import { sourceDiscoveryRoutes } from "./source-discovery";
import { sourceRoutes } from "./sources";
import { staffRoutes } from "./staff";
import { tokenRoutes } from "./tokens";
import { tombstoneRoutes } from "./tombstones";
import { websubRoutes } from "./websub";

export function mountDeskRoutes(app: Hono<AppEnv>): Hono<AppEnv> {
	return (
		app
			// First, so it wraps every desk route: each change an actor makes is recorded once it succeeds.
			.use("/api/*", auditTrail)
			.use("/admin/*", auditTrail)
			.route("/", articleDeskRoutes)
			// Before sourceRoutes, so no /api/sources/:id route there can ever take /api/sources/discover.
			.route("/", sourceDiscoveryRoutes)
			.route("/", sourceRoutes)
			.route("/", ruleRoutes)
			.route("/", reviewRoutes)
			.route("/", tombstoneRoutes)
			.route("/", websubRoutes)
			.route("/", apiDocsRoutes)
			.route("/", staffRoutes)
			.route("/", tokenRoutes)
			.route("/", auditRoutes)
			// Before the desk's pages: the sign-in pages are the ones reachable without a session.
			.route("/", signInRoutes)
			.route("/", deskPageRoutes)
	);
}
