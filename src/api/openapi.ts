/**
 * @module The OpenAPI 3.1 description of the JSON API, generated from the valibot schemas that
 * validate requests (and, for responses, that the route tests check real bodies against).
 */
import { type JsonSchema, toJsonSchema } from "@valibot/to-json-schema";
import type * as v from "valibot";
import {
	DeskArticle,
	DeskList,
	DeskListQuery,
	PreviewResponse,
	Revision,
	RevisionList,
	SavedArticle,
} from "../schemas/article-desk";
import { ArticleInput } from "../schemas/article-input";
import { Slug } from "../schemas/common";
import { DiscoverInput, DiscoveryResponse } from "../schemas/discovery";
import { OPML_NAMESPACE, OpmlImportReport } from "../schemas/opml";
import { RefreshQuery } from "../schemas/refresh-query";
import { RefreshSummary } from "../schemas/refresh-summary";
import { ArticleResponse, ErrorResponse, HeadlinesResponse, HealthResponse } from "../schemas/responses";
import {
	DryRunResponse,
	GlobalRules,
	GlobalRulesInput,
	MAX_GLOBAL_RULES,
	MAX_SOURCE_RULES,
	ReviewApproved,
	ReviewList,
	ReviewQuery,
	SourceRules,
	SourceRulesInput,
} from "../schemas/rules";
import { SearchApiQuery, SearchResponse } from "../schemas/search";
import {
	MAX_SOURCES,
	NewSource,
	SourceDeleteQuery,
	SourcePatch,
	SourceRemoval,
	SourceState,
	SourcesInput,
	SourcesRecord,
} from "../schemas/source";
import { RUNS_PER_SOURCE, SourceRunList } from "../schemas/source-runs";
import { TombstoneList } from "../schemas/tombstone";
import { DESK_SCAN } from "../store/desk-articles";
import { identityPaths, identitySchemas } from "./openapi-identity";

type Schema = v.GenericSchema;

/** Schemas that live beside their routes (a route module's query schema) and are passed in. */
export type OpenApiInputs = { headlinesQuery: Schema };

/**
 * JSON Schema 2020-12 (OpenAPI 3.1's dialect) of what a client sends or receives. Checks that
 * JSON Schema can't express (`v.check`) become descriptions, so their rule is still written down.
 */
function jsonSchema(schema: Schema): JsonSchema {
	const { $schema: _, ...rest } = toJsonSchema(schema, {
		target: "draft-2020-12",
		typeMode: "input",
		errorMode: "ignore",
		overrideAction: ({ valibotAction, jsonSchema }) => {
			const message = (valibotAction as { message?: unknown }).message;
			if (valibotAction.type === "check" && typeof message === "string") {
				return { ...jsonSchema, description: message };
			}
			return undefined;
		},
	});
	return rest;
}

const json = (ref: string, description: string) => ({
	description,
	content: { "application/json": { schema: { $ref: `#/components/schemas/${ref}` } } },
});
const error = (description: string) => json("Error", description);

/** Query parameters from an object schema's properties, one OpenAPI parameter each (a property's description becomes the parameter's). */
function queryParameters(schema: Schema) {
	const object = jsonSchema(schema) as { properties?: Record<string, JsonSchema>; required?: string[] };
	return Object.entries(object.properties ?? {}).map(([name, { description, ...property }]) => ({
		name,
		in: "query",
		required: object.required?.includes(name) ?? false,
		...(description === undefined ? {} : { description }),
		schema: property,
	}));
}

const ADMIN = [{ adminToken: [] }];
const ADMIN_ERRORS = { "401": error("Missing or wrong bearer token, or no ADMIN_TOKEN configured.") };
const BODY_ERRORS = {
	"400": error("Malformed JSON, or a schema violation: each issue names its path."),
	"413": error("Body over 1 MiB."),
	"415": error("Content type is not JSON."),
};

const RULES_DESCRIPTION =
	"Each rule keeps or blocks new items whose `title`, `link`, `author`, `categories` or `content` (the text, first 64 KiB) match a `phrase` (a substring, after NFKC and lowercasing) or a `pattern` (RE2 syntax, linear time, case-insensitive; at most 1,000 compiled steps, 4,000 for a set). Block rules win; once any keep rule exists (global or the source's), an item must match one. Blocked items wait in the review queue.";

