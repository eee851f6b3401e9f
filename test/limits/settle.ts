/**
 * @module settleStore: runs every StoreWriter alarm that is set (the trailing index write, repairs,
 * derived values), letting a second pass for KV's write rate after each round until none is left, so
 * the next reads see KV as it stands once the writes before them have landed. Runs before each test (setup.ts); a test that reads KV straight after
 * its own writes calls it too, as a reader in production would wait a second.
 */
import { runDurableObjectAlarm } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { KV_WRITE_GAP_MS } from "../../src/store/kv-pacing";
import { takeAlarmed } from "./alarms";
import { letTimePass } from "./clock";

export async function settleStore(): Promise<void> {
	const namespace = env.WRITER as unknown as DurableObjectNamespace;
	// An alarm writes the keys that are free (moving the write clock on for short waits) and sets the
	// next alarm for the rest; so alarms run, then a second passes, until none asks for another.
	for (let round = 0; round < 10; round++) {
		const ids = takeAlarmed();
		for (const id of ids) await runDurableObjectAlarm(namespace.get(namespace.idFromString(id)));
		letTimePass(KV_WRITE_GAP_MS);
		if (ids.length === 0) return;
	}
}
