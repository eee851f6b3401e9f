/**
 * @module The JSON API's response bodies as valibot schemas: the OpenAPI document is generated
 * from them, and the route tests parse real responses with them, so the two can't drift.
 */
import * as v from "valibot";
import { Article } from "./article";
import { IsoDateTime, Slug } from "./common";

/** `{"error": "...", "issues": [{"path", "message"}]}`, every 4xx and 5xx of `/api/*`. */
export const ErrorResponse = v.object({
	error: v.string(),
	issues: v.optional(v.array(v.object({ path: v.string(), message: v.string() }))),
});

/** One entry of `GET /api/headlines`. */
export const HeadlineItem = v.object({
	slug: Slug,
	title: v.string(),
	url: v.string(),
	/** As its editor wrote it (`Real Estate`); the section's page is at its slug (`/sections/real-estate`). */
	section: v.nullable(v.string()),
	source: v.nullable(v.string()),
	publishedAt: IsoDateTime,
	/** Computed when the request arrived, on the site's age scale; absent with `ages=false`. */
	age: v.optional(v.string()),
});

export const HeadlinesResponse = v.object({
	headlines: v.array(HeadlineItem),
	generatedAt: IsoDateTime,
});

/** The stored article without its internal `origin`, plus its URL and age. */
export const ArticleResponse = v.object({
	...v.omit(Article, ["origin"]).entries,
	url: v.string(),
	age: v.string(),
});

/**
 * The StoreWriter's part of `GET /healthz`, present only when it has something to report: KV records
 * a failed rollback left behind and that are not repaired yet, or no answer from it at all.
 */
export const StoreHealthCheck = v.object({
	status: v.picklist(["error"]),
	pendingRepairs: v.optional(v.number()),
	/** When the oldest pending repair was queued. */
	oldestSince: v.optional(v.nullable(IsoDateTime)),
	/** The most failed attempts any pending repair has had. */
	attempts: v.optional(v.number()),
	lastError: v.optional(v.nullable(v.string())),
	error: v.optional(v.string()),
});

/** `GET /healthz`. */
export const HealthResponse = v.object({
	status: v.picklist(["ok", "error"]),
	checks: v.object({
		kv: v.object({ status: v.picklist(["ok", "error"]), latencyMs: v.number(), error: v.optional(v.string()) }),
		store: v.optional(StoreHealthCheck),
	}),
});
