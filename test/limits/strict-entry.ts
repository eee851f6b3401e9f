/**
 * @module The Worker entry under strict limits (test-only): the app's real handlers and
 * StoreWriter, built with a `NEWS` binding and a SQLite handle that enforce production's rules.
 * vitest.config.ts points the plugin's `main` here instead of functions/index.ts.
 *
 * The StoreWriter paces its KV writes on the harness's write clock, which a pause moves on instead
 * of sleeping (clock.ts), and it notes each object that set an alarm, so `settleStore()` can run
 * the trailing writes between tests without waiting for them.
 */
import worker, { StoreWriter as RealStoreWriter } from "../../functions/index";
import type { Bindings } from "../../src/env";
import type { PacingClock } from "../../src/store/kv-pacing";
import { noteAlarmSet } from "./alarms";
import { testPacingClock } from "./clock";
import { strictEnv, strictState } from "./durable-object";

export class StoreWriter extends RealStoreWriter {
	constructor(ctx: DurableObjectState, env: Bindings) {
		super(strictState(ctx), strictEnv(env));
	}

	protected override pacingClock(): PacingClock {
		return testPacingClock;
	}

	protected override async wakeIn(ms: number): Promise<void> {
		await super.wakeIn(ms);
		noteAlarmSet(this.ctx.id.toString());
	}
}

export default {
	fetch: (request, env, ctx) => worker.fetch(request, strictEnv(env), ctx),
	scheduled: (controller, env, ctx) => worker.scheduled(controller, strictEnv(env), ctx),
} satisfies ExportedHandler<Bindings>;
