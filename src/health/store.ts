/**
 * @module The health check's StoreWriter question: are KV records that a failed rollback left
 * behind still waiting for repair? One Durable Object call, which reads its SQLite and writes nothing.
 */
import type * as v from "valibot";
import type { Bindings } from "../env";
import type { StoreHealthCheck } from "../schemas/responses";
import { storeWriter } from "../store/stub";

export type StoreCheck = v.InferOutput<typeof StoreHealthCheck>;

/** Past this, the StoreWriter counts as not answering. */
export const STORE_TIMEOUT_MS = 2_000;

/** Undefined when nothing is pending; otherwise what is, or why the StoreWriter did not say. */
export async function checkStore(env: Bindings, timeoutMs = STORE_TIMEOUT_MS): Promise<StoreCheck | undefined> {
	let timer: ReturnType<typeof setTimeout> | undefined;
	const timeout = new Promise<never>((_, reject) => {
		timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
	});
	try {
		const health = await Promise.race([storeWriter(env).health(), timeout]);
		if (health.pendingRepairs === 0) return undefined;
		console.error(JSON.stringify({ event: "health.repairs_pending", ...health }));
		return { status: "error", ...health };
	} catch (error) {
		console.error(JSON.stringify({ event: "health.store_failed", error: String(error) }));
		return { status: "error", error: String(error) };
	} finally {
		clearTimeout(timer);
	}
}
