/**
 * @module StoreWriter: the one Durable Object through which every shared write goes.
 *
 * KV is last-write-wins with no transactions, so two writers doing read-modify-write on the
 * headlines index would drop each other's entries. All writes (editors' and the refresh's)
 * are RPC calls here; a promise-chain mutex runs them one at a time, and this object's SQLite
 * table holds the authoritative articles from which the KV records and the index are
 * projected. Reads never come here: they go to KV directly.
 */
import { DurableObject } from "cloudflare:workers";
import { type Actor, OWNER } from "../auth/actor";
import { newId } from "../auth/secrets";
import { siteConfig } from "../config";
import type { Bindings } from "../env";
import type { CommitResult, RunCommit, RunPlan, RunRequest } from "../ingest/run";
import { policyFromVars } from "../ingest/schedule";
import { refuseDelete, refuseHistory, refuseRead, refuseSave, seesAllArticles } from "../publishing/desk-permissions";
import { err, ok, type Result } from "../result";
import type { Article, HeadlinesIndex } from "../schemas/article";
import type { DeskArticle, DeskList, DeskListQuery, Revision, RevisionSummary } from "../schemas/article-desk";
import type { OpmlFeed, OpmlImportReport } from "../schemas/opml";
import type { DryRunResponse, ReviewApproved, ReviewList, Rule, RuleInput } from "../schemas/rules";
import type { SourceConfig, SourcePatch, SourceState, SourcesRecord } from "../schemas/source";
import type { SourceRun, SourceRunList } from "../schemas/source-runs";
import type { AuditPage, Staff, StaffInput, StaffPatch, TokenSummary } from "../schemas/staff";
import type { TombstoneList } from "../schemas/tombstone";
import type { VerificationQuery } from "../schemas/websub";
import type { SearchPage } from "../search/results";
import { type OverCap, planImport } from "../sources/import";
import type { HubRequest } from "../websub/leases";
import type { NewToken, TokenHolder } from "./api-tokens";
import { migrateArchiveDays } from "./archive-days";
import { findBySlug, MAX_ARTICLE_ROW_BYTES, migrateArticlesTable, oversizeRow, projectIndex } from "./articles-table";
import type { AuditRecord } from "./audit-log";
import {
	type Conditions,
	type DeskRefusal,
	deskCopy,
	deskFieldsOf,
	deskStateAt,
	forgetDesk,
	listDesk,
	migrateDeskArticles,
	preconditionFailure,
	recordDeskSave,
} from "./desk-articles";
import type { StoreError } from "./errors";
import * as identity from "./identity-store";
import { itemIdentityAt } from "./item-identity";
import { type PacedKv, type PacingClock, pacedKv, pacedNamespace, REAL_CLOCK } from "./kv-pacing";
import type { ChallengePurpose, NewPasskey, StoredPasskey } from "./passkeys";
import { applyChanges, type ChangeResult, type ChangeSet, type Projection, settle } from "./projection";
import type { ArticleStatus } from "./public-rows";
import { beginRun, commitRun, type RunStore, storeSources } from "./refresh-run";
import { loadSources, migrateRefreshTables, releaseCommitted } from "./refresh-tables";
import { approvalRow, findQueued, listQueue, removeQueued } from "./review-queue";
import { forgetRevisions, keepRevision, listRevisions, migrateRevisions, readRevision } from "./revisions";
import { listRules, saveRules } from "./rules-table";
import {
	dryRun,
	forgetRemovedSources,
	migrateScreening,
	type ReviewMissing,
	type RulesInvalid,
	reviewMissing,
	rulesInvalid,
	type SourceMissing,
	sourceMissing,
} from "./screening";
import { searchArticles } from "./search-index";
import type { LiveSession, NewSession } from "./sessions-table";
import type { LinkRefusal } from "./sign-in-links";
import type { LastAdmin, StaffDuplicate, StaffMissing } from "./staff-table";
import {
	dueHubRequests,
	type HubReport,
	type PushCommit,
	type PushTarget,
	pushOutcome,
	pushTarget,
	recordRefusals,
	subscriptionStates,
	verifyCallback,
} from "./websub-table";
// Derived KV values register themselves with derived-keys.ts.
import "./list-chunks";
import "./sitemap-months";
import { countSourceArticles, REMOVAL_STEP, sourceArticleSlugs } from "./source-removal";
import { forgetRuns, runsFor, runsOf } from "./source-runs";
import {
	type AddRefused,
	addSource,
	configOf,
	patchSource,
	type RepointRefused,
	removeSource,
	replaceSources,
	repointSource,
} from "./sources-record";
import { migrateStoreState, type StoreHealth, storeHealth } from "./store-health";
import { feedItemAt, leaveTombstone, liftTombstone, listTombstones } from "./tombstones";

