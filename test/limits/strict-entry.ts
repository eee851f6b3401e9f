/**
 * @module The Worker entry under strict limits (test-only): the app's real handlers and
 * StoreWriter, built with a `NEWS` binding and a SQLite handle that enforce production's rules.
 * vitest.strict.config.ts points the plugin's `main` here instead of functions/index.ts.
 */
import worker, { StoreWriter as RealStoreWriter } from "../../functions/index";
import type { Bindings } from "../../src/env";
import { strictEnv, strictState } from "./durable-object";

export class StoreWriter extends RealStoreWriter {
	constructor(ctx: DurableObjectState, env: Bindings) {
		super(strictState(ctx), strictEnv(env));
	}
}

export default {
	fetch: (request, env, ctx) => worker.fetch(request, strictEnv(env), ctx),
	scheduled: (controller, env, ctx) => worker.scheduled(controller, strictEnv(env), ctx),
} satisfies ExportedHandler<Bindings>;
