/**
 * @module Setup file under strict limits: the `env.NEWS` tests import from `cloudflare:workers`
 * becomes the strict binding too, so a test's own writes share the per-key write clock.
 */
import { env } from "cloudflare:workers";
import { strictKv } from "./kv";

const bindings = env as unknown as Record<string, unknown>;
bindings.NEWS = strictKv(env.NEWS);