export class StoreWriter extends DurableObject<Bindings> {
	private readonly sql: SqlStorage;
	private queue: Promise<unknown> = Promise.resolve();

	constructor(ctx: DurableObjectState, env: Bindings) {
		super(ctx, env);
		this.sql = ctx.storage.sql;
		migrateArticlesTable(this.sql);
		migrateStoreState(this.sql);
		identity.migrateIdentityTables(this.sql);
		// The archive files each row under its day in the site's time zone; a new zone re-files them.
		if (migrateArchiveDays(this.sql, siteConfig(env).timeZone)) void ctx.blockConcurrencyWhile(() => this.wakeIn(0));
	}

	/** Runs `fn` after every earlier call has finished: KV awaits would otherwise let calls interleave. */
	protected serialized<T>(fn: () => Promise<T>): Promise<T> {
		const run = this.queue.then(fn, fn);
		this.queue = run.catch(() => undefined);
		return run;
	}

	/**
	 * Removes an article; `deleted` is false when there was none. A failed write throws, as for
	 * `saveArticle`. An article that came from a feed leaves a tombstone, so the refresh never
	 * brings the story back (a takedown sticks until an editor lifts it).
	 */
	deleteArticle(slug: string, actor: Actor = OWNER): Promise<Result<ChangeResult & { deleted: boolean }, DeskRefusal>> {
		return this.serialized(async () => {
			this.migrateDesk();
			const state = deskStateAt(this.sql, slug);
			if (!state) return ok({ index: projectIndex(this.sql, new Date()), kvWrites: 0, deleted: false });
			const refused = refuseDelete(actor, state);
			if (refused) return err({ code: "desk.forbidden", detail: refused });
			const item = feedItemAt(this.sql, slug);
			const removed = await this.editorApply({ put: [], remove: [slug] });
			if (item) leaveTombstone(this.sql, item, new Date());
			// Its desk history goes with it: a later story under this slug starts afresh.
			this.forgetHistory([slug]);
			return ok({ ...removed, deleted: true });
		});
	}

	/** The current index, as projected from the table (for repair and tests). */
	readIndex(): HeadlinesIndex {
		return projectIndex(this.sql, new Date());
	}

	/** The trailing index write and the repairs' retries; each asks for the next alarm it needs. */
	override async alarm(): Promise<void> {
		await this.serialized(() => settle(this.projection()));
	}

	/** For `/healthz`: repairs still queued. Not serialized, so a long commit never holds up the health check. */
	health(): StoreHealth {
		return storeHealth(this.sql);
	}

	/** Replaces the source list (`PUT /api/sources`), keeping the health of sources whose URL is unchanged. */
	putSources(configs: SourceConfig[], now: string): Promise<{ record: SourcesRecord; kvWrites: number }> {
		return this.serialized(async () => {
			migrateRefreshTables(this.sql);
			const record = replaceSources(loadSources(this.sql), configs, new Date(now));
			forgetRemovedSources(
				this.sql,
				configs.map((c) => c.id),
			);
			forgetRuns(
				this.sql,
				configs.map((c) => c.id),
			);
			return { record, kvWrites: await storeSources({ sql: this.sql, kv: this.kvNamespace() }, record) };
		});
	}

	/** First call of a refresh run: picks the due sources within `limit` and leases them so an overlapping run skips them. */
	beginRefresh(request: RunRequest): Promise<RunPlan> {
		return this.serialized(async () => {
			migrateRefreshTables(this.sql);
			return beginRun(this.runStore(), request);
		});
	}

