/**
 * @module The article desk's API (issue 12): create, replace and remove articles with a status, the
 * desk copy with its ETag, the desk list, revisions and their restore, and the preview. Who may do
 * what is decided in the StoreWriter's write queue (src/publishing/desk-permissions.ts); this
 * module validates, makes one call and maps a refusal to its status.
 */
import { type Context, Hono, type MiddlewareHandler } from "hono";
import * as v from "valibot";
import { siteConfig } from "../src/config";
import type { AppEnv } from "../src/env";
import { previewArticle } from "../src/pages/article-preview";
import {
	listArticleRevisions,
	listDeskArticles,
	readArticleRevision,
	readDeskArticle,
	restoreArticleRevision,
	saveDeskArticle,
} from "../src/publishing/desk";
import { removeArticle } from "../src/publishing/publish";
import { DeskListQuery, RevisionParam } from "../src/schemas/article-desk";
import { ArticleInput } from "../src/schemas/article-input";
import { SlugParam } from "../src/schemas/params";
import type { Conditions, DeskRefusal } from "../src/store/desk-articles";
import { listedSection, pingHub } from "../src/websub/ping";
import { hasDeskCredential } from "./desk-paths";
import { ApiError } from "./errors";
import { adminAuth, requestActor } from "./middleware/admin-auth";
import { inBackground } from "./middleware/background";
import { CACHE } from "./middleware/cache-control";
import { jsonRequest } from "./middleware/json-request";
import { validate } from "./middleware/validate";
import { sendPublicArticle } from "./reader";

const slugParam = validate("param", SlugParam, { message: "invalid slug" });
const revisionParam = validate("param", RevisionParam, { message: "invalid path parameter" });

/** A refusal from the desk as its HTTP answer; a 412 names the article's current revision and ETag. */
function refusal(c: Context<AppEnv>, error: DeskRefusal | { code: "desk.revision_invalid"; detail: string }) {
	switch (error.code) {
		case "desk.forbidden":
			return new ApiError(403, error.detail);
		case "desk.missing":
			return new ApiError(404, error.detail);
		case "desk.revision_invalid":
			return new ApiError(409, error.detail);
		case "desk.too_large":
			return new ApiError(413, `article too large: ${error.detail}`, [{ path: "body", message: error.detail }]);
		case "desk.precondition":
			if (error.etag) c.header("ETag", error.etag);
			return new ApiError(412, error.detail, [
				{ path: "If-Match", message: `the article is at revision ${error.revision}, ETag ${error.etag ?? "none"}` },
			]);
	}
}

function conditionsOf(c: Context<AppEnv>): Conditions {
	const conditions: Conditions = {};
	const ifMatch = c.req.header("if-match");
	const ifNoneMatch = c.req.header("if-none-match");
	if (ifMatch !== undefined) conditions.ifMatch = ifMatch;
	if (ifNoneMatch !== undefined) conditions.ifNoneMatch = ifNoneMatch;
	return conditions;
}

/** `X-Autosave: 1` or `?autosave=1`: the editor's periodic save, coalesced into one revision per sitting. */
function isAutosave(c: Context<AppEnv>): boolean {
	return c.req.header("x-autosave") === "1" || c.req.query("autosave") === "1";
}

/** The desk's answers carry drafts and who wrote them: never in any cache, whatever the credential. */
const privateAnswer: MiddlewareHandler<AppEnv> = async (c, next) => {
	await next();
	c.res.headers.set("Cache-Control", CACHE.private);
};

/** One article's JSON (`/api/articles/:slug`), the only desk path a reader may also ask for. */
const ONE_ARTICLE = /^\/api\/articles\/[^/]+$/;

/**
 * Everything under `/api/articles` needs a credential, except a read of one article: with a bearer
 * token it is the desk copy (a bad token is a 401), with a live session too; with no credential, or
 * only a stale session cookie, it is the reader's public JSON.
 */
const articleAuth: MiddlewareHandler<AppEnv> = async (c, next) => {
	const read = c.req.method === "GET" || c.req.method === "HEAD";
	if (!read || !ONE_ARTICLE.test(c.req.path) || c.req.header("authorization") !== undefined) {
		return adminAuth(c, async () => {
			await privateAnswer(c, next);
		});
	}
	const actor = hasDeskCredential(c.req.raw.headers) ? await requestActor(c) : null;
	if (!actor) return next();
	c.set("actor", actor);
	return privateAnswer(c, next);
};

