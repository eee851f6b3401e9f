/**
 * @module strictState and strictEnv: what the strict StoreWriter is built with. The state is the
 * real one except that `storage.sql` is strict; the env is the real one except that `NEWS` is.
 */
import type { Bindings } from "../../src/env";
import { strictKv } from "./kv";
import { isStrictSql, strictSql } from "./sql";

/**
 * The real state with `storage.sql` made strict in place. A Proxy would be cleaner, but workerd's
 * `DurableObject` constructor type-checks its first argument ("parameter 1 is not of type
 * 'DurableObjectState'"), so the real object is kept and its `storage` gets an own `sql` property
 * that shadows the native getter. Everything else (`blockConcurrencyWhile`, `setAlarm`,
 * `transactionSync`, …) is untouched because it is the real object.
 */
export function strictState(ctx: DurableObjectState): DurableObjectState {
	const storage = ctx.storage;
	if (!isStrictSql(storage.sql))
		Object.defineProperty(storage, "sql", { value: strictSql(storage.sql), configurable: true, enumerable: true });
	return ctx;
}

const strictEnvs = new WeakMap<object, Bindings>();

/** The same env with `NEWS` strict; one wrapped env per real one, so identity-keyed caches still hit. */
export function strictEnv<E extends Pick<Bindings, "NEWS">>(env: E): E {
	const cached = strictEnvs.get(env);
	if (cached) return cached as unknown as E;
	const wrapped = { ...env, NEWS: strictKv(env.NEWS) };
	strictEnvs.set(env, wrapped as unknown as Bindings);
	return wrapped;
}