function build({ headlinesQuery }: OpenApiInputs) {
	const slug = { name: "slug", in: "path", required: true, schema: jsonSchema(Slug) };
	const revisionNumber = { name: "n", in: "path", required: true, schema: { type: "integer", minimum: 1 } };
	const sourceId = { name: "id", in: "path", required: true, schema: jsonSchema(Slug) };
	const reviewId = { name: "id", in: "path", required: true, schema: { type: "integer", minimum: 1 } };
	return {
		openapi: "3.1.0",
		info: {
			title: "edgewire API",
			version: "1",
			description:
				"Headlines and articles as JSON, with every `age` computed when the request arrives; editors' routes need `Authorization: Bearer <ADMIN_TOKEN>`.",
		},
		servers: [{ url: "/" }],
		paths: {
			"/api/headlines": {
				get: {
					operationId: "listHeadlines",
					summary: "The latest live headlines, newest first",
					parameters: queryParameters(headlinesQuery),
					responses: {
						"200": json("Headlines", "Headlines with their ages."),
						"400": error("A bad or unknown query parameter."),
						"500": error("The stored index is unreadable."),
					},
				},
			},
			"/api/search": {
				get: {
					operationId: "searchArticles",
					summary: "Live articles matching words in their title, dek, body or author, best first",
					description:
						"Every word must match, by its beginning (`flood` finds `flooding`), with stemming. Ranked by BM25 with a recency boost. Quotes, `*`, `-` and operators are read as plain words. Results may be up to a minute old; each `age` is computed per request.",
					parameters: queryParameters(SearchApiQuery),
					responses: {
						"200": json("SearchResults", "Results, and `next` when more follow."),
						"400": error("A query outside 1 to 200 characters, a bad `limit` or `cursor`, or an unknown parameter."),
					},
				},
			},
			"/api/articles": {
				get: {
					operationId: "listDeskArticles",
					summary: "The article desk: every status, the latest change first",
					description: `Drafts, articles in review, scheduled and published ones, filtered by \`status\` (\`scheduled\` is published with a future \`publishedAt\`), \`section\` (name or slug), \`author\` (exact name), \`source\` (a source id) and \`q\` (words in the title). A contributor sees published articles and their own. One page walks at most ${DESK_SCAN} articles in order before filtering, so a narrow filter may answer a short page with \`next\`: follow it to walk on.`,
					security: ADMIN,
					parameters: queryParameters(DeskListQuery),
					responses: {
						"200": json("DeskList", "A page of articles, and `next` when more may follow."),
						"400": error("A bad or unknown query parameter."),
						...ADMIN_ERRORS,
					},
				},
			},
			"/api/articles/{slug}": {
				parameters: [slug],
				get: {
					operationId: "getArticle",
					summary: "One live article with its age; with a credential, the desk copy",
					description:
						"Without a credential: the live article, 404 for a draft, an article in review or one scheduled for later. With a bearer token or a newsroom session: the desk copy whatever its status, with `status`, `revision`, `owner` and an `ETag` to send back as `If-Match`.",
					responses: {
						"200": json("Article", "The article (the public JSON; the desk copy, `DeskArticle`, with a credential)."),
						"400": error("A malformed slug."),
						"403": error("A contributor asking for someone else's draft."),
						"404": error("No live article with this slug (absent, unpublished, or scheduled for later)."),
						"500": error("The stored article is unreadable."),
					},
				},
				put: {
					operationId: "putArticle",
					summary: "Create or replace an article, keeping a revision",
					description:
						"`status` (`draft`, `review`, `published`; default `published`) decides whether readers see it. Send `If-Match` with the ETag you read to refuse an overwrite of someone else's save (412), and `If-None-Match: *` to create only (412 if the slug exists). `X-Autosave: 1` (or `?autosave=1`) replaces your own autosave of the last ten minutes instead of adding a revision. A contributor may save only as draft or review, and only their own unpublished articles.",
					security: ADMIN,
					requestBody: {
						required: true,
						content: { "application/json": { schema: { $ref: "#/components/schemas/ArticleInput" } } },
					},
					responses: {
						"200": json("SavedArticle", "Replaced."),
						"201": json("SavedArticle", "Created."),
						...BODY_ERRORS,
						...ADMIN_ERRORS,
						"403": error("A contributor publishing, or changing a published article or someone else's."),
						"412": error(
							"`If-Match` no longer matches (the error names the current revision), or `If-None-Match: *` and the article exists.",
						),
						"413": error(
							"Body over 1 MiB, or an article that would take more than a stored row holds (1.9 MB, JSON-escaped; issue path `body`).",
						),
					},
				},
				delete: {
					operationId: "deleteArticle",
					summary: "Remove an article and its revisions",
					security: ADMIN,
					responses: {
						"204": { description: "Removed." },
						"400": error("A malformed slug."),
						...ADMIN_ERRORS,
						"403": error("A contributor removing anything but their own draft."),
						"404": error("No such article."),
					},
				},
			},
			"/api/articles/{slug}/revisions": {
				parameters: [slug],
				get: {
					operationId: "listArticleRevisions",
					summary: "An article's revisions, newest first",
					security: ADMIN,
					responses: {
						"200": json("RevisionList", "Each revision's number, time, author, status and title."),
						"400": error("A malformed slug."),
						...ADMIN_ERRORS,
						"403": error("A contributor asking for someone else's draft."),
						"404": error("No such article."),
					},
				},
			},
			"/api/articles/{slug}/revisions/{n}": {
				parameters: [slug, revisionNumber],
				get: {
					operationId: "getArticleRevision",
					summary: "One revision with the fields it kept",
					security: ADMIN,
					responses: {
						"200": json("Revision", "The revision."),
						"400": error("A malformed slug or revision number."),
						...ADMIN_ERRORS,
						"403": error("A contributor asking for someone else's draft."),
						"404": error("No such article or revision."),
					},
				},
			},
			"/api/articles/{slug}/revisions/{n}/restore": {
				parameters: [slug, revisionNumber],
				post: {
					operationId: "restoreArticleRevision",
					summary: "Bring a revision back as a new revision",
					description:
						"The revision's fields under the article's current status, with the rules of a PUT of that content; `If-Match` as for a PUT (without one, the restore still lands only on the version it was read against).",
					security: ADMIN,
					responses: {
						"200": json("SavedArticle", "Restored."),
						"400": error("A malformed slug or revision number."),
						...ADMIN_ERRORS,
						"403": error("As for a PUT of that content."),
						"404": error("No such article or revision."),
						"409": error("The revision no longer passes today's article rules."),
						"412": error("`If-Match` no longer matches."),
					},
				},
			},
			"/api/preview": {
				post: {
					operationId: "previewArticle",
					summary: "The article as its page would render it; nothing is stored",
					security: ADMIN,
					requestBody: {
						required: true,
						content: { "application/json": { schema: { $ref: "#/components/schemas/ArticleInput" } } },
					},
					responses: {
						"200": json("Preview", "The `<article>` element, rendered and sanitized as the site does."),
						...BODY_ERRORS,
						...ADMIN_ERRORS,
					},
				},
			},
			"/api/sources": {
				get: {
					operationId: "listSources",
					summary: "The upstream feeds and each one's health",
					security: ADMIN,
					responses: { "200": json("Sources", "Every source with its last fetch and errors."), ...ADMIN_ERRORS },
				},
				put: {
					operationId: "putSources",
					summary: "Replace the list of upstream feeds",
					security: ADMIN,
					requestBody: {
						required: true,
						content: { "application/json": { schema: { $ref: "#/components/schemas/SourcesInput" } } },
					},
					responses: {
						"200": json("Sources", "The new list with its health."),
						...BODY_ERRORS,
						"413": error(`Body over 1 MiB, or more than ${MAX_SOURCES} sources (nothing is stored).`),
						...ADMIN_ERRORS,
					},
				},
				post: {
					operationId: "addSource",
					summary: "Add one upstream feed, due at once",
					description:
						"Without an `id`, one is made from the name (else the host), unique with `-2`, `-3`, …. The other sources and their health are untouched.",
					security: ADMIN,
					requestBody: {
						required: true,
						content: { "application/json": { schema: { $ref: "#/components/schemas/NewSource" } } },
					},
					responses: {
						"201": json("Source", "The new source, with fresh health."),
						...BODY_ERRORS,
						"409": error("A source already has this id or this URL (the issue names which)."),
						"413": error(`Body over 1 MiB, or the list already holds ${MAX_SOURCES} sources.`),
						...ADMIN_ERRORS,
					},
				},
			},
			"/api/sources/{id}": {
				parameters: [{ name: "id", in: "path", required: true, schema: jsonSchema(Slug) }],
				patch: {
					operationId: "patchSource",
					summary: "Change one source's name or settings (pause, resume, section, itemsPerRun, review)",
					description:
						"Only the fields sent change; `null` clears `section` or `itemsPerRun`. The source keeps its health: pausing and resuming never reset its backoff.",
					security: ADMIN,
					requestBody: {
						required: true,
						content: { "application/json": { schema: { $ref: "#/components/schemas/SourcePatch" } } },
					},
					responses: {
						"200": json("Source", "The source with its settings and health."),
						...BODY_ERRORS,
						...ADMIN_ERRORS,
						"404": error("No source with this id."),
					},
				},
				delete: {
					operationId: "deleteSource",
					summary: "Remove one source, keeping or removing its articles",
					description:
						"The source's rules, last fetched items and run history go with it; its queued review items and every tombstone stay. With `articles=remove`, each call also deletes up to 100 of the articles it brought (no tombstones: no refresh of a removed source brings them back) and answers how many remain; call again until `remaining` is 0, even once the source itself is gone.",
					security: ADMIN,
					parameters: queryParameters(SourceDeleteQuery),
					responses: {
						"200": json("SourceRemoval", "What this call removed and how many of the source's articles remain."),
						"400": error("A bad id, or `articles` other than keep or remove."),
						...ADMIN_ERRORS,
						"404": error("No source with this id (and, for `remove`, none of its articles left)."),
					},
				},
			},
			"/api/sources/{id}/runs": {
				parameters: [{ name: "id", in: "path", required: true, schema: jsonSchema(Slug) }],
				get: {
					operationId: "listSourceRuns",
					summary: `A source's last ${RUNS_PER_SOURCE} refresh attempts, the newest first`,
					description:
						"Each attempt's outcome (fetched, not_modified, failed), HTTP status, error and item counts; a deferred source (the run's budget said not now) leaves no entry.",
					security: ADMIN,
					responses: {
						"200": json("SourceRuns", "The attempts."),
						...ADMIN_ERRORS,
						"404": error("No source with this id."),
					},
				},
			},
			"/api/sources.opml": {
				get: {
					operationId: "exportSourcesOpml",
					summary: "The source list as OPML 2.0",
					description: `Sections become outlines holding their sources; each source is an \`<outline type="rss" text title xmlUrl>\` with its id and settings in the \`${OPML_NAMESPACE}\` namespace (\`edgewire:id\`, \`edgewire:paused\`, \`edgewire:itemsPerRun\`, \`edgewire:review\`).`,
					security: ADMIN,
					responses: {
						"200": { description: "OPML 2.0.", content: { "text/x-opml": { schema: { type: "string" } } } },
						...ADMIN_ERRORS,
					},
				},
			},
			"/api/sources/opml": {
				post: {
					operationId: "importSourcesOpml",
					summary: "Add the feeds of an OPML file that are not sources yet",
					description:
						"Idempotent: an outline whose URL is a source already is skipped. Outlines inside a category outline get it as their section; ids come from `edgewire:id` when free, else from the title or host. A bad outline is reported `invalid` and the rest still go in; a refused file changes nothing.",
					security: ADMIN,
					requestBody: {
						required: true,
						content: Object.fromEntries(
							["text/x-opml", "application/xml", "text/xml"].map((type) => [type, { schema: { type: "string" } }]),
						),
					},
					responses: {
						"200": json("OpmlImport", "A result per feed outline, and the counts."),
						"400": error("Malformed XML, a DOCTYPE or ENTITY declaration, or a root other than <opml>."),
						"413": error(
							`Body over 1 MiB, over 2,000 outlines or ${MAX_SOURCES} feeds, or more sources than the cap of ${MAX_SOURCES}.`,
						),
						"415": error("Content type is not text/x-opml, application/xml or text/xml."),
						...ADMIN_ERRORS,
					},
				},
			},
			"/api/sources/discover": {
				post: {
					operationId: "discoverFeeds",
					summary: "The feeds behind a page, each fetched and parsed before it is offered",
					description:
						"In order: the URL itself if it is a feed; else the page's `<link rel=\"alternate\">` feeds (RSS, Atom, RSS 1.0, JSON Feed); else, only when those offered nothing, `/feed`, `/feed.xml`, `/rss.xml`, `/atom.xml`, `/index.xml` and `/feed.json` on the page's origin. Under the refresh's fetch limits, at most 8 candidates and 20 subrequests. Always 200: a page without feeds, or one that could not be fetched, has `feeds: []` and says why in `message` and `checked`.",
					security: ADMIN,
					requestBody: {
						required: true,
						content: { "application/json": { schema: { $ref: "#/components/schemas/DiscoverInput" } } },
					},
					responses: {
						"200": json("Discovery", "The working feeds, every URL looked at with its outcome, and a message."),
						...BODY_ERRORS,
						...ADMIN_ERRORS,
					},
				},
			},
			"/api/refresh": {
				post: {
					operationId: "refreshSources",
					summary: "Run one refresh of the due sources now, or of one source",
					security: ADMIN,
					parameters: queryParameters(RefreshQuery),
					responses: {
						"200": json("RefreshSummary", "What the run fetched and stored."),
						"400": error("A `force` other than true or false. A `source` that is not a source id."),
						...ADMIN_ERRORS,
						"404": error("No source with the `source` id."),
					},
				},
			},
			"/api/tombstones": {
				get: {
					operationId: "listTombstones",
					summary: "The feed items editors took down, the latest first",
					description:
						"Deleting an article that came from a feed leaves a tombstone, so the refresh never brings the story back.",
					security: ADMIN,
					responses: { "200": json("Tombstones", "Every tombstone."), ...ADMIN_ERRORS },
				},
			},
			"/api/tombstones/{id}": {
				parameters: [{ name: "id", in: "path", required: true, schema: { type: "integer", minimum: 1 } }],
				delete: {
					operationId: "liftTombstone",
					summary: "Lift a tombstone: the item comes back at its feed's next change",
					security: ADMIN,
					responses: {
						"204": { description: "Lifted." },
						"400": error("An id that is not a whole number from 1."),
						...ADMIN_ERRORS,
						"404": error("No such tombstone."),
					},
				},
			},
			"/api/rules": {
				get: {
					operationId: "listGlobalRules",
					summary: "The global keep and block rules",
					security: ADMIN,
					responses: { "200": json("GlobalRules", "The global set, in the order saved."), ...ADMIN_ERRORS },
				},
				put: {
					operationId: "putGlobalRules",
					summary: "Replace the global keep and block rules",
					description: RULES_DESCRIPTION,
					security: ADMIN,
					requestBody: {
						required: true,
						content: { "application/json": { schema: { $ref: "#/components/schemas/GlobalRulesInput" } } },
					},
					responses: {
						"200": json("GlobalRules", "The set as stored; a rule saved again unchanged keeps its id."),
						...BODY_ERRORS,
						"400": error("Malformed JSON, a schema violation, or a pattern re2js refuses: each issue names its rule."),
						"413": error(`Body over 1 MiB, or more than ${MAX_GLOBAL_RULES} rules (nothing is stored).`),
						...ADMIN_ERRORS,
					},
				},
			},
			"/api/sources/{id}/rules": {
				parameters: [sourceId],
				get: {
					operationId: "listSourceRules",
					summary: "One source's own keep and block rules (the global ones apply too)",
					security: ADMIN,
					responses: {
						"200": json("SourceRules", "The source's set, in the order saved."),
						"400": error("A malformed source id."),
						...ADMIN_ERRORS,
						"404": error("No source with this id."),
					},
				},
				put: {
					operationId: "putSourceRules",
					summary: "Replace one source's keep and block rules",
					description: RULES_DESCRIPTION,
					security: ADMIN,
					requestBody: {
						required: true,
						content: { "application/json": { schema: { $ref: "#/components/schemas/SourceRulesInput" } } },
					},
					responses: {
						"200": json("SourceRules", "The set as stored."),
						...BODY_ERRORS,
						"400": error("Malformed JSON, a schema violation, or a pattern re2js refuses: each issue names its rule."),
						"413": error(`Body over 1 MiB, or more than ${MAX_SOURCE_RULES} rules (nothing is stored).`),
						...ADMIN_ERRORS,
						"404": error("No source with this id."),
					},
				},
			},
			"/api/sources/{id}/rules/test": {
				parameters: [sourceId],
				post: {
					operationId: "testSourceRules",
					summary: "Dry run: what a rule set would do to the source's last fetched items",
					description:
						"The body is the set the editor is about to save as the source's own; the stored global rules apply too, and the source's `review` setting holds what they keep. Nothing is stored.",
					security: ADMIN,
					requestBody: {
						required: true,
						content: { "application/json": { schema: { $ref: "#/components/schemas/SourceRulesInput" } } },
					},
					responses: {
						"200": json("DryRun", "Each last fetched item with its outcome and the rule that decided it."),
						...BODY_ERRORS,
						"400": error("Malformed JSON, a schema violation, or a pattern re2js refuses: each issue names its rule."),
						"413": error(`Body over 1 MiB, or more than ${MAX_SOURCE_RULES} rules.`),
						...ADMIN_ERRORS,
						"404": error("No source with this id."),
					},
				},
			},
			"/api/review": {
				get: {
					operationId: "listReview",
					summary: "Held and blocked feed items waiting for an editor, the newest first",
					security: ADMIN,
					parameters: queryParameters(ReviewQuery),
					responses: {
						"200": json("ReviewList", "A page of queued items, and `next` when more follow."),
						"400": error("A bad `limit` or `cursor`, or an unknown parameter."),
						...ADMIN_ERRORS,
					},
				},
			},
			"/api/review/{id}/approve": {
				parameters: [reviewId],
				post: {
					operationId: "approveReview",
					summary: "Publish a queued item, as the refresh would have",
					security: ADMIN,
					responses: {
						"200": json("ReviewApproved", "Published: the article's slug and path."),
						"400": error("An id that is not a whole number from 1."),
						...ADMIN_ERRORS,
						"404": error("No such queued item."),
					},
				},
			},
			"/api/review/{id}/reject": {
				parameters: [reviewId],
				post: {
					operationId: "rejectReview",
					summary: "Drop a queued item and leave a tombstone, so the refresh never brings it back",
					security: ADMIN,
					responses: {
						"204": { description: "Rejected." },
						"400": error("An id that is not a whole number from 1."),
						...ADMIN_ERRORS,
						"404": error("No such queued item."),
					},
				},
			},
			...identityPaths({
				json,
				error,
				queryParameters,
				admin: ADMIN,
				adminErrors: ADMIN_ERRORS,
				bodyErrors: BODY_ERRORS,
			}),
			"/api/openapi.json": {
				get: {
					operationId: "openApi",
					summary: "This document",
					responses: { "200": { description: "OpenAPI 3.1.", content: { "application/json": {} } } },
				},
			},
			"/healthz": {
				get: {
					operationId: "health",
					summary: "Liveness with a KV round trip and the StoreWriter's pending repairs",
					responses: {
						"200": json("Health", "KV answered and no KV record is waiting for repair."),
						"503": json(
							"Health",
							"KV failed or timed out, or records a failed rollback left behind are still unrepaired.",
						),
					},
				},
			},
		},
		components: {
			securitySchemes: { adminToken: { type: "http", scheme: "bearer" } },
			schemas: {
				Headlines: jsonSchema(HeadlinesResponse),
				Article: jsonSchema(ArticleResponse),
				ArticleInput: jsonSchema(ArticleInput),
				SavedArticle: jsonSchema(SavedArticle),
				DeskArticle: jsonSchema(DeskArticle),
				DeskList: jsonSchema(DeskList),
				RevisionList: jsonSchema(RevisionList),
				Revision: jsonSchema(Revision),
				Preview: jsonSchema(PreviewResponse),
				Sources: jsonSchema(SourcesRecord),
				SourcesInput: jsonSchema(SourcesInput),
				Source: jsonSchema(SourceState),
				SourcePatch: jsonSchema(SourcePatch),
				NewSource: jsonSchema(NewSource),
				SourceRemoval: jsonSchema(SourceRemoval),
				SourceRuns: jsonSchema(SourceRunList),
				OpmlImport: jsonSchema(OpmlImportReport),
				Health: jsonSchema(HealthResponse),
				RefreshSummary: jsonSchema(RefreshSummary),
				DiscoverInput: jsonSchema(DiscoverInput),
				Discovery: jsonSchema(DiscoveryResponse),
				Tombstones: jsonSchema(TombstoneList),
				GlobalRules: jsonSchema(GlobalRules),
				GlobalRulesInput: jsonSchema(GlobalRulesInput),
				SourceRules: jsonSchema(SourceRules),
				SourceRulesInput: jsonSchema(SourceRulesInput),
				DryRun: jsonSchema(DryRunResponse),
				ReviewList: jsonSchema(ReviewList),
				ReviewApproved: jsonSchema(ReviewApproved),
				SearchResults: jsonSchema(SearchResponse),
				...identitySchemas(jsonSchema),
				Error: jsonSchema(ErrorResponse),
			},
		},
	};
}

export type OpenApiDocument = ReturnType<typeof build>;

let built: { document: OpenApiDocument; json: string } | undefined;

/** The document and its JSON text, generated on first use and kept for the isolate's life. */
export function openApi(inputs: OpenApiInputs): { document: OpenApiDocument; json: string } {
	if (!built) {
		const document = build(inputs);
		built = { document, json: JSON.stringify(document) };
	}
	return built;
}
