/** @module Admin routes for upstream sources and on-demand refresh (bearer token required): validate, call src/, respond. */
import { Hono } from "hono";
import { createMiddleware } from "hono/factory";
import { siteConfig } from "../src/config";
import type { AppEnv } from "../src/env";
import { readSources } from "../src/kv/sources";
import { refresh } from "../src/refresh";
import { RefreshQuery } from "../src/schemas/refresh-query";
import {
	MAX_SOURCES,
	NewSource,
	SourceDeleteQuery,
	SourceIdParam,
	SourcePatch,
	SourcesInput,
} from "../src/schemas/source";
import { readOpml, writeOpml } from "../src/sources/opml";
import { storeWriter } from "../src/store/stub";
import { ApiError } from "./errors";
import { adminAuth, requireRole } from "./middleware/admin-auth";
import { inBackground } from "./middleware/background";
import { jsonRequest } from "./middleware/json-request";
import { opmlRequest } from "./middleware/opml-request";
import { validate } from "./middleware/validate";

/** A list past the cap is well-formed, only too long to take: 413 before the schema's 400, nothing stored. */
const withinCap = createMiddleware<AppEnv>(async (c, next) => {
	const { sources } = ((await c.req.json()) ?? {}) as { sources?: unknown };
	if (Array.isArray(sources) && sources.length > MAX_SOURCES) {
		const message = `at most ${MAX_SOURCES} sources; this list has ${sources.length}`;
		throw new ApiError(413, `too many sources: ${message}`, [{ path: "sources", message }]);
	}
	await next();
});

export const sourceRoutes = new Hono<AppEnv>()
	.use("/api/sources", adminAuth, requireRole("admin"))
	.use("/api/sources/*", adminAuth, requireRole("admin"))
	.use("/api/sources.opml", adminAuth, requireRole("admin"))
	.use("/api/refresh", adminAuth, requireRole("admin"))
	/** `{updatedAt, sources: [{id, url, name, section?, lastFetchedAt, lastStatus, lastError, consecutiveFailures, nextDueAt, itemCount, etag, lastModified, …}]}` */
	.get("/api/sources", async (c) => {
		const read = await readSources(c.env.NEWS);
		// Unreadable is a bug in what wrote it, not an answer: logged, and a generic 500.
		if (!read.ok) throw new Error(`v1:sources is corrupt: ${read.error.detail}`);
		return c.json(read.value);
	})
	/** The list as OPML 2.0: sections as outlines, settings in the edgewire namespace; the same KV read as GET. */
	.get("/api/sources.opml", async (c) => {
		const read = await readSources(c.env.NEWS);
		if (!read.ok) throw new Error(`v1:sources is corrupt: ${read.error.detail}`);
		const opml = writeOpml(read.value.sources, `${siteConfig(c.env).siteName} sources`);
		c.header("Content-Disposition", 'attachment; filename="sources.opml"');
		return c.body(opml, 200, { "Content-Type": "text/x-opml; charset=utf-8" });
	})
	/** Adds the feeds of an OPML file that are not sources yet; answers with a result per outline. */
	.post("/api/sources/opml", opmlRequest, async (c) => {
		const read = readOpml(new Uint8Array(await c.req.arrayBuffer()), c.req.header("content-type") ?? null);
		if (!read.ok) throw new ApiError(read.error.status, read.error.message);
		const imported = await storeWriter(c.env).importSources(read.value, c.var.now.toISOString());
		if (!imported.ok) throw new ApiError(413, imported.error.detail);
		return c.json(imported.value);
	})
	/** Replaces the list; answers with the stored record (same shape as GET). */
	.put("/api/sources", jsonRequest, withinCap, validate("json", SourcesInput), async (c) => {
		const { record } = await storeWriter(c.env).putSources(c.req.valid("json").sources, c.var.now.toISOString());
		return c.json(record);
	})
	/** Changes one source's name or settings (pause, resume, …), keeping its health; answers with the source. */
	.patch(
		"/api/sources/:id",
		validate("param", SourceIdParam, { message: "invalid source id" }),
		jsonRequest,
		validate("json", SourcePatch),
		async (c) => {
			const { id } = c.req.valid("param");
			const patched = await storeWriter(c.env).patchSource(id, c.req.valid("json"), c.var.now.toISOString());
			if (!patched.ok) throw new ApiError(404, patched.error.detail);
			return c.json(patched.value);
		},
	)
	/** Adds one source, due at once; 409 when its id or URL is taken, 413 when the list is full. */
	.post("/api/sources", jsonRequest, validate("json", NewSource), async (c) => {
		const added = await storeWriter(c.env).addSource(c.req.valid("json"), c.var.now.toISOString());
		if (!added.ok) {
			const { error } = added;
			if (error.code === "sources.over_cap") throw new ApiError(413, `too many sources: ${error.detail}`);
			throw new ApiError(409, error.detail, [{ path: error.path, message: error.detail }]);
		}
		c.set("auditDetail", `added source ${added.value.id}`);
		return c.json(added.value, 201);
	})
	/**
	 * Removes one source; `?articles=remove` also deletes up to 100 of its articles per call and
	 * answers how many remain, so the caller repeats until `remaining` is 0.
	 */
	.delete(
		"/api/sources/:id",
		validate("param", SourceIdParam, { message: "invalid source id" }),
		validate("query", SourceDeleteQuery),
		async (c) => {
			const { id } = c.req.valid("param");
			const { articles } = c.req.valid("query");
			const removed = await storeWriter(c.env).removeSource(id, articles, c.var.now.toISOString());
			if (!removed.ok) throw new ApiError(404, removed.error.detail);
			c.set("auditDetail", `removed source ${id} (articles: ${articles}, ${removed.value.removed} deleted)`);
			return c.json({ id, articles, ...removed.value });
		},
	)
	/** A source's last attempts (at most 10), the newest first. */
	.get("/api/sources/:id/runs", validate("param", SourceIdParam, { message: "invalid source id" }), async (c) => {
		const { id } = c.req.valid("param");
		const runs = await storeWriter(c.env).sourceRuns(id);
		if (!runs) throw new ApiError(404, `no source ${id}`);
		return c.json(runs);
	})
	/**
	 * Runs one refresh now over the due sources (`?force=true`: all, within the budget; `?source=id`:
	 * that one, due or not); answers with its summary.
	 */
	.post("/api/refresh", validate("query", RefreshQuery), async (c) => {
		const { force, source } = c.req.valid("query");
		if (source !== undefined && !(await storeWriter(c.env).sourceRuns(source))) {
			throw new ApiError(404, `no source ${source}`);
		}
		const background = (work: Promise<unknown>) => inBackground(c, work);
		const options = { now: c.var.now, force: force === "true", background, ...(source !== undefined && { source }) };
		return c.json(await refresh(c.env, options));
	});
