/**
 * @module The strict-limits harness: Workers KV and Durable Object SQLite held to production's
 * rules, which Miniflare's emulation does not (all) enforce. A test that passes only because the
 * emulator is lenient is a bug; under this harness (the suite's default) it fails as production would.
 *
 * The rules (values and wording in rules.ts; sources are Cloudflare's docs):
 * - KV, 1 write per second per key (kv/platform/limits, "Writes to same key"; kv/api/
 *   write-key-value-pairs, "Limits to KV writes to the same key"). A put or delete of a key written
 *   under 1000 ms ago throws `KV PUT failed: 429 Too Many Requests` (or `KV DELETE failed: …`) and
 *   leaves the stored value alone. The clock is one map for the whole isolate, shared by every
 *   strict binding (the Worker's, the StoreWriter's, the tests' own), because the limit is per key
 *   whoever writes. Miniflare: not enforced.
 * - KV keys up to 512 bytes of UTF-8 (kv/platform/limits, "Key size"), on put, get,
 *   getWithMetadata, delete and a list prefix: `KV <OP> failed: 414 UTF-8 encoded length of N
 *   exceeds key length limit of 512.` Miniflare enforces it too; here it is checked first.
 * - KV values up to 25 MiB ("Value size"): `KV PUT failed: 413 Value length of N exceeds limit …`.
 * - KV expiration at least 60 s ahead, `expiration` or `expirationTtl` (kv/api/write-key-value-
 *   pairs, "Expiring keys"): `KV PUT failed: 400 Invalid expiration of N. Expiration times must be
 *   at least 60 seconds in the future.` Checked on the test's clock (`Date.now()`, which vitest's
 *   fake timers move), where Miniflare checks its own.
 * - Durable Object SQLite, 2 MB per string, BLOB or row (durable-objects/platform/limits). A bound
 *   string or BLOB over 2,000,000 bytes, or an INSERT/UPDATE whose bound values together pass it
 *   (the row, estimated), throws `string or blob too big: SQLITE_TOOBIG`. Local workerd: not
 *   enforced. Statements over 100 KB and more than 100 bound parameters throw too (local workerd
 *   already refuses those).
 *
 * Wiring: strict-entry.ts is the Worker entry with these bindings (the plugin's `main` in
 * vitest.config.ts), and setup.ts makes the `env.NEWS` tests import strict as well. The write rate
 * is judged on a write clock (clock.ts) that the strict StoreWriter's pauses move on, and setup.ts
 * lets a second pass and runs pending StoreWriter alarms before each test (settle.ts). The
 * errors name no key, as production's don't; a failed test logs `strict_limits.refused` with the
 * rule, key and calling line of each refusal (rejections.ts).
 */
export { letTimePass, testPacingClock, writeClockNow } from "./clock";
export { strictEnv, strictState } from "./durable-object";
export { forgetKvWrites, isStrictKv, rawKv, type StrictKvOptions, strictKv } from "./kv";
export { type Rejection, takeRejections } from "./rejections";
export { KV_LIMITS, SQL_LIMITS } from "./rules";
export { settleStore } from "./settle";
export { checkStatement, isStrictSql, strictSql } from "./sql";