	/** Last call of a refresh run: ingests every item and records every source's health, then frees the run's leases. */
	commitRefresh(commit: RunCommit): Promise<CommitResult> {
		return this.serialized(async () => {
			migrateRefreshTables(this.sql);
			try {
				return await commitRun(this.runStore(), commit);
			} finally {
				releaseCommitted(this.sql, commit);
			}
		});
	}

	// Tombstones (`GET /api/tombstones`, `DELETE /api/tombstones/:id`): the feed items editors took down.

	/** Every tombstone, the latest first. */
	listTombstones(): Promise<TombstoneList> {
		return this.serialized(async () => ({ tombstones: listTombstones(this.sql) }));
	}

	/** Lifts tombstone `id`, so the item comes back at its feed's next change; `tombstone.missing` when there is none. */
	liftTombstone(id: number): Promise<Result<void, { code: "tombstone.missing"; detail: string }>> {
		return this.serialized(async () =>
			liftTombstone(this.sql, id) ? ok(undefined) : err({ code: "tombstone.missing", detail: `no tombstone ${id}` }),
		);
	}

	// ── Reader lists and archive (issue 10: per-section and per-period index pages) ──

	// ── Search (issue 10: FTS5 over live articles) ──

	/**
	 * Public, live articles matching `text` (search-index.ts). A read: it never waits behind the write
	 * queue, so a long refresh commit never holds a search up.
	 */
	search(text: string, limit: number, offset: number, nowMs: number): SearchPage {
		return searchArticles(this.sql, text, { nowMs, limit, offset });
	}

	// ── Sources: discovery, OPML, settings (issue 11) ──

	/** Changes one source's fields (`PATCH /api/sources/:id`), keeping its health; `source.missing` when there is none. */
	patchSource(
		id: string,
		patch: SourcePatch,
		now: string,
	): Promise<Result<SourceState, { code: "source.missing"; detail: string }>> {
		return this.serialized(async () => {
			migrateRefreshTables(this.sql);
			const patched = patchSource(loadSources(this.sql), id, patch, new Date(now));
			if (!patched) return err({ code: "source.missing", detail: `no source ${id}` });
			await storeSources({ sql: this.sql, kv: this.kvNamespace() }, patched.record);
			return ok(patched.source);
		});
	}

	/**
	 * Adds an OPML file's new feeds (`POST /api/sources/opml`) in one write, after the source list
	 * it checked them against; past MAX_SOURCES it adds nothing (`sources.over_cap`).
	 */
	importSources(feeds: OpmlFeed[], now: string): Promise<Result<OpmlImportReport, OverCap>> {
		return this.serialized(async () => {
			migrateRefreshTables(this.sql);
			const current = loadSources(this.sql);
			const plan = planImport(current.sources, feeds);
			if (!plan.ok) return plan;
			if (plan.value.added.length > 0) {
				const configs = [...current.sources.map(configOf), ...plan.value.added];
				const record = replaceSources(current, configs, new Date(now));
				await storeSources({ sql: this.sql, kv: this.kvNamespace() }, record);
			}
			return ok(plan.value.report);
		});
	}

	/** One source added (`POST /api/sources`), due at once; refused when its id or URL is taken or the list is full. */
	addSource(input: Omit<SourceConfig, "id"> & { id?: string }, now: string): Promise<Result<SourceState, AddRefused>> {
		return this.serialized(async () => {
			migrateRefreshTables(this.sql);
			const added = addSource(loadSources(this.sql), input, new Date(now));
			if (!added.ok) return added;
			await storeSources({ sql: this.sql, kv: this.kvNamespace() }, added.value.record);
			return ok(added.value.source);
		});
	}