export const articleDeskRoutes = new Hono<AppEnv>()
	// Also matches `/api/articles` itself (the desk list).
	.use("/api/articles/*", articleAuth)
	.use("/api/preview", adminAuth, privateAnswer)
	/** The desk list: any status, newest change first, filtered; a contributor sees published and their own. */
	.get("/api/articles", validate("query", DeskListQuery), async (c) =>
		c.json(await listDeskArticles(c.env, c.req.valid("query"), c.var.actor, c.var.now)),
	)
	/** With a credential, the desk copy with its ETag; without one (or a stale session), the reader's public JSON. */
	.get("/api/articles/:slug", slugParam, async (c) => {
		const { slug } = c.req.valid("param");
		// No actor (no credential, or a stale session): the reader's answer, by the reader's own function.
		if (!c.get("actor")) return sendPublicArticle(c, slug);
		const copy = await readDeskArticle(c.env, slug, c.var.actor, c.var.now);
		if (!copy.ok) throw refusal(c, copy.error);
		c.header("ETag", copy.value.etag);
		return c.json(copy.value);
	})
	/** Creates (201) or replaces (200) the article, keeping a revision; `If-Match` / `If-None-Match: *` guard it. */
	.put("/api/articles/:slug", slugParam, jsonRequest, validate("json", ArticleInput), async (c) => {
		const save = {
			slug: c.req.valid("param").slug,
			input: c.req.valid("json"),
			actor: c.var.actor,
			conditions: conditionsOf(c),
			autosave: isAutosave(c),
		};
		const saved = await saveDeskArticle(c.env, save, c.var.now);
		if (!saved.ok) throw refusal(c, saved.error);
		const { article, created, feedsChanged, merged } = saved.value;
		c.set("auditDetail", `${created ? "created" : "saved"} as ${article.status}, revision ${article.revision}`);
		// The log has the sitting's first autosave; the ones folded into its revision every 5 s would flood it.
		if (merged) c.set("notAChange", true);
		// Our WebSub hub (when configured) hears of the feeds this changed, after the answer.
		if (feedsChanged) inBackground(c, pingHub(c.env, [article.section]));
		c.header("ETag", article.etag);
		return c.json(article, created ? 201 : 200);
	})
	.delete("/api/articles/:slug", slugParam, async (c) => {
		const { slug } = c.req.valid("param");
		const section = listedSection(c.env, slug, c.var.now);
		const removed = await removeArticle(c.env, slug, c.var.now, c.var.actor);
		if (!removed.ok) {
			if (removed.error.code === "publish.missing") throw new ApiError(404, removed.error.detail);
			throw refusal(c, removed.error);
		}
		inBackground(c, pingHub(c.env, [section]));
		return c.body(null, 204);
	})
	.get("/api/articles/:slug/revisions", slugParam, async (c) => {
		const revisions = await listArticleRevisions(c.env, c.req.valid("param").slug, c.var.actor);
		if (!revisions.ok) throw refusal(c, revisions.error);
		return c.json({ revisions: revisions.value });
	})
	.get("/api/articles/:slug/revisions/:n", revisionParam, async (c) => {
		const { slug, n } = c.req.valid("param");
		const revision = await readArticleRevision(c.env, slug, n, c.var.actor);
		if (!revision.ok) throw refusal(c, revision.error);
		return c.json(revision.value);
	})
	/** Brings revision `n` back as a new revision, under the article's current status; answers like the PUT. */
	.post("/api/articles/:slug/revisions/:n/restore", revisionParam, async (c) => {
		const { slug, n } = c.req.valid("param");
		const restored = await restoreArticleRevision(
			c.env,
			{ slug, n, actor: c.var.actor, conditions: conditionsOf(c) },
			c.var.now,
		);
		if (!restored.ok) throw refusal(c, restored.error);
		const { article, feedsChanged } = restored.value;
		c.set("auditDetail", `restored revision ${n} as revision ${article.revision}`);
		if (feedsChanged) inBackground(c, pingHub(c.env, [article.section]));
		c.header("ETag", article.etag);
		return c.json(article, 200);
	})
	/** The article as its page would show it, from unsaved input; nothing is stored. */
	.post("/api/preview", jsonRequest, validate("json", v.object({ ...ArticleInput.entries })), async (c) => {
		c.set("notAChange", true);
		const html = await previewArticle(siteConfig(c.env), "preview", c.req.valid("json"), c.var.now);
		return c.json({ html });
	});
