/**
 * @module Test helper: a KV binding that records every operation and can fail it or hand back a
 * corrupt value on demand. Pass it where the code takes `env.NEWS`: `app.fetch(request,
 * { ...env, NEWS: kv }, ctx)` for the Worker, or swapped into the StoreWriter with
 * `withStoreKv()` for the Durable Object's writes.
 */
import { runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import type { StoreWriter } from "../../src/store/writer";

export type KvOp = "get" | "getWithMetadata" | "put" | "delete" | "list";
export type KvCall = { op: KvOp; key: string };

/** What to do to the `n`th call (1-based): throw, or (reads only) answer with this text. */
export type Fault = (call: KvCall, n: number) => { error: Error } | { value: string } | undefined;

export type InstrumentedKv = {
	kv: KVNamespace;
	calls: KvCall[];
	count: (...ops: KvOp[]) => number;
	reads: () => number;
	writes: () => number;
	reset: () => void;
};

const OPS: ReadonlySet<string> = new Set(["get", "getWithMetadata", "put", "delete", "list"]);

function keyOf(op: KvOp, first: unknown): string {
	if (op === "list") return `list:${(first as { prefix?: string } | undefined)?.prefix ?? ""}`;
	return Array.isArray(first) ? first.join(",") : String(first);
}

/** `type` argument of get/getWithMetadata, as KV reads it: a string or `{ type }`. */
function readType(arg: unknown): string {
	if (typeof arg === "string") return arg;
	return (arg as { type?: string } | undefined)?.type ?? "text";
}

function corruptAs(text: string, type: string): unknown {
	if (type === "json") return JSON.parse(text);
	if (type === "arrayBuffer") return new TextEncoder().encode(text).buffer;
	if (type === "stream") return new Response(text).body;
	return text;
}

export function instrumentKv(inner: KVNamespace, fault?: Fault): InstrumentedKv {
	const calls: KvCall[] = [];
	const kv = new Proxy(inner, {
		get(target, prop) {
			const value = Reflect.get(target, prop, target);
			if (typeof value !== "function") return value;
			if (typeof prop !== "string" || !OPS.has(prop)) return value.bind(target);
			const op = prop as KvOp;
			return async (...args: unknown[]) => {
				const call = { op, key: keyOf(op, args[0]) };
				calls.push(call);
				const injected = fault?.(call, calls.length);
				if (injected && "error" in injected) throw injected.error;
				if (injected && "value" in injected && (op === "get" || op === "getWithMetadata")) {
					const corrupt = corruptAs(injected.value, readType(args[1]));
					return op === "get" ? corrupt : { value: corrupt, metadata: null, cacheStatus: null };
				}
				return value.apply(target, args);
			};
		},
	});
	const count = (...ops: KvOp[]) => calls.filter((c) => ops.includes(c.op)).length;
	return {
		kv,
		calls,
		count,
		reads: () => count("get", "getWithMetadata"),
		writes: () => count("put", "delete"),
		reset: () => {
			calls.length = 0;
		},
	};
}

function writerStub(): DurableObjectStub<StoreWriter> {
	const namespace = env.WRITER as unknown as DurableObjectNamespace<StoreWriter>;
	return namespace.get(namespace.idFromName("main"));
}

/** Runs `body` with the StoreWriter's `env.NEWS` replaced by `kv`, restoring the real binding after. */
export async function withStoreKv<T>(kv: KVNamespace, body: () => Promise<T>): Promise<T> {
	const stub = writerStub();
	await runInDurableObject(stub, (instance: StoreWriter) => {
		const self = instance as unknown as { env: Record<string, unknown> };
		self.env = { ...self.env, NEWS: kv };
	});
	try {
		return await body();
	} finally {
		await runInDurableObject(stub, (instance: StoreWriter) => {
			const self = instance as unknown as { env: Record<string, unknown> };
			self.env = { ...self.env, NEWS: env.NEWS };
		});
	}
}
