/**
 * @module The article desk's pages: GET /admin (the list), the editor (GET and its form POST, for new and
 * existing articles) and a revision's restore. Each reads the form or query, makes its calls into
 * src/publishing/desk.ts (the same functions the API uses, so roles and If-Match apply alike) and renders.
 */
import { type Context, Hono } from "hono";
import * as v from "valibot";
import type { Actor } from "../../src/auth/actor";
import { siteConfig } from "../../src/config";
import {
	emptyForm,
	type FieldErrors,
	type FormValues,
	formFromArticle,
	INTENTS,
	type Intent,
	readArticleForm,
	readFormValues,
	slugFromTitle,
} from "../../src/desk/article-form";
import { articleText, textDiff } from "../../src/desk/text-diff";
import type { AppEnv } from "../../src/env";
import { previewArticle } from "../../src/pages/article-preview";
import {
	listArticleRevisions,
	listDeskArticles,
	readArticleRevision,
	readDeskArticle,
	restoreArticleRevision,
	saveDeskArticle,
} from "../../src/publishing/desk";
import { type DeskArticle, type DeskFields, DeskListQuery, RevisionParam } from "../../src/schemas/article-desk";
import type { ArticleInput } from "../../src/schemas/article-input";
import { formatIssues } from "../../src/schemas/issues";
import { SlugParam } from "../../src/schemas/params";
import type { DeskRefusal } from "../../src/store/desk-articles";
import { ArticleEditorPage, type EditorProps } from "../../src/views/desk/article-editor";
import { ArticleListPage, type ListFilters } from "../../src/views/desk/article-list";
import { ApiError } from "../errors";
import { deskSession } from "../middleware/desk-session";

/** What each button's save says when the page comes back. */
const SAVED: Record<string, string> = {
	draft: "Draft saved.",
	review: "Submitted for review: an editor will take it from here.",
	publish: "Published.",
	schedule: "Scheduled.",
	update: "Published changes saved.",
	unpublish: "Unpublished: it is a draft again and no longer on the site.",
	restored: "Revision restored as a new revision.",
};

const FILTER_KEYS = ["status", "section", "author", "source", "q", "limit", "cursor"] as const;

function timeZoneOf(c: Context<AppEnv>): string {
	return siteConfig(c.env).timeZone;
}

function renderEditor(
	c: Context<AppEnv>,
	props: Omit<EditorProps, "actor" | "timeZone">,
	status: 200 | 400 | 403 | 404 | 409 | 412 | 413 = 200,
) {
	return c.html(<ArticleEditorPage actor={c.var.actor} timeZone={timeZoneOf(c)} {...props} />, status);
}

function slugOf(c: Context<AppEnv>): string {
	const parsed = v.safeParse(SlugParam, { slug: c.req.param("slug") });
	if (!parsed.success) throw new ApiError(404, "There is no article at this address.");
	return parsed.output.slug;
}

/** The desk copy, or the page's 404/403. */
async function storedArticle(c: Context<AppEnv>, slug: string): Promise<DeskArticle> {
	const stored = await readDeskArticle(c.env, slug, c.var.actor, c.var.now);
	if (stored.ok) return stored.value;
	throw new ApiError(stored.error.code === "desk.forbidden" ? 403 : 404, stored.error.detail);
}

async function revisionsOf(c: Context<AppEnv>, slug: string) {
	const listed = await listArticleRevisions(c.env, slug, c.var.actor);
	return listed.ok ? listed.value : [];
}

/** A refusal from a save, as the message above the form (a precondition is handled by the caller). */
function refusalMessage(error: DeskRefusal): string {
	return `Not saved: ${error.detail}.`;
}

function intentOf(form: Record<string, unknown>): Intent | "preview" | "compare" {
	const raw = typeof form.intent === "string" ? form.intent : "draft";
	if (raw === "preview" || raw === "compare") return raw;
	return (INTENTS as readonly string[]).includes(raw) ? (raw as Intent) : "draft";
}

