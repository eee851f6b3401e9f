// The tombstone routes: admin only, the id validated, exact bodies. What a tombstone does to the
// refresh is in test/production/takedowns.test.ts.

import * as v from "valibot";
import { describe, expect, it } from "vitest";
import { TombstoneList } from "../src/schemas/tombstone";
import { adminHeaders, putArticle, request } from "../test/helpers";

describe("tombstone routes", () => {
	it.each([
		["GET", "/api/tombstones"],
		["DELETE", "/api/tombstones/1"],
	])("Should answer 401 to %s %s without the admin token", async (method, path) => {
		const response = await request(path, { method });
		expect(response.status).toBe(401);
		expect(response.headers.get("www-authenticate")).toBe('Bearer realm="edgewire admin"');
		expect(await response.json()).toEqual({ error: "missing or invalid bearer token" });
	});

	it("Should list no tombstone for an editor's own article deleted", async () => {
		expect((await putArticle("own-story")).status).toBe(201);
		expect((await request("/api/articles/own-story", { method: "DELETE", headers: adminHeaders() })).status).toBe(204);
		const response = await request("/api/tombstones", { headers: adminHeaders() });
		expect(response.status).toBe(200);
		const body = await response.json();
		expect(v.is(TombstoneList, body)).toBe(true);
		expect(body).toEqual({ tombstones: [] });
	});

	it.each(["0", "-1", "1.5", "abc", "99999999999999999"])("Should answer 400 to the tombstone id %j", async (id) => {
		const response = await request(`/api/tombstones/${id}`, { method: "DELETE", headers: adminHeaders() });
		expect(response.status).toBe(400);
		expect(await response.json()).toEqual({
			error: "invalid tombstone id",
			issues: [{ path: "id", message: "must be a tombstone id: a whole number from 1" }],
		});
	});

	it("Should answer 404 with a JSON error to an id no tombstone has", async () => {
		const response = await request("/api/tombstones/4242", { method: "DELETE", headers: adminHeaders() });
		expect(response.status).toBe(404);
		expect(response.headers.get("content-type")).toMatch(/^application\/json/);
		expect(await response.json()).toEqual({ error: "no tombstone 4242" });
	});
});
