/**
 * @module The newsroom's pages under /admin (the desk Worker): its static files, the article desk, staff,
 * tokens and audit. Each page module guards itself; the sign-in pages and the sources desk mount their own.
 */
import { Hono } from "hono";
import type { AppEnv } from "../src/env";
import { deskAssetRoutes } from "./desk/assets";

export const deskPageRoutes = new Hono<AppEnv>().route("/", deskAssetRoutes);
