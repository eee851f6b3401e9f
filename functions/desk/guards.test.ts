// Each desk page runs its guard once a request: a second run is a second session look-up in the StoreWriter.
import { env } from "cloudflare:workers";
import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import type { AppEnv } from "../../src/env";
import { signedIn } from "../../test/desk-session";
import { deskPageRoutes } from "../desk-pages";
import { requestClock } from "../middleware/request-clock";
import { signInRoutes } from "../sign-in";

const app = new Hono<AppEnv>().use(requestClock).route("/", deskPageRoutes).route("/", signInRoutes);

/** The Worker's bindings with the StoreWriter's methods counted by name. */
function countingEnv() {
	const calls: string[] = [];
	const namespace = env.WRITER as unknown as DurableObjectNamespace;
	const WRITER = {
		idFromName: (name: string) => namespace.idFromName(name),
		get: (id: DurableObjectId) => {
			const stub = namespace.get(id);
			return new Proxy(stub, {
				get(target, key) {
					const value = Reflect.get(target, key);
					if (typeof key !== "string" || typeof value !== "function") return value;
					return (...args: unknown[]) => {
						calls.push(key);
						return Reflect.apply(value, target, args);
					};
				},
			});
		},
	};
	return { env: { ...env, WRITER }, calls };
}

const PAGES = [
	"/admin",
	"/admin/articles/new",
	"/admin/staff",
	"/admin/tokens",
	"/admin/review",
	"/admin/sources",
	"/admin/sources/new",
	"/admin/audit",
	"/admin/passkeys",
];

describe("the desk pages' guard", () => {
	for (const path of PAGES) {
		it(`Should look the session up once for GET ${path}`, async () => {
			const admin = await signedIn("admin");
			const counted = countingEnv();
			const response = await app.request(path, { headers: { cookie: admin.cookie } }, counted.env);
			expect(response.status).toBe(200);
			expect(counted.calls.filter((name) => name === "liveSession")).toHaveLength(1);
		});
	}
});
