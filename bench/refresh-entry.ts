/**
 * @module Bench-only Worker entry: the real app and StoreWriter with the `NEWS` binding counted,
 * plus two routes the refresh bench reads. Never deployed: `bench/refresh.ts` builds it with
 * `wrangler deploy bench/refresh-entry.ts --dry-run`, the same build as the real entry.
 */
import worker, { StoreWriter as RealStoreWriter } from "../functions/index";
import type { Bindings } from "../src/env";
import { parseFeed } from "../src/feeds/index";

export type KvCounts = { reads: number; writes: number; lists: number };

/** Names this isolate (lazily: no random values at global scope); the StoreWriter may share it or have its own. */
let isolate: string | undefined;
const isolateId = () => {
	isolate ??= crypto.randomUUID();
	return isolate;
};
const counts: KvCounts = { reads: 0, writes: 0, lists: 0 };

const KIND: Record<string, keyof KvCounts> = {
	get: "reads",
	getWithMetadata: "reads",
	put: "writes",
	delete: "writes",
	list: "lists",
};

function counted(kv: KVNamespace): KVNamespace {
	return new Proxy(kv, {
		get(target, prop) {
			const value = Reflect.get(target, prop, target);
			if (typeof value !== "function") return value;
			const kind = typeof prop === "string" ? KIND[prop] : undefined;
			if (!kind) return value.bind(target);
			return (...args: unknown[]) => {
				counts[kind]++;
				return value.apply(target, args);
			};
		},
	});
}

let wrapped: { from: Bindings; env: Bindings } | undefined;

/** One wrapped env per real one, so the app's per-env caches behave as in production. */
function countedEnv(env: Bindings): Bindings {
	if (wrapped?.from !== env) wrapped = { from: env, env: { ...env, NEWS: counted(env.NEWS) } };
	return wrapped.env;
}

export class StoreWriter extends RealStoreWriter {
	constructor(ctx: DurableObjectState, env: Bindings) {
		super(ctx, { ...env, NEWS: counted(env.NEWS) });
	}

	benchKvCounts(reset: boolean): { isolate: string; counts: KvCounts } {
		const snapshot = { isolate: isolateId(), counts: { ...counts } };
		if (reset) Object.assign(counts, { reads: 0, writes: 0, lists: 0 });
		return snapshot;
	}
}

function writer(env: Bindings): DurableObjectStub<StoreWriter> {
	const namespace = env.WRITER as unknown as DurableObjectNamespace<StoreWriter>;
	return namespace.get(namespace.idFromName("main"));
}

export default {
	async fetch(request: Request, env: Bindings, ctx: ExecutionContext): Promise<Response> {
		const url = new URL(request.url);
		// KV operations since the last reset, Worker and StoreWriter together (counted once if they share an isolate).
		if (url.pathname === "/__bench/kv") {
			const reset = url.searchParams.has("reset");
			const mine = { ...counts };
			if (reset) Object.assign(counts, { reads: 0, writes: 0, lists: 0 });
			const store = await writer(env).benchKvCounts(reset);
			const total =
				store.isolate === isolateId()
					? mine
					: {
							reads: mine.reads + store.counts.reads,
							writes: mine.writes + store.counts.writes,
							lists: mine.lists + store.counts.lists,
						};
			return Response.json(total);
		}
		// Parses one feed `times` times, so the harness can read the CPU it took from /proc.
		if (url.pathname === "/__bench/parse") {
			const source = url.searchParams.get("url") ?? "";
			const times = Number(url.searchParams.get("times") ?? "1");
			const upstream = await fetch(source);
			const body = new Uint8Array(await upstream.arrayBuffer());
			const contentType = upstream.headers.get("content-type");
			let items = 0;
			for (let i = 0; i < times; i++) {
				const result = parseFeed({ body, url: source, contentType, now: new Date(), maxItems: 1000 });
				items = result.ok ? result.value.items.length : -1;
			}
			return Response.json({ bytes: body.byteLength, items });
		}
		return worker.fetch(request, countedEnv(env), ctx);
	},
	scheduled: worker.scheduled,
} satisfies ExportedHandler<Bindings>;
