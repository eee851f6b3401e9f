/** @module Reads the clock once per request; every age in the response is computed from `c.var.now`. */
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../../src/env";

export const requestClock = createMiddleware<AppEnv>(async (c, next) => {
	c.set("now", new Date());
	await next();
});