	/**
	 * Takes source `id` off the list (its rules, last items and run history go with it; its queued
	 * review items stay) and, with `remove`, deletes up to REMOVAL_STEP of its articles, answering how
	 * many are left: the caller calls again until none are, even once the source itself is gone.
	 * Deleting them leaves no tombstones (no refresh of a removed source can bring them back).
	 */
	removeSource(
		id: string,
		articles: "keep" | "remove",
		now: string,
	): Promise<Result<{ removed: number; remaining: number }, SourceMissing>> {
		return this.serialized(async () => {
			migrateRefreshTables(this.sql);
			const record = removeSource(loadSources(this.sql), id, new Date(now));
			const left = articles === "remove" ? countSourceArticles(this.sql, id) : 0;
			if (!record && left === 0) return err(sourceMissing(id));
			if (record) {
				const remaining = record.sources.map((s) => s.id);
				forgetRemovedSources(this.sql, remaining);
				forgetRuns(this.sql, remaining);
				await storeSources({ sql: this.sql, kv: this.kvNamespace() }, record);
			}
			if (left === 0) return ok({ removed: 0, remaining: 0 });
			const slugs = sourceArticleSlugs(this.sql, id, REMOVAL_STEP);
			await this.editorApply({ put: [], remove: slugs });
			// An edited story's desk row and revisions go too: with no article, no API call could reach them.
			this.forgetHistory(slugs);
			return ok({ removed: slugs.length, remaining: left - slugs.length });
		});
	}

	/** A source's last attempts, the newest first; null when there is no source `id`. A read: never waits behind a commit. */
	sourceRuns(id: string): SourceRunList | null {
		migrateRefreshTables(this.sql);
		if (!loadSources(this.sql).sources.some((s) => s.id === id)) return null;
		return { id, runs: runsOf(this.sql, id) };
	}

	/** How many articles from source `id` the site holds (the delete page asks whether to keep them). A read. */
	sourceArticleCount(id: string): number {
		return countSourceArticles(this.sql, id);
	}

	/** Points source `id` at the feed its page now announces (`movedTo`), with fresh health (the desk's "use the new address"). */
	repointSource(id: string, now: string): Promise<Result<SourceState, RepointRefused>> {
		return this.serialized(async () => {
			migrateRefreshTables(this.sql);
			const moved = repointSource(loadSources(this.sql), id, new Date(now));
			if (!moved.ok) return moved;
			await storeSources({ sql: this.sql, kv: this.kvNamespace() }, moved.value.record);
			return ok(moved.value.source);
		});
	}

	/** A page of the sources desk: `limit` sources from `offset` with their health and last attempts, and how many there are. A read. */
	sourcesDesk(
		offset: number,
		limit: number,
	): { sources: SourceState[]; total: number; runs: Record<string, SourceRun[]> } {
		migrateRefreshTables(this.sql);
		const all = loadSources(this.sql).sources;
		const sources = all.slice(offset, offset + limit);
		const runs = runsFor(
			this.sql,
			sources.map((s) => s.id),
		);
		return { sources, total: all.length, runs: Object.fromEntries(runs) };
	}

	/** One listed source with its health, or null. A read. */
	findSource(id: string): SourceState | null {
		migrateRefreshTables(this.sql);
		return loadSources(this.sql).sources.find((s) => s.id === id) ?? null;
	}

	/** Every listed source's id and name, for the desk's words about runs and review items. A read. */
	sourceNames(): Record<string, string> {
		migrateRefreshTables(this.sql);
		return Object.fromEntries(loadSources(this.sql).sources.map((s) => [s.id, s.name]));
	}

	// ── Rules and the review queue (issue 11) ──

	/** The global rules (`sourceId` null) or one source's own; `source.missing` for a source not in the list. */
	getRules(sourceId: string | null): Promise<Result<Rule[], SourceMissing>> {
		return this.serialized(async () => {
			migrateScreening(this.sql);
			if (sourceId !== null && !this.sourceConfig(sourceId)) return err(sourceMissing(sourceId));
			return ok(listRules(this.sql, sourceId));
		});
	}

	/** Replaces a set whole, once every pattern in it compiles (`rules.invalid` names each that does not). */
	putRules(
		sourceId: string | null,
		rules: RuleInput[],
		now: string,
	): Promise<Result<Rule[], SourceMissing | RulesInvalid>> {
		return this.serialized(async () => {
			migrateScreening(this.sql);
			if (sourceId !== null && !this.sourceConfig(sourceId)) return err(sourceMissing(sourceId));
			const saved = saveRules(this.sql, sourceId, rules, new Date(now));
			return saved.ok ? saved : err(rulesInvalid(saved.error));
		});
	}

