/**
 * @module Bench-only Worker entry for `npm run bench:scale`: the real app and StoreWriter, plus a
 * bulk-import route so 100,000 articles can be seeded in minutes. The import goes through the
 * StoreWriter's own change-set path (`applyChanges`, the one a refresh commit of many items uses),
 * so KV and SQLite end up holding exactly what publishing them one by one would write. Never deployed.
 */
import * as v from "valibot";
import worker, { StoreWriter as RealStoreWriter } from "../functions/index";
import type { Bindings } from "../src/env";
import { composeArticle } from "../src/publishing/compose-article";
import { ArticleInput } from "../src/schemas/article-input";
import { dirtyKeys } from "../src/store/derived-keys";
import { indexDirty } from "../src/store/index-writes";
import { storeWriter } from "../src/store/stub";

const ImportBody = v.array(v.object({ slug: v.string(), input: ArticleInput }));
const Count = (max: number) => v.pipe(v.string(), v.regex(/^\d+$/), v.transform(Number), v.maxValue(max));
/** The StoreWriter's own search, without the route, its rendering or the result cache. */
const StoreSearchQuery = v.object({ q: v.pipe(v.string(), v.minLength(1)), limit: Count(50), offset: Count(500) });

export class StoreWriter extends RealStoreWriter {
	/** Stores `articles` as one change set. */
	async benchImport(articles: v.InferOutput<typeof ImportBody>): Promise<number> {
		const put = articles.map(({ slug, input }) => ({
			slug,
			article: composeArticle(slug, input),
			sourceId: null,
			itemKey: null,
			expiresAt: null,
		}));
		await this.serialized(() => this.editorApply({ put, remove: [] }));
		return put.length;
	}

	/**
	 * What the alarm still has to write: its time, the dirty derived keys, a trailing index write.
	 * Serialized, so it answers after any alarm already running: the bench measures a settled store.
	 */
	benchPending(): Promise<{ alarmAt: number | null; dirtyKeys: number; indexDirty: boolean }> {
		return this.serialized(async () => ({
			alarmAt: await this.ctx.storage.getAlarm(),
			dirtyKeys: dirtyKeys(this.ctx.storage.sql).length,
			indexDirty: indexDirty(this.ctx.storage.sql),
		}));
	}

	/** The SQLite database's size in bytes. */
	benchStorageBytes(): number {
		return this.ctx.storage.sql.databaseSize;
	}
}

/** The one StoreWriter (src/store/stub.ts), typed as this entry's subclass. */
function writer(env: Bindings): DurableObjectStub<StoreWriter> {
	return storeWriter(env) as unknown as DurableObjectStub<StoreWriter>;
}

export default {
	async fetch(request: Request, env: Bindings, ctx: ExecutionContext): Promise<Response> {
		const url = new URL(request.url);
		if (url.pathname === "/__bench/import" && request.method === "POST") {
			const body = v.parse(ImportBody, await request.json());
			return Response.json({ imported: await writer(env).benchImport(body) });
		}
		if (url.pathname === "/__bench/pending") {
			return Response.json(await writer(env).benchPending());
		}
		if (url.pathname === "/__bench/search") {
			const { q, limit, offset } = v.parse(StoreSearchQuery, Object.fromEntries(url.searchParams));
			const page = await writer(env).search(q, limit, offset, Date.now());
			return Response.json({ hits: page.hits.length });
		}
		if (url.pathname === "/__bench/storage") {
			return Response.json({ bytes: await writer(env).benchStorageBytes() });
		}
		return worker.fetch(request, env, ctx);
	},
	scheduled: worker.scheduled,
} satisfies ExportedHandler<Bindings>;
