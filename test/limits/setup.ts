/**
 * @module Setup file under strict limits: the `env.NEWS` tests import from `cloudflare:workers`
 * becomes the strict binding too, so a test's own writes share the per-key write clock; and a
 * failed test lists what the harness refused during it, naming the rule and the key. Before each
 * test a second passes for KV's write rate and the StoreWriter's pending alarms run (settle.ts), so
 * a test starts where production would be a moment after the last one: its writes landed.
 */
import { env } from "cloudflare:workers";
import { beforeEach } from "vitest";
import { strictKv } from "./kv";
import { takeRejections } from "./rejections";
import { settleStore } from "./settle";

const bindings = env as unknown as Record<string, unknown>;
bindings.NEWS = strictKv(env.NEWS);

beforeEach(async (context) => {
	await settleStore();
	takeRejections();
	context.onTestFailed(() => {
		const refused = takeRejections();
		if (refused.length > 0)
			console.warn(JSON.stringify({ event: "strict_limits.refused", test: context.task.name, refused }));
	});
});
