/**
 * @module The newsroom's pages under /admin (the desk Worker): its static files, the article desk, staff,
 * tokens and audit, the sources desk and the review queue. Each page module guards itself (deskSession);
 * the sign-in pages mount their own. A refusal on these pages is shown in the newsroom's shell, not the readers' error page.
 */
import { Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { AppEnv } from "../src/env";
import { DeskErrorPage } from "../src/views/desk/error-page";
import { deskArticleRoutes } from "./desk/articles";
import { deskAssetRoutes } from "./desk/assets";
import { deskAuditRoutes } from "./desk/audit";
import { reviewDeskRoutes } from "./desk/review";
import { sourceDeskRoutes } from "./desk/sources";
import { deskStaffRoutes } from "./desk/staff";
import { deskTokenRoutes } from "./desk/tokens";

export const deskPageRoutes = new Hono<AppEnv>()
	.route("/", deskAssetRoutes)
	.route("/", deskArticleRoutes)
	.route("/", deskStaffRoutes)
	.route("/", deskTokenRoutes)
	.route("/", deskAuditRoutes)
	.route("/", sourceDeskRoutes)
	.route("/", reviewDeskRoutes)
	.onError((err, c) => {
		if (!(err instanceof HTTPException)) throw err;
		const status = err.status as ContentfulStatusCode;
		return c.html(<DeskErrorPage status={status} message={err.message} actor={c.get("actor")} />, status);
	});