	/** The dry run: what `rules`, as the source's own set, would make of its last fetched items. Stores nothing. */
	testRules(sourceId: string, rules: RuleInput[]): Promise<Result<DryRunResponse, SourceMissing | RulesInvalid>> {
		return this.serialized(async () => {
			const source = this.sourceConfig(sourceId);
			if (!source) return err(sourceMissing(sourceId));
			const tried = dryRun(this.sql, source, rules);
			return tried.ok ? tried : err(rulesInvalid(tried.error));
		});
	}

	/** Held and blocked items, the newest first. */
	listReview(limit: number, cursor: number | undefined): Promise<ReviewList> {
		return this.serialized(async () => {
			migrateScreening(this.sql);
			return listQueue(this.sql, limit, cursor);
		});
	}

	/**
	 * Publishes a queued item as the refresh would have (the same change set, so lists, archive and
	 * search follow), living as long as a feed article from now. A failed write throws (500) and
	 * the item stays queued.
	 */
	approveReview(id: number): Promise<Result<ReviewApproved & { index: HeadlinesIndex }, ReviewMissing>> {
		return this.serialized(async () => {
			migrateScreening(this.sql);
			const queued = findQueued(this.sql, id);
			if (!queued) return err(reviewMissing(id));
			if (!queued.row) throw new Error(`review item ${id} holds an article that no longer reads; reject it`);
			const row = approvalRow(this.sql, queued.row, Date.now() + policyFromVars(this.env).articleTtlMs);
			const { index } = await this.editorApply({ put: [row], remove: [] });
			removeQueued(this.sql, id);
			return ok({ id, slug: row.slug, url: `/articles/${row.slug}`, index });
		});
	}

	/** Drops a queued item and leaves a tombstone, so no refresh brings it back (until an editor lifts it). */
	rejectReview(id: number, now: string): Promise<Result<void, ReviewMissing>> {
		return this.serialized(async () => {
			migrateScreening(this.sql);
			const queued = findQueued(this.sql, id);
			if (!queued) return err(reviewMissing(id));
			leaveTombstone(this.sql, queued.takenDown, new Date(now));
			removeQueued(this.sql, id);
			return ok(undefined);
		});
	}

	private sourceConfig(id: string): SourceConfig | undefined {
		migrateRefreshTables(this.sql);
		const found = loadSources(this.sql).sources.find((s) => s.id === id);
		return found && configOf(found);
	}

	// ── WebSub subscriptions (issue 11) ──

	/** After a run's commits: its hub declarations recorded, and the hub requests due now handed out, marked sent (websub-table.ts). */
	websubRequests(report: HubReport): Promise<HubRequest[]> {
		return this.serialized(async () => {
			migrateRefreshTables(this.sql);
			return dueHubRequests(this.sql, loadSources(this.sql).sources, report);
		});
	}

	/** The requests a hub refused or that never reached it. */
	websubRefused(refusals: { callbackId: string; error: string }[]): Promise<void> {
		return this.serialized(async () => recordRefusals(this.sql, refusals));
	}

	/** A hub's verification of intent or denial: the body to echo with a 200, or null for a 404. */
	websubVerify(callbackId: string, query: VerificationQuery, nowMs: number): Promise<string | null> {
		return this.serialized(async () => verifyCallback(this.sql, callbackId, query, nowMs));
	}

	/** Where a content POST to `callbackId` goes, with the secret to check its signature. A read: it never waits behind a commit. */
	websubTarget(callbackId: string): PushTarget {
		migrateRefreshTables(this.sql);
		return pushTarget(this.sql, loadSources(this.sql).sources, callbackId);
	}

	/** A verified push's items, ingested as one final commit of a run of its own; null when the source is gone or paused. */
	commitPush(push: PushCommit): Promise<CommitResult | null> {
		return this.serialized(async () => {
			migrateRefreshTables(this.sql);
			const outcome = pushOutcome(loadSources(this.sql).sources, push);
			if (!outcome) return null;
			const { runId, now, policy } = push;
			return commitRun(this.runStore(), { runId, now, policy, outcomes: [outcome], final: true });
		});
	}