/** Renders the posted body as readers would see it; problems with the form are shown beside their fields. */
async function previewPage(c: Context<AppEnv>, values: FormValues, article: DeskArticle | undefined) {
	const read = readArticleForm(values, { intent: "draft", timeZone: timeZoneOf(c), now: c.var.now, current: article });
	const revisions = article ? await revisionsOf(c, article.slug) : undefined;
	if (!read.ok) return renderEditor(c, { article, values, errors: read.errors, revisions }, 400);
	const previewHtml = await previewArticle(siteConfig(c.env), read.slug, read.input, c.var.now);
	return renderEditor(c, { article, values, revisions, previewHtml });
}

/** Someone saved since this form was loaded: their version against the posted one, and the form kept. */
async function conflictPage(
	c: Context<AppEnv>,
	values: FormValues,
	posted: ArticleInput,
	slug: string,
	status: 200 | 412 = 412,
) {
	const theirs = await storedArticle(c, slug);
	const parts = textDiff(articleText(theirs), articleText(posted as DeskFields));
	return renderEditor(
		c,
		{ article: theirs, values, conflict: { theirs, parts }, revisions: await revisionsOf(c, slug) },
		status,
	);
}

async function saveForm(c: Context<AppEnv>, current: DeskArticle | undefined) {
	const form = await c.req.parseBody();
	const values = readFormValues(form);
	// An existing article's slug is its address: the form cannot move it. A new one left blank takes the title's.
	if (current) values.slug = current.slug;
	else if (!values.slug.trim()) values.slug = slugFromTitle(values.title);
	const intent = intentOf(form);
	if (intent === "preview" || intent === "compare") c.set("notAChange", true);
	if (intent === "preview") return previewPage(c, values, current);
	const read = readArticleForm(values, {
		intent: intent === "compare" ? "draft" : intent,
		timeZone: timeZoneOf(c),
		now: c.var.now,
		current,
	});
	// Only a page shown again needs the revisions list; a successful save redirects.
	const revisionsNow = async () => (current ? await revisionsOf(c, current.slug) : undefined);
	if (!read.ok) {
		return renderEditor(c, { article: current, values, errors: read.errors, revisions: await revisionsNow() }, 400);
	}
	// The editor script's "compare" after an autosave met a newer save: the two versions, nothing saved.
	if (intent === "compare" && current) return conflictPage(c, values, read.input, current.slug, 200);
	const etag = typeof form.etag === "string" && form.etag ? form.etag : undefined;
	const conditions = current ? (etag ? { ifMatch: etag } : {}) : { ifNoneMatch: "*" };
	const saved = await saveDeskArticle(
		c.env,
		{ slug: read.slug, input: read.input, actor: c.var.actor, conditions, autosave: false },
		c.var.now,
	);
	if (!saved.ok) {
		const error = saved.error;
		if (error.code === "desk.precondition") {
			if (!current) {
				const errors: FieldErrors = { slug: "an article with this slug already exists: choose another" };
				return renderEditor(c, { values, errors }, 409);
			}
			return conflictPage(c, values, read.input, current.slug);
		}
		const status = error.code === "desk.forbidden" ? 403 : error.code === "desk.too_large" ? 413 : 400;
		const errors =
			error.code === "desk.too_large"
				? { body: `Too long to store: ${error.detail}.` }
				: { form: refusalMessage(error) };
		return renderEditor(c, { article: current, values, errors, revisions: await revisionsNow() }, status);
	}
	c.set("auditDetail", `${intent} ${read.slug} (revision ${saved.value.article.revision})`);
	// Post/redirect/get: a reload does not post the form again.
	return c.redirect(`/admin/articles/${read.slug}?saved=${intent}`, 303);
}

function listFilters(query: Record<string, string>): { filters: ListFilters; input: Record<string, string> } {
	const input: Record<string, string> = {};
	for (const key of FILTER_KEYS) {
		const value = query[key]?.trim();
		if (value) input[key] = value;
	}
	const { limit: _limit, cursor: _cursor, ...filters } = input;
	return { filters, input };
}

