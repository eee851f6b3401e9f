/**
 * @module The sources desk (admin): /admin/sources and its forms. Pages are server-rendered; every
 * action is a form post answered by a redirect and a flash message (POST → redirect → GET), so the
 * desk works without JavaScript. The session guard checks the Origin of every post (CSRF). Each
 * handler reads the form, makes the same StoreWriter or refresh call the API makes, and responds.
 */
import { type Context, Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import * as v from "valibot";
import { siteConfig } from "../../src/config";
import type { AppEnv } from "../../src/env";
import { discoverFeeds } from "../../src/feeds/discover";
import { MAX_REDIRECTS, policyFromVars } from "../../src/ingest/schedule";
import { refresh } from "../../src/refresh";
import { MAX_GLOBAL_RULES, MAX_SOURCE_RULES } from "../../src/schemas/rules";
import { SourceIdParam, type SourceState } from "../../src/schemas/source";
import { readOpml } from "../../src/sources/opml";
import { refreshWords } from "../../src/sources/refresh-words";
import { linesToRules, rulesToLines } from "../../src/sources/rule-lines";
import { type FormFields, newSourceFromForm, patchFromForm } from "../../src/sources/source-form";
import { storeWriter } from "../../src/store/stub";
import { DeleteSourcePage } from "../../src/views/desk/sources/delete-page";
import { ImportPage } from "../../src/views/desk/sources/import-page";
import { RulesPage } from "../../src/views/desk/sources/rules-page";
import { EditSourcePage, NewSourcePage, type SourceFormValues } from "../../src/views/desk/sources/source-forms";
import { type DeskFlash, SourceListPage } from "../../src/views/desk/sources/source-list";
import { ApiError } from "../errors";
import { requireRole } from "../middleware/admin-auth";
import { inBackground } from "../middleware/background";
import { deskSession } from "../middleware/desk-session";
import { MAX_BODY_BYTES } from "../middleware/json-request";
import { validate } from "../middleware/validate";
import { setFlash, takeFlash } from "./flash-cookie";

type DeskContext = Context<AppEnv>;

const LIST = "/admin/sources";

/** An unknown or malformed source id is a 404 page, as for an article's slug. */
const sourceId = validate("param", SourceIdParam, { status: 404, message: "there is no such source" });

/** Forms are small; an OPML file at most 1 MiB (as the API takes), with room for the multipart framing. */
const formLimit = bodyLimit({
	maxSize: MAX_BODY_BYTES + 16 * 1024,
	onError: () => {
		throw new ApiError(413, `the upload is larger than ${MAX_BODY_BYTES} bytes`);
	},
});

/**
 * Sources a page shows: each row renders about a dozen times and marks, and a page of 50 renders in a
 * few milliseconds of CPU; the whole list of 1,000 would take a second and weigh 3.5 MB.
 */
const PAGE_SIZE = 50;

const ListQuery = v.strictObject({
	page: v.optional(
		v.pipe(v.string(), v.regex(/^[1-9][0-9]{0,5}$/, "must be a page number from 1"), v.transform(Number)),
		"1",
	),
});

/**
 * Removing articles goes 100 a call (StoreWriter.removeSource, each a KV delete per story); a form post
 * makes at most this many calls, so it answers within seconds, then offers to remove the rest.
 */
const MAX_REMOVAL_CALLS = 10;

function redirectWith(c: DeskContext, flash: DeskFlash, to = LIST): Response {
	setFlash(c, flash);
	return c.redirect(to, 303);
}

async function form(c: DeskContext): Promise<FormFields> {
	return (await c.req.parseBody({ all: true })) as FormFields;
}

function formText(fields: FormFields, name: string): string {
	const value = fields[name];
	return typeof value === "string" ? value : "";
}

function formValues(fields: FormFields): SourceFormValues {
	return {
		id: formText(fields, "id"),
		url: formText(fields, "url"),
		name: formText(fields, "name"),
		section: formText(fields, "section"),
		itemsPerRun: formText(fields, "itemsPerRun"),
		paused: formText(fields, "paused") !== "",
		review: formText(fields, "review") !== "",
	};
}

/** The listed source, or a 404 page. */
async function sourceOr404(c: DeskContext, id: string): Promise<SourceState> {
	const source = await storeWriter(c.env).findSource(id);
	if (!source) throw new ApiError(404, `there is no source ${id}`);
	return source;
}

async function sourceNames(c: DeskContext): Promise<Map<string, string>> {
	return new Map(Object.entries(await storeWriter(c.env).sourceNames()));
}

/** One refresh, due sources or one source, with its summary in words for the flash. */
async function refreshNow(c: DeskContext, source?: string): Promise<DeskFlash> {
	const background = (work: Promise<unknown>) => inBackground(c, work);
	const summary = await refresh(c.env, {
		now: c.var.now,
		force: false,
		background,
		...(source !== undefined && { source }),
	});
	return { kind: summary.failed > 0 ? "error" : "ok", lines: refreshWords(summary, await sourceNames(c)) };
}

export const sourceDeskRoutes = new Hono<AppEnv>()
	// "…/*" matches the bare path too, so the guard (a session look-up) runs once a request.
	.use("/admin/sources/*", deskSession, requireRole("admin"), formLimit)
	.get(LIST, validate("query", ListQuery), async (c) => {
		const { page } = c.req.valid("query");
		const desk = await storeWriter(c.env).sourcesDesk((page - 1) * PAGE_SIZE, PAGE_SIZE);
		const pages = Math.max(1, Math.ceil(desk.total / PAGE_SIZE));
		if (page > pages) throw new ApiError(404, `there is no page ${page}: the sources fill ${pages}`);
		const { timeZone } = siteConfig(c.env);
		return c.html(
			<SourceListPage
				actor={c.var.actor}
				sources={desk.sources}
				runs={desk.runs}
				total={desk.total}
				page={page}
				pages={pages}
				now={c.var.now}
				timeZone={timeZone}
				flash={takeFlash(c)}
			/>,
		);
	})
	/** "Refresh due sources now": the due ones, as the cron would. */
	.post("/admin/sources/refresh", async (c) => redirectWith(c, await refreshNow(c)))
	.get("/admin/sources/new", (c) => c.html(<NewSourcePage actor={c.var.actor} flash={takeFlash(c)} />))
	.post("/admin/sources/new", async (c) => {
		const fields = await form(c);
		const values = formValues(fields);
		const input = newSourceFromForm(fields);
		if (!input.ok) return c.html(<NewSourcePage actor={c.var.actor} values={values} errors={input.error} />, 400);
		const added = await storeWriter(c.env).addSource(input.value, c.var.now.toISOString());
		if (!added.ok) {
			const { error } = added;
			const errors = error.code === "source.duplicate" ? { [error.path]: error.detail } : { form: error.detail };
			const status = error.code === "source.duplicate" ? 409 : 413;
			return c.html(<NewSourcePage actor={c.var.actor} values={values} errors={errors} />, status);
		}
		c.set("auditDetail", `added source ${added.value.id}`);
		return redirectWith(c, {
			kind: "ok",
			lines: [
				`Added ${added.value.name} (${added.value.id}); it is fetched at the next refresh, or now with Refresh now.`,
			],
		});
	})
	/** "Find feeds": the discovery the API offers, shown on the add page to pick from. */
	.post("/admin/sources/discover", async (c) => {
		const site = formText(await form(c), "url").trim();
		if (!/^https?:\/\/\S+$/i.test(site)) {
			const errors = { discover: "enter the site's address, starting with http:// or https://" };
			return c.html(<NewSourcePage actor={c.var.actor} errors={errors} />, 400);
		}
		const policy = policyFromVars(c.env);
		const discovery = await discoverFeeds(site, {
			timeoutMs: policy.fetchTimeoutMs,
			maxBytes: policy.maxFeedBytes,
			maxRedirects: MAX_REDIRECTS,
			userAgent: policy.userAgent,
			now: c.var.now,
			maxParseBytes: policy.parseBytesPerRun,
		});
		return c.html(<NewSourcePage actor={c.var.actor} discovery={{ ...discovery, site }} />);
	})
	.get("/admin/sources/import", (c) => c.html(<ImportPage actor={c.var.actor} />))
	.post("/admin/sources/import", async (c) => {
		const file = (await form(c)).file;
		if (!(file instanceof File) || file.size === 0) {
			return c.html(<ImportPage actor={c.var.actor} error="Choose an OPML file to import." />, 400);
		}
		// Browsers often send .opml files as application/octet-stream: the bytes decide, as XML.
		const read = readOpml(new Uint8Array(await file.arrayBuffer()), "text/x-opml");
		if (!read.ok) return c.html(<ImportPage actor={c.var.actor} error={read.error.message} />, read.error.status);
		const imported = await storeWriter(c.env).importSources(read.value, c.var.now.toISOString());
		if (!imported.ok) return c.html(<ImportPage actor={c.var.actor} error={imported.error.detail} />, 413);
		c.set("auditDetail", `imported OPML: ${imported.value.added} added`);
		return c.html(<ImportPage actor={c.var.actor} report={imported.value} />);
	})
	.get("/admin/sources/rules", async (c) => {
		const read = await storeWriter(c.env).getRules(null);
		if (!read.ok) throw new ApiError(404, read.error.detail);
		const { timeZone } = siteConfig(c.env);
		const page = (
			<RulesPage
				actor={c.var.actor}
				source={null}
				text={rulesToLines(read.value)}
				timeZone={timeZone}
				flash={takeFlash(c)}
			/>
		);
		return c.html(page);
	})
	.post("/admin/sources/rules", async (c) => saveRules(c, null))
	.get("/admin/sources/:id", sourceId, async (c) => {
		const source = await sourceOr404(c, c.req.valid("param").id);
		return c.html(<EditSourcePage actor={c.var.actor} source={source} flash={takeFlash(c)} />);
	})
	.post("/admin/sources/:id", sourceId, async (c) => {
		const source = await sourceOr404(c, c.req.valid("param").id);
		const fields = await form(c);
		const patch = patchFromForm(fields);
		if (!patch.ok) {
			const values = { ...formValues(fields), id: source.id, url: source.url };
			return c.html(<EditSourcePage actor={c.var.actor} source={source} values={values} errors={patch.error} />, 400);
		}
		const patched = await storeWriter(c.env).patchSource(source.id, patch.value, c.var.now.toISOString());
		if (!patched.ok) throw new ApiError(404, patched.error.detail);
		return redirectWith(c, { kind: "ok", lines: [`Saved ${patched.value.name}.`] });
	})
	.post("/admin/sources/:id/pause", sourceId, async (c) => setPaused(c, c.req.valid("param").id, true))
	.post("/admin/sources/:id/resume", sourceId, async (c) => setPaused(c, c.req.valid("param").id, false))
	.post("/admin/sources/:id/refresh", sourceId, async (c) => {
		const source = await sourceOr404(c, c.req.valid("param").id);
		return redirectWith(c, await refreshNow(c, source.id));
	})
	/** "Use the new address": the source follows the feed its page now announces, with fresh health. */
	.post("/admin/sources/:id/move", sourceId, async (c) => {
		const { id } = c.req.valid("param");
		const moved = await storeWriter(c.env).repointSource(id, c.var.now.toISOString());
		if (!moved.ok) {
			if (moved.error.code === "source.missing") throw new ApiError(404, moved.error.detail);
			throw new ApiError(409, moved.error.detail);
		}
		c.set("auditDetail", `moved source ${id} to ${moved.value.url}`);
		const lines = [`${moved.value.name} now reads ${moved.value.url}; it is fetched at the next refresh, or now.`];
		return redirectWith(c, { kind: "ok", lines });
	})
	/** The confirm page; once the source is gone but some of its stories are left, the page that removes the rest. */
	.get("/admin/sources/:id/delete", sourceId, async (c) => {
		const { id } = c.req.valid("param");
		const writer = storeWriter(c.env);
		const [source, articleCount] = await Promise.all([writer.findSource(id), writer.sourceArticleCount(id)]);
		if (!source && articleCount === 0) throw new ApiError(404, `there is no source ${id}`);
		const shown = source ?? { id, name: id };
		return c.html(
			<DeleteSourcePage actor={c.var.actor} source={shown} articleCount={articleCount} gone={source === null} />,
		);
	})
	.post("/admin/sources/:id/delete", sourceId, async (c) => {
		const { id } = c.req.valid("param");
		const articles = formText(await form(c), "articles") === "remove" ? "remove" : "keep";
		const writer = storeWriter(c.env);
		let removed = 0;
		let remaining = 0;
		for (let call = 0; call < MAX_REMOVAL_CALLS; call++) {
			const step = await writer.removeSource(id, articles, c.var.now.toISOString());
			if (!step.ok) {
				if (call === 0) throw new ApiError(404, step.error.detail);
				break;
			}
			removed += step.value.removed;
			remaining = step.value.remaining;
			if (remaining === 0) break;
		}
		c.set("auditDetail", `removed source ${id} (articles: ${articles}, ${removed} deleted)`);
		const lines = [`Deleted the source ${id}.`];
		if (articles === "keep") lines.push("Its stories stay on the site.");
		else lines.push(`${removed === 1 ? "1 story" : `${removed} stories`} from it removed from the site.`);
		if (remaining === 0) return redirectWith(c, { kind: "ok", lines });
		lines.push(`${remaining} of its stories are still on the site.`);
		return redirectWith(c, { kind: "info", lines }, `${LIST}/${id}/delete`);
	})
	.get("/admin/sources/:id/rules", sourceId, async (c) => {
		const { id } = c.req.valid("param");
		const [source, read] = await Promise.all([sourceOr404(c, id), storeWriter(c.env).getRules(id)]);
		if (!read.ok) throw new ApiError(404, read.error.detail);
		const { timeZone } = siteConfig(c.env);
		return c.html(
			<RulesPage
				actor={c.var.actor}
				source={source}
				text={rulesToLines(read.value)}
				timeZone={timeZone}
				flash={takeFlash(c)}
			/>,
		);
	})
	.post("/admin/sources/:id/rules", sourceId, async (c) => {
		const source = await sourceOr404(c, c.req.valid("param").id);
		return saveRules(c, source);
	})
	/** The dry run: the lines as sent, against the source's last fetched items; nothing stored. */
	.post("/admin/sources/:id/rules/test", sourceId, async (c) => {
		const source = await sourceOr404(c, c.req.valid("param").id);
		const text = formText(await form(c), "rules");
		const { timeZone } = siteConfig(c.env);
		const parsed = linesToRules(text);
		const page = (extra: { errors?: string[]; dryRun?: Parameters<typeof RulesPage>[0]["dryRun"] }) => (
			<RulesPage actor={c.var.actor} source={source} text={text} timeZone={timeZone} {...extra} />
		);
		if (parsed.errors.length > 0) return c.html(page({ errors: parsed.errors }), 400);
		const tried = await storeWriter(c.env).testRules(source.id, parsed.rules);
		if (!tried.ok) {
			const errors = tried.error.code === "rules.invalid" ? tried.error.issues.map(ruleIssue) : [tried.error.detail];
			return c.html(page({ errors }), 400);
		}
		return c.html(page({ dryRun: tried.value }));
	});

/** A stored rule's issue (`rules.2.value`) named by its line, as the editor sees it. */
function ruleIssue(issue: { path: string; message: string }): string {
	const index = /^rules\.(\d+)/.exec(issue.path)?.[1];
	return index === undefined ? issue.message : `rule ${Number(index) + 1}: ${issue.message}`;
}

async function setPaused(c: DeskContext, id: string, paused: boolean): Promise<Response> {
	const patched = await storeWriter(c.env).patchSource(id, { paused }, c.var.now.toISOString());
	if (!patched.ok) throw new ApiError(404, patched.error.detail);
	const lines = [
		paused
			? `Paused ${patched.value.name}: it is not fetched until you resume it.`
			: `Resumed ${patched.value.name}: it is fetched again from the next refresh.`,
	];
	return redirectWith(c, { kind: "ok", lines });
}

/** Saves the global set (`source` null) or a source's, or shows each bad line beside the textarea. */
async function saveRules(c: DeskContext, source: SourceState | null): Promise<Response> {
	const text = formText(await form(c), "rules");
	const { timeZone } = siteConfig(c.env);
	const again = (errors: string[]) =>
		c.html(<RulesPage actor={c.var.actor} source={source} text={text} errors={errors} timeZone={timeZone} />, 400);
	const parsed = linesToRules(text);
	if (parsed.errors.length > 0) return again(parsed.errors);
	const max = source ? MAX_SOURCE_RULES : MAX_GLOBAL_RULES;
	if (parsed.rules.length > max) return again([`at most ${max} rules; these lines hold ${parsed.rules.length}`]);
	const saved = await storeWriter(c.env).putRules(source?.id ?? null, parsed.rules, c.var.now.toISOString());
	if (!saved.ok) {
		return again(saved.error.code === "rules.invalid" ? saved.error.issues.map(ruleIssue) : [saved.error.detail]);
	}
	const whose = source ? `${source.name}'s rules` : "The rules for every source";
	const to = source ? `${LIST}/${source.id}/rules` : `${LIST}/rules`;
	return redirectWith(c, { kind: "ok", lines: [`${whose} are saved (${saved.value.length}).`] }, to);
}