	/** Every subscription and where its handshake stands, secrets left out. */
	websubSubscriptions(): ReturnType<typeof subscriptionStates> {
		return subscriptionStates(this.sql);
	}

	// ── Staff, sessions, tokens, audit (issue 12) ──

	// Synchronous SQL only (no KV), so each is atomic on its own and none waits behind the write queue.

	createStaff(input: StaffInput, now: string): Result<Staff, StaffDuplicate> {
		return identity.insertStaff(this.sql, newId(), input, new Date(now));
	}

	listStaff(): Staff[] {
		return identity.listStaff(this.sql);
	}

	getStaff(id: string): Staff | null {
		return identity.staffById(this.sql, id) ?? null;
	}

	staffByEmail(email: string): Staff | null {
		return identity.staffByEmail(this.sql, email) ?? null;
	}

	patchStaff(id: string, patch: StaffPatch, now: string): Result<Staff, StaffMissing | LastAdmin> {
		return identity.updateStaff(this.sql, id, patch, new Date(now));
	}

	/** Removes a person and every credential of theirs (`DELETE /api/staff/:id`); never the last active admin. */
	deleteStaff(id: string): Result<Staff, StaffMissing | LastAdmin> {
		return identity.deleteStaffAccount(this.sql, id);
	}

	/** Ends every session of one person (`DELETE /api/staff/:id/sessions`); how many there were. */
	endSessionsOf(staffId: string): number {
		return identity.endSessionsOf(this.sql, staffId);
	}

	/** Stores a sign-in link's hash for `staffId`; its expiry (ms), or `staff.missing`. */
	issueSignInLink(staffId: string, secretHash: string, nowMs: number): Result<number, StaffMissing> {
		const staff = identity.staffById(this.sql, staffId);
		if (!staff) return err({ code: "staff.missing", detail: `no staff account ${staffId}` });
		return ok(identity.issueSignInLink(this.sql, secretHash, staffId, nowMs));
	}

	/** Whether a link could sign someone in now; changes nothing. */
	checkSignInLink(secretHash: string, nowMs: number): Result<string, LinkRefusal> {
		return identity.checkSignInLink(this.sql, secretHash, nowMs);
	}

	/** Uses a sign-in link up and starts the session it grants, in one step: a link signs in once. */
	signInByLink(
		linkHash: string,
		session: Omit<NewSession, "staffId">,
		nowMs: number,
	): Result<LiveSession, LinkRefusal> {
		const consumed = identity.consumeSignInLink(this.sql, linkHash, nowMs);
		if (!consumed.ok) return consumed;
		const staff = identity.staffById(this.sql, consumed.value);
		if (!staff || staff.disabled) {
			return err({ code: "link.unknown", detail: "This sign-in link is for an account that can no longer sign in." });
		}
		identity.startSession(this.sql, { ...session, staffId: staff.id }, nowMs);
		return ok({ id: session.id, staff });
	}

	startSession(session: NewSession, nowMs: number): void {
		identity.startSession(this.sql, session, nowMs);
	}

	liveSession(secretHash: string, nowMs: number): LiveSession | null {
		return identity.liveSession(this.sql, secretHash, nowMs) ?? null;
	}

	endSession(secretHash: string): boolean {
		return identity.endSession(this.sql, secretHash);
	}

	/** False when the person already holds as many tokens as they may (nothing stored). */
	createToken(token: NewToken, nowMs: number): boolean {
		return identity.insertToken(this.sql, token, nowMs);
	}

	listTokens(staffId: string): TokenSummary[] {
		return identity.listTokensOf(this.sql, staffId);
	}

	revokeToken(id: string, ownerId: string | null): boolean {
		return identity.revokeToken(this.sql, id, ownerId);
	}

	tokenHolder(secretHash: string, nowMs: number): TokenHolder | null {
		return identity.tokenHolder(this.sql, secretHash, nowMs) ?? null;
	}