/** The author field starts with the person's own name. */
function newArticleForm(actor: Actor): FormValues {
	const values = emptyForm();
	if (actor.staffId) values.authorName = actor.name;
	return values;
}

export const deskArticleRoutes = new Hono<AppEnv>()
	.use("/admin", deskSession)
	// "…/*" matches the bare path too, so the guard (a session look-up) runs once a request.
	.use("/admin/articles/*", deskSession)
	.get("/admin", async (c) => {
		const { filters, input } = listFilters(c.req.query());
		const query = v.safeParse(DeskListQuery, input);
		const timeZone = timeZoneOf(c);
		const flash = c.req.query("signed-in")
			? { kind: "ok" as const, text: `Signed in as ${c.var.actor.name}.` }
			: undefined;
		if (!query.success) {
			const [issue] = formatIssues(query.issues);
			const filterError = `That filter cannot be used: ${issue?.path ?? "query"} ${issue?.message ?? "is invalid"}.`;
			return c.html(
				<ArticleListPage
					actor={c.var.actor}
					articles={[]}
					filters={filters}
					timeZone={timeZone}
					filterError={filterError}
				/>,
				400,
			);
		}
		const list = await listDeskArticles(c.env, query.output, c.var.actor, c.var.now);
		const nextQuery = list.next ? new URLSearchParams({ ...filters, cursor: list.next }).toString() : undefined;
		return c.html(
			<ArticleListPage
				actor={c.var.actor}
				articles={list.articles}
				filters={filters}
				nextQuery={nextQuery}
				paged={Boolean(input.cursor)}
				timeZone={timeZone}
				flash={flash}
			/>,
		);
	})
	.get("/admin/articles/new", (c) => renderEditor(c, { values: newArticleForm(c.var.actor) }))
	.post("/admin/articles/new", (c) => saveForm(c, undefined))
	.get("/admin/articles/:slug", async (c) => {
		const slug = slugOf(c);
		const n = Number(c.req.query("compare"));
		const comparing = Number.isInteger(n) && n > 0;
		// Independent reads, asked of the StoreWriter together.
		const [article, revisions, revision] = await Promise.all([
			storedArticle(c, slug),
			revisionsOf(c, slug),
			comparing ? readArticleRevision(c.env, slug, n, c.var.actor) : undefined,
		]);
		const saved = SAVED[c.req.query("saved") ?? ""];
		const flash = saved ? { kind: "ok" as const, text: saved } : undefined;
		const compared: EditorProps["compared"] = revision?.ok
			? { n, parts: textDiff(articleText(revision.value.fields), articleText(article)) }
			: undefined;
		return renderEditor(c, { article, values: formFromArticle(article, timeZoneOf(c)), revisions, compared, flash });
	})
	.post("/admin/articles/:slug", async (c) => saveForm(c, await storedArticle(c, slugOf(c))))
	.post("/admin/articles/:slug/revisions/:n/restore", async (c) => {
		const param = v.safeParse(RevisionParam, { slug: c.req.param("slug"), n: c.req.param("n") });
		if (!param.success) throw new ApiError(404, "There is no such revision.");
		const { slug, n } = param.output;
		const restored = await restoreArticleRevision(c.env, { slug, n, actor: c.var.actor, conditions: {} }, c.var.now);
		if (!restored.ok) {
			const error = restored.error;
			const status = error.code === "desk.forbidden" ? 403 : error.code === "desk.missing" ? 404 : 409;
			const article = await storedArticle(c, slug);
			const values = formFromArticle(article, timeZoneOf(c));
			const errors = { form: `Revision ${n} was not restored: ${error.detail}.` };
			return renderEditor(c, { article, values, errors, revisions: await revisionsOf(c, slug) }, status);
		}
		c.set("auditDetail", `restored revision ${n} of ${slug} as revision ${restored.value.article.revision}`);
		return c.redirect(`/admin/articles/${slug}?saved=restored`, 303);
	});
