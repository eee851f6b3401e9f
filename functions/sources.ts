/** @module Admin routes for upstream sources and on-demand refresh (bearer token required): validate, call src/, respond. */
import { Hono } from "hono";
import type { AppEnv } from "../src/env";
import { refresh } from "../src/feeds/refresh";
import { readSources } from "../src/kv/sources";
import { SourcesInput } from "../src/schemas/source";
import { storeWriter } from "../src/store/stub";
import { ApiError } from "./errors";
import { adminAuth } from "./middleware/admin-auth";
import { jsonBody } from "./middleware/json-body";

export const sourceRoutes = new Hono<AppEnv>()
	.use("/api/sources", adminAuth)
	.use("/api/refresh", adminAuth)
	/** `{updatedAt, sources: [{id, url, name, section?, lastFetchedAt, lastStatus, lastError, consecutiveFailures, nextDueAt, itemCount, etag, lastModified, …}]}` */
	.get("/api/sources", async (c) => {
		const read = await readSources(c.env.NEWS);
		if (!read.ok) throw new Error(`v1:sources is corrupt: ${read.error.detail}`);
		return c.json(read.value);
	})
	/** Replaces the list; answers with the stored record (same shape as GET). */
	.put("/api/sources", jsonBody(SourcesInput), async (c) => {
		const { record } = await storeWriter(c.env).putSources(c.var.body.sources, c.var.now.toISOString());
		return c.json(record);
	})
	/** Runs one refresh now over the due sources (`?force=true`: all, within the budget); answers with its summary. */
	.post("/api/refresh", async (c) => {
		const force = c.req.query("force");
		if (force !== undefined && force !== "true" && force !== "false") {
			throw new ApiError(400, "invalid query", [{ path: "force", message: "must be true or false" }]);
		}
		return c.json(await refresh(c.env, { now: c.var.now, force: force === "true" }));
	});
