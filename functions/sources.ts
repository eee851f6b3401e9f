/** @module Admin routes for upstream sources and on-demand refresh. (Filled in by the refresh work.) */
import { Hono } from "hono";
import type { AppEnv } from "../src/env";

export const sourceRoutes = new Hono<AppEnv>();
