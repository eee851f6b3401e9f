// The flash cookie stays within what a browser keeps (4096 bytes), however its lines are written.
import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import type { AppEnv } from "../../src/env";
import type { DeskFlash } from "../../src/views/desk/sources/source-list";
import { setFlash, takeFlash } from "./flash-cookie";

async function setCookieOf(flash: DeskFlash): Promise<string> {
	const app = new Hono<AppEnv>().get("/admin/x", (c) => {
		setFlash(c, flash);
		return c.text("ok");
	});
	const response = await app.request("https://edgewire.test/admin/x");
	return response.headers.get("set-cookie") ?? "";
}

async function roundTrip(cookie: string): Promise<DeskFlash | undefined> {
	let read: DeskFlash | undefined;
	const app = new Hono<AppEnv>().get("/admin/y", (c) => {
		read = takeFlash(c);
		return c.text("ok");
	});
	await app.request("https://edgewire.test/admin/y", { headers: { cookie: cookie.split(";")[0] ?? "" } });
	return read;
}

describe("the flash cookie", () => {
	for (const [label, line] of [
		["plain", "Harbour Gazette: 3 new stories, 1 updated, 2 held for review."],
		["non-ASCII", "Ποταμός Ειδήσεις: 3 νέα άρθρα, 1 ενημερωμένο, 2 σε αναμονή."],
	] as const) {
		it(`Should stay under 4096 bytes and read back, with a note, for many ${label} lines`, async () => {
			const lines = Array.from({ length: 200 }, (_, i) => `${i} ${line}`);
			const header = await setCookieOf({ kind: "ok", lines });
			expect(new TextEncoder().encode(header).length).toBeLessThanOrEqual(4096);
			const read = await roundTrip(header);
			expect(read?.lines.length).toBeGreaterThan(1);
			expect(read?.lines.at(-1)).toContain("and more");
			expect(read?.lines.slice(0, -1)).toEqual(lines.slice(0, (read?.lines.length ?? 1) - 1));
		});
	}

	it("Should keep a short message whole", async () => {
		const read = await roundTrip(await setCookieOf({ kind: "error", lines: ["Saved."] }));
		expect(read).toEqual({ kind: "error", lines: ["Saved."] });
	});
});
