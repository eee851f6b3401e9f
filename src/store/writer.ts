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
import type { Bindings } from "../env";
import { keys } from "../kv/keys";
import type { Article, HeadlinesIndex } from "../schemas/article";
import type { SourceConfig, SourcesRecord } from "../schemas/source";
import {
	type ArticleRow,
	clearRepair,
	deleteRow,
	findByItemKey,
	findBySlug,
	lastIndexSignature,
	markForRepair,
	migrateArticlesTable,
	pendingRepairs,
	projectIndex,
	pruneExpired,
	setLastIndexSignature,
	slugTaken,
	upsertRow,
} from "./articles-table";
import {
	beginRun,
	type CommitResult,
	commitRun,
	type RunCommit,
	type RunPlan,
	type RunRequest,
	type RunStore,
	storeSources,
} from "./refresh-run";
import { loadSources, migrateRefreshTables, releaseLeases } from "./refresh-tables";
import { replaceSources } from "./sources-record";

/** A batch of article changes applied as one unit: every article write, then at most one index write. */
export type ChangeSet = { put: ArticleRow[]; remove: string[] };

export type ChangeResult = { index: HeadlinesIndex; kvWrites: number };

/** How soon the alarm retries KV records a failed rollback left behind. */
const REPAIR_RETRY_MS = 30_000;

export class StoreWriter extends DurableObject<Bindings> {
	private readonly sql: SqlStorage;
	private queue: Promise<unknown> = Promise.resolve();

	constructor(ctx: DurableObjectState, env: Bindings) {
		super(ctx, env);
		this.sql = ctx.storage.sql;
		migrateArticlesTable(this.sql);
	}

	/** Runs `fn` after every earlier call has finished: KV awaits would otherwise let calls interleave. */
	protected serialized<T>(fn: () => Promise<T>): Promise<T> {
		const run = this.queue.then(fn, fn);
		this.queue = run.catch(() => undefined);
		return run;
	}

	/** Creates or replaces an editor's article. */
	putArticle(article: Article): Promise<ChangeResult & { created: boolean }> {
		return this.serialized(async () => {
			const existing = findBySlug(this.sql, article.slug);
			const result = await this.apply({
				put: [{ slug: article.slug, article, itemKey: existing?.itemKey ?? null, expiresAt: null }],
				remove: [],
			});
			return { ...result, created: existing === undefined };
		});
	}

	/** Removes an article; `deleted` is false when there was none. */
	deleteArticle(slug: string): Promise<ChangeResult & { deleted: boolean }> {
		return this.serialized(async () => {
			if (!findBySlug(this.sql, slug))
				return { index: projectIndex(this.sql, new Date()), kvWrites: 0, deleted: false };
			return { ...(await this.apply({ put: [], remove: [slug] })), deleted: true };
		});
	}

	/** The current index, as projected from the table (for repair and tests). */
	readIndex(): HeadlinesIndex {
		return projectIndex(this.sql, new Date());
	}

	/**
	 * Applies a change set: article records first, then the index once. If any KV write fails,
	 * the table and the records already written are put back as they were, so a failed request
	 * changes nothing that readers see.
	 */
	protected async apply(changes: ChangeSet): Promise<ChangeResult> {
		// Records a failed rollback left behind are put right before anything new is written.
		await this.repairKv();
		const before = new Map<string, ArticleRow | undefined>();
		for (const row of changes.put) before.set(row.slug, findBySlug(this.sql, row.slug));
		for (const slug of changes.remove) before.set(slug, findBySlug(this.sql, slug));
		const written: string[] = [];
		let kvWrites = 0;
		try {
			for (const row of changes.put) {
				await this.putRecord(row);
				written.push(row.slug);
				kvWrites++;
				upsertRow(this.sql, row);
			}
			for (const slug of changes.remove) {
				await this.env.NEWS.delete(keys.article(slug));
				written.push(slug);
				kvWrites++;
				deleteRow(this.sql, slug);
			}
			const now = new Date();
			pruneExpired(this.sql, now.getTime());
			const index = projectIndex(this.sql, now);
			const signature = JSON.stringify(index.headlines);
			if (signature !== lastIndexSignature(this.sql)) {
				await this.env.NEWS.put(keys.headlines, JSON.stringify(index));
				kvWrites++;
				setLastIndexSignature(this.sql, signature);
			}
			return { index, kvWrites };
		} catch (error) {
			await this.restore(before, written);
			throw error;
		}
	}

