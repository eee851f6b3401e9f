/**
 * @module strictKv: a KV binding that holds its callers to production's rules where Miniflare is
 * lenient: one write per key per second, and the key, value and expiration limits checked on
 * the test's own clock.
 */
import { writeClockNow } from "./clock";
import { recordRejection } from "./rejections";
import { KV_LIMITS, type KvOperation, kvErrors, utf8Bytes } from "./rules";

export type StrictKvOptions = {
	/**
	 * Milliseconds since the epoch, for the write rate and expirations alike; read at each call. By
	 * default the write rate is judged on the harness's write clock (clock.ts) and expirations on
	 * `Date.now()`, both of which vitest's fake timers move.
	 */
	now?: () => number;
	/** Which namespace the write clock files this binding's keys under (bindings to one namespace share it). */
	namespace?: string;
};

/**
 * When each key was last written, for the whole isolate: production's limit is per key whoever
 * writes, so the Worker, the StoreWriter and a test's own writes all share this clock.
 */
const lastWriteAt = new Map<string, number>();

/** Clears the write clock (for the harness's own tests; the suite keeps it, as production would). */
export function forgetKvWrites(): void {
	lastWriteAt.clear();
}

/** Each strict binding and the real one it wraps, so wrapping never stacks two write clocks. */
const realOf = new WeakMap<object, KVNamespace>();

export function isStrictKv(kv: KVNamespace): boolean {
	return realOf.has(kv);
}

/** The real binding behind a strict one (or the binding itself). */
export function rawKv(kv: KVNamespace): KVNamespace {
	return realOf.get(kv) ?? kv;
}

type PutOptions = { expiration?: number; expirationTtl?: number; metadata?: unknown } | undefined;

function checkKey(op: KvOperation, key: unknown): void {
	const keys = Array.isArray(key) ? key : [key];
	for (const one of keys) {
		if (typeof one !== "string") continue;
		const bytes = utf8Bytes(one);
		if (bytes > KV_LIMITS.maxKeyBytes)
			throw refuse({ rule: "kv.key_size", op, key: one.slice(0, 64) }, kvErrors.keyTooLong(op, bytes));
	}
}

/** Byte length of a value KV would store; a stream is left to Miniflare, which caps it while reading. */
function valueBytes(value: unknown): number | undefined {
	if (typeof value === "string") {
		// Every UTF-16 unit is 1 to 3 UTF-8 bytes: skip the encode when the answer is already certain.
		if (value.length * 3 <= KV_LIMITS.maxValueBytes) return value.length;
		if (value.length > KV_LIMITS.maxValueBytes) return value.length;
		return utf8Bytes(value);
	}
	if (value instanceof ArrayBuffer || ArrayBuffer.isView(value)) return value.byteLength;
	return undefined;
}

function refuse(rejection: Parameters<typeof recordRejection>[0], error: Error): Error {
	recordRejection(rejection);
	return error;
}

function checkPut(key: string, value: unknown, options: PutOptions, nowMs: number): void {
	const earliest = nowMs + KV_LIMITS.minExpirationSeconds * 1000;
	const ttl = options?.expirationTtl;
	if (ttl !== undefined && ttl < KV_LIMITS.minExpirationSeconds)
		throw refuse({ rule: "kv.expiration", op: "PUT", key, detail: `ttl ${ttl}` }, kvErrors.ttlTooShort(ttl));
	const expiration = options?.expiration;
	if (expiration !== undefined && expiration * 1000 < earliest) {
		const detail = `${Math.round(expiration - nowMs / 1000)} s ahead`;
		throw refuse({ rule: "kv.expiration", op: "PUT", key, detail }, kvErrors.expirationTooSoon(expiration));
	}
	const bytes = valueBytes(value) ?? 0;
	if (bytes > KV_LIMITS.maxValueBytes)
		throw refuse({ rule: "kv.value_size", op: "PUT", key, detail: `${bytes} bytes` }, kvErrors.valueTooLarge(bytes));
}

/**
 * Takes the key's write slot, or throws production's 429 when it was written under a second ago.
 * Synchronous, so two concurrent writes cannot both pass; the returned function gives the slot
 * back when the write then fails.
 */
function claimWriteSlot(op: KvOperation, key: string, clockKey: string, nowMs: number): () => void {
	const previous = lastWriteAt.get(clockKey);
	if (previous !== undefined && nowMs - previous < KV_LIMITS.writeIntervalMs) {
		const detail = `written ${nowMs - previous} ms before`;
		throw refuse({ rule: "kv.write_rate", op, key, detail }, kvErrors.tooManyRequests(op));
	}
	lastWriteAt.set(clockKey, nowMs);
	return () => {
		if (lastWriteAt.get(clockKey) !== nowMs) return;
		if (previous === undefined) lastWriteAt.delete(clockKey);
		else lastWriteAt.set(clockKey, previous);
	};
}

async function written<T>(release: () => void, write: () => Promise<T>): Promise<T> {
	try {
		return await write();
	} catch (error) {
		release();
		throw error;
	}
}

/**
 * Wraps `binding`. An already strict binding is returned as is, unless options are given: then its
 * real binding is wrapped afresh (one layer, the same shared write clock).
 */
export function strictKv(binding: KVNamespace, options?: StrictKvOptions): KVNamespace {
	if (isStrictKv(binding) && options === undefined) return binding;
	const kv = rawKv(binding);
	const now = options?.now ?? (() => Date.now());
	const rateNow = options?.now ?? writeClockNow;
	const namespace = options?.namespace ?? "NEWS";
	const clockKey = (key: string) => `${namespace}\u0000${key}`;

	const overrides: Record<string, (...args: any[]) => Promise<unknown>> = {
		async put(key: string, value: unknown, putOptions?: PutOptions) {
			checkKey("PUT", key);
			checkPut(key, value, putOptions, now());
			const release = claimWriteSlot("PUT", key, clockKey(key), rateNow());
			return written(release, () => kv.put(key, value as string, putOptions as KVNamespacePutOptions));
		},
		async delete(key: string) {
			checkKey("DELETE", key);
			const release = claimWriteSlot("DELETE", key, clockKey(key), rateNow());
			return written(release, () => kv.delete(key));
		},
		async get(key: string | string[], ...rest: unknown[]) {
			checkKey("GET", key);
			return (kv.get as (...args: unknown[]) => Promise<unknown>)(key, ...rest);
		},
		async getWithMetadata(key: string | string[], ...rest: unknown[]) {
			checkKey("GET", key);
			return (kv.getWithMetadata as (...args: unknown[]) => Promise<unknown>)(key, ...rest);
		},
		async list(listOptions?: KVNamespaceListOptions) {
			if (listOptions?.prefix) checkKey("LIST", listOptions.prefix);
			return kv.list(listOptions);
		},
	};

	const strict = new Proxy(kv, {
		get(target, prop) {
			if (typeof prop === "string" && Object.hasOwn(overrides, prop)) return overrides[prop];
			const value = Reflect.get(target, prop, target);
			return typeof value === "function" ? value.bind(target) : value;
		},
	});
	realOf.set(strict, kv);
	return strict;
}
