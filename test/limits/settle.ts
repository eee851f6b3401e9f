/**
 * @module settleStore: runs every StoreWriter alarm that is set (the trailing index write, repairs)
 * and then lets a second pass for KV's write rate, so the next reads see KV as it stands once the writes
 * before them have landed. Runs before each test (setup.ts); a test that reads KV straight after
 * its own writes calls it too, as a reader in production would wait a second.
 */
import { runDurableObjectAlarm } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { KV_WRITE_GAP_MS } from "../../src/store/kv-pacing";
import { takeAlarmed } from "./alarms";
import { letTimePass } from "./clock";

export async function settleStore(): Promise<void> {
	const namespace = env.WRITER as unknown as DurableObjectNamespace;
	// An alarm's writes wait for their keys on the write clock (moving it on), so they come first;
	// then a second passes after the last of them.
	for (const id of takeAlarmed()) await runDurableObjectAlarm(namespace.get(namespace.idFromString(id)));
	letTimePass(KV_WRITE_GAP_MS);
}