	saveChallenge(challenge: string, purpose: ChallengePurpose, staffId: string | null, nowMs: number): void {
		identity.saveChallenge(this.sql, challenge, purpose, staffId, nowMs);
	}

	takeChallenge(challenge: string, purpose: ChallengePurpose, staffId: string | null, nowMs: number): boolean {
		return identity.takeChallenge(this.sql, challenge, purpose, staffId, nowMs);
	}

	addPasskey(passkey: NewPasskey, nowMs: number): void {
		identity.insertPasskey(this.sql, passkey, nowMs);
	}

	passkey(id: string): StoredPasskey | null {
		return identity.passkeyById(this.sql, id) ?? null;
	}

	passkeysOf(staffId: string): StoredPasskey[] {
		return identity.passkeysOf(this.sql, staffId);
	}

	recordPasskeyUse(id: string, counter: number, nowMs: number): void {
		identity.recordPasskeyUse(this.sql, id, counter, nowMs);
	}

	deletePasskey(id: string, staffId: string): boolean {
		return identity.deletePasskey(this.sql, id, staffId);
	}

	appendAudit(record: AuditRecord): void {
		identity.appendAudit(this.sql, record);
	}

	listAudit(limit: number, before: number | undefined): AuditPage {
		return identity.listAudit(this.sql, limit, before);
	}

	// ── Article desk: status, revisions, conflicts (issue 12) ──

	/**
	 * Saves an article through the desk (`PUT /api/articles/:slug`, a restore): the role rules
	 * (desk-permissions.ts) and the request's preconditions are checked against the article as it
	 * stands, in the write queue, so no save slips in between; then the write, its revision and the
	 * desk row. A failed write throws (500) and keeps no revision.
	 */
	saveArticle(save: {
		article: Article;
		status: ArticleStatus;
		actor: Actor;
		conditions: Conditions;
		autosave: boolean;
	}): Promise<
		Result<
			{ index: HeadlinesIndex; created: boolean; wasPublished: boolean; merged: boolean; copy: DeskArticle },
			DeskRefusal
		>
	> {
		return this.serialized(async () => {
			this.migrateDesk();
			const { article, status, actor } = save;
			const slug = article.slug;
			const state = deskStateAt(this.sql, slug);
			const refused = refuseSave(actor, state, status);
			if (refused) return err({ code: "desk.forbidden", detail: refused });
			const failed = preconditionFailure(slug, state, save.conditions);
			if (failed) return err(failed);
			const oversize = oversizeRow(article);
			if (oversize !== undefined) {
				const detail = `the article would take ${oversize} bytes as stored, over the ${MAX_ARTICLE_ROW_BYTES} a row holds`;
				return err({ code: "desk.too_large", detail });
			}
			const { index } = await this.putRow(article, status);
			const atMs = Date.now();
			// A new article starts its own history: rows an article removed by other paths (a source's
			// removal, expiry) left under this slug are dropped, never inherited.
			if (!state) this.forgetHistory([slug]);
			const fields = deskFieldsOf(article);
			const revision = keepRevision(this.sql, { slug, fields, status, actor, atMs, autosave: save.autosave });
			recordDeskSave(this.sql, { slug, actor, revision, atMs, created: !state });
			const row = findBySlug(this.sql, slug);
			if (!row) throw new Error(`article '${slug}' was saved but does not read back`);
			const wasPublished = state?.status === "published";
			// An autosave folded into the same person's revision of a few seconds ago adds no revision.
			const merged = revision === state?.revision;
			return ok({ index, created: !state, wasPublished, merged, copy: deskCopy(this.sql, row, atMs) });
		});
	}

	/** The desk copy of `slug`, any status, for a reader of the desk. A read: it never waits behind a commit. */
	deskArticle(slug: string, actor: Actor, nowMs: number): Result<DeskArticle, DeskRefusal> {
		this.migrateDesk();
		const state = deskStateAt(this.sql, slug);
		const row = state && findBySlug(this.sql, slug);
		if (!state || !row) return err({ code: "desk.missing", detail: `no article '${slug}'` });
		const refused = refuseRead(actor, state);
		if (refused) return err({ code: "desk.forbidden", detail: refused });
		return ok(deskCopy(this.sql, row, nowMs));
	}

