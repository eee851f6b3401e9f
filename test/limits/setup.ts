/**
 * @module Setup file under strict limits: the `env.NEWS` tests import from `cloudflare:workers`
 * becomes the strict binding too, so a test's own writes share the per-key write clock; and a
 * failed test lists what the harness refused during it, naming the rule and the key.
 */
import { env } from "cloudflare:workers";
import { beforeEach } from "vitest";
import { strictKv } from "./kv";
import { takeRejections } from "./rejections";

const bindings = env as unknown as Record<string, unknown>;
bindings.NEWS = strictKv(env.NEWS);

beforeEach((context) => {
	takeRejections();
	context.onTestFailed(() => {
		const refused = takeRejections();
		if (refused.length > 0)
			console.warn(JSON.stringify({ event: "strict_limits.refused", test: context.task.name, refused }));
	});
});
