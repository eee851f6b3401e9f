/**
 * @module The health check's KV round trip: one read of the key every page depends on.
 *
 * A read, not a write: the free plan allows 1,000 KV writes a day, and a monitor polling once
 * a minute would spend 1,440 of them. The read goes to the real store through the real
 * binding, bypassing the isolate's memory copy, and is streamed and dropped unread.
 */
import { keys } from "../kv/keys";

export type KvHealth = { status: "ok" | "error"; latencyMs: number; error?: string };

/** Past this, KV counts as down: every page would be waiting as long. */
export const KV_TIMEOUT_MS = 2_000;

export async function checkKv(kv: KVNamespace, timeoutMs = KV_TIMEOUT_MS): Promise<KvHealth> {
	const started = Date.now();
	let timer: ReturnType<typeof setTimeout> | undefined;
	const timeout = new Promise<never>((_, reject) => {
		timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
	});
	try {
		const body = await Promise.race([kv.get(keys.headlines, "stream"), timeout]);
		await body?.cancel();
		return { status: "ok", latencyMs: Date.now() - started };
	} catch (error) {
		console.error(JSON.stringify({ event: "health.kv_failed", error: String(error) }));
		return { status: "error", latencyMs: Date.now() - started, error: String(error) };
	} finally {
		clearTimeout(timer);
	}
}
