/**
 * @module The harness's clock for KV's one write per key per second: real time plus every wait the
 * strict StoreWriter skipped. The StoreWriter paces its KV writes on this clock (its `pause` moves
 * the clock on instead of sleeping), and strictKv judges the write rate on it, so a paced write is
 * held to the rule exactly as in production while the suite never sleeps. Expirations are still
 * judged on the real clock, as KV judges them.
 */
import type { PacingClock } from "../../src/store/kv-pacing";

let aheadMs = 0;

/** Time on the write clock, in ms since the epoch. */
export function writeClockNow(): number {
	return Date.now() + aheadMs;
}

/** Moves the write clock on by `ms`, as if that long had passed for KV's write rate. */
export function letTimePass(ms: number): void {
	aheadMs += ms;
}

export const testPacingClock: PacingClock = {
	now: writeClockNow,
	pause: async (ms) => {
		letTimePass(ms);
	},
};
