/**
 * @module Fault-injection helpers: KV write failures by step, the whole stored state to compare
 * before and after, and the clean error every failed request must give.
 */
import { createExecutionContext, runInDurableObject, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { expect } from "vitest";
import { app } from "../../functions/index";
import { forgetHeadlines } from "../../src/kv/headlines";
import type { HeadlinesIndex } from "../../src/schemas/article";
import type { StoreWriter } from "../../src/store/writer";
import { ORIGIN } from "../helpers";
import { kvSnapshot } from "../refresh-helpers";
import { type Fault, instrumentKv } from "./instrumented-kv";

/** Fails the `k`th KV write (put or delete), and with `persistent` every write after it too. */
export function failWrite(k: number, persistent = false): Fault {
	let writes = 0;
	return (call) => {
		if (call.op !== "put" && call.op !== "delete") return undefined;
		writes++;
		if (writes === k || (persistent && writes > k)) return { error: new Error(`injected: KV ${call.op} ${call.key}`) };
		return undefined;
	};
}

/**
 * Everything a reader or the next writer could see: every KV record (parsed, since a restored
 * record may list its fields in another order), and the StoreWriter's own index.
 */
export async function storedState(): Promise<{ kv: Map<string, unknown>; table: HeadlinesIndex["headlines"] }> {
	const namespace = env.WRITER as unknown as DurableObjectNamespace<StoreWriter>;
	const stub = namespace.get(namespace.idFromName("main"));
	const table = await runInDurableObject(stub, (writer: StoreWriter) => writer.readIndex().headlines);
	const kv = new Map<string, unknown>();
	for (const [key, value] of await kvSnapshot()) kv.set(key, JSON.parse(value));
	return { kv, table };
}

export async function expectCleanError(response: Response): Promise<void> {
	expect(response.status).toBe(500);
	expect(response.headers.get("content-type")).toMatch(/^application\/json/);
	expect(await response.json()).toEqual({ error: "internal error" });
}

/** A GET through the app with `NEWS` faulted; a fresh bindings object, so nothing is warm in memory. */
export async function getWith(fault: Fault, path: string): Promise<Response> {
	// Nothing cached in memory or in the data-center tier may mask the fault: every read reaches KV.
	forgetHeadlines();
	const ctx = createExecutionContext();
	const response = await app.fetch(
		new Request(`${ORIGIN}${path}`),
		{ ...env, NEWS: instrumentKv(env.NEWS, fault).kv },
		ctx,
	);
	await waitOnExecutionContext(ctx);
	return response;
}