	/**
	 * Puts back the table rows and KV records touched by a failed change set. When KV is still
	 * failing, the slug is remembered and the alarm (and the next write) re-project it from the
	 * table, so a KV outage delays the rollback but never leaves KV wrong for good.
	 */
	private async restore(before: Map<string, ArticleRow | undefined>, written: string[]): Promise<void> {
		for (const slug of written) {
			const row = before.get(slug);
			if (row) upsertRow(this.sql, row);
			else deleteRow(this.sql, slug);
			try {
				await this.projectRecord(slug);
			} catch (error) {
				markForRepair(this.sql, slug);
				await this.ctx.storage.setAlarm(Date.now() + REPAIR_RETRY_MS);
				console.error(JSON.stringify({ event: "store.restore_failed", slug, error: String(error) }));
			}
		}
	}

	/** Writes `row`'s KV record; feed articles carry their expiry so storage stays bounded. */
	private putRecord(row: ArticleRow): Promise<void> {
		const options = row.expiresAt === null ? {} : { expiration: Math.floor(row.expiresAt / 1000) };
		return this.env.NEWS.put(keys.article(row.slug), JSON.stringify(row.article), options);
	}

	/** Makes `slug`'s KV record match the table: its row's article, or nothing. */
	private async projectRecord(slug: string): Promise<void> {
		const row = findBySlug(this.sql, slug);
		if (row) await this.putRecord(row);
		else await this.env.NEWS.delete(keys.article(slug));
	}

	/** Re-projects every record a failed rollback left behind; throws (leaving the rest pending) while KV still fails. */
	private async repairKv(): Promise<number> {
		const pending = pendingRepairs(this.sql);
		for (const slug of pending) {
			await this.projectRecord(slug);
			clearRepair(this.sql, slug);
			console.log(JSON.stringify({ event: "store.repaired", slug }));
		}
		return pending.length;
	}

	/** Retries the repair until KV accepts it. */
	override async alarm(): Promise<void> {
		await this.serialized(async () => {
			try {
				await this.repairKv();
			} catch (error) {
				await this.ctx.storage.setAlarm(Date.now() + REPAIR_RETRY_MS);
				console.error(JSON.stringify({ event: "store.repair_failed", error: String(error) }));
			}
		});
	}

	/** Lookups on the authoritative table, for the refresh's ingest. */
	protected rowByItemKey(itemKey: string): ArticleRow | undefined {
		return findByItemKey(this.sql, itemKey);
	}

	protected isSlugTaken(slug: string): boolean {
		return slugTaken(this.sql, slug);
	}

	/** The source list with health as this object holds it (authoritative; KV's copy can lag by up to 60 s). */
	readSources(): SourcesRecord {
		migrateRefreshTables(this.sql);
		return loadSources(this.sql);
	}

	/** Replaces the source list (`PUT /api/sources`), keeping the health of sources whose URL is unchanged. */
	putSources(configs: SourceConfig[], now: string): Promise<{ record: SourcesRecord; kvWrites: number }> {
		return this.serialized(async () => {
			migrateRefreshTables(this.sql);
			const record = replaceSources(loadSources(this.sql), configs, new Date(now));
			return { record, kvWrites: await storeSources({ sql: this.sql, kv: this.env.NEWS }, record) };
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
				releaseLeases(this.sql, commit.runId);
			}
		});
	}

	private runStore(): RunStore {
		return {
			sql: this.sql,
			kv: this.env.NEWS,
			lookups: { byItemKey: (key) => this.rowByItemKey(key), slugTaken: (slug) => this.isSlugTaken(slug) },
			apply: (changes) => this.apply(changes),
		};
	}
}