	/** One page of the desk list (desk-articles.ts), as `actor` may see it. A read. */
	listDeskArticles(query: DeskListQuery, actor: Actor, nowMs: number): DeskList {
		this.migrateDesk();
		return listDesk(this.sql, query, { seesAll: seesAllArticles(actor), staffId: actor.staffId }, nowMs);
	}

	/** `slug`'s revisions, newest first. A read. */
	articleRevisions(slug: string, actor: Actor): Result<RevisionSummary[], DeskRefusal> {
		const readable = this.historyOf(slug, actor);
		return readable.ok ? ok(listRevisions(this.sql, slug)) : readable;
	}

	/** Revision `n` of `slug` in full. A read. */
	articleRevision(slug: string, n: number, actor: Actor): Result<Revision, DeskRefusal> {
		const readable = this.historyOf(slug, actor);
		if (!readable.ok) return readable;
		const revision = readRevision(this.sql, slug, n);
		return revision ? ok(revision) : err({ code: "desk.missing", detail: `article '${slug}' has no revision ${n}` });
	}

	/** Whether `actor` may read `slug`'s revisions (desk-permissions.ts). */
	private historyOf(slug: string, actor: Actor): Result<void, DeskRefusal> {
		this.migrateDesk();
		const state = deskStateAt(this.sql, slug);
		if (!state) return err({ code: "desk.missing", detail: `no article '${slug}'` });
		const refused = refuseHistory(actor, state);
		return refused ? err({ code: "desk.forbidden", detail: refused }) : ok(undefined);
	}

	private migrateDesk(): void {
		migrateDeskArticles(this.sql);
		migrateRevisions(this.sql);
	}

	/** Drops the desk rows and revisions of `slugs`, whose articles are gone. */
	private forgetHistory(slugs: readonly string[]): void {
		this.migrateDesk();
		for (const slug of slugs) {
			forgetDesk(this.sql, slug);
			forgetRevisions(this.sql, slug);
		}
	}

	/** An editor's write of one article with its status. Replacing a feed article keeps its item identity, so the feed never brings it back. */
	private putRow(article: Article, status: ArticleStatus): Promise<ChangeResult> {
		const item = itemIdentityAt(this.sql, article.slug);
		return this.editorApply({ put: [{ slug: article.slug, article, ...item, expiresAt: null, status }], remove: [] });
	}

	/** An editor's change set: its failure is the request's 500, so it is thrown here, at the RPC boundary. */
	protected async editorApply(changes: ChangeSet): Promise<ChangeResult> {
		const applied = await this.apply(changes);
		if (!applied.ok) throw new Error(`${applied.error.code}: ${applied.error.detail}`);
		return applied.value;
	}

	protected apply(changes: ChangeSet): Promise<Result<ChangeResult, StoreError>> {
		return applyChanges(this.projection(), changes);
	}

	/** `env.NEWS` is read per call, never kept: the fault tests swap the binding on a live instance. */
	private projection(): Projection {
		return { sql: this.sql, kv: this.pacedKv(), wakeIn: (ms) => this.wakeIn(ms) };
	}

	private runStore(): RunStore {
		return { sql: this.sql, kv: this.kvNamespace(), apply: (changes) => this.apply(changes) };
	}

	/** Every KV write goes through here: one per key per second (kv-pacing.ts). */
	private pacedKv(): PacedKv {
		return pacedKv(this.sql, this.env.NEWS, this.pacingClock());
	}

	private kvNamespace(): KVNamespace {
		return pacedNamespace(this.env.NEWS, this.pacedKv());
	}

	/** The clock KV writes are paced on; the strict-limits test entry moves its own instead of waiting. */
	protected pacingClock(): PacingClock {
		return REAL_CLOCK;
	}

	/** Sets the alarm `ms` from now, unless one is already set sooner (the trailing index write and the repairs share it). */
	protected async wakeIn(ms: number): Promise<void> {
		const at = Date.now() + Math.max(0, ms);
		const current = await this.ctx.storage.getAlarm();
		if (current === null || current > at) await this.ctx.storage.setAlarm(at);
	}
}
