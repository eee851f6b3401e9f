// The newsroom's static files and the desk CSP, through the real Worker.
import { describe, expect, it } from "vitest";
import { assetUrl } from "../../src/desk/assets/table";
import { DESK_CSP } from "../../src/views/desk/csp";
import { request } from "../../test/helpers";

describe("GET /admin/assets/:name", () => {
	it("Should serve the stylesheet as CSS, immutable for a year at its fingerprinted URL", async () => {
		const response = await request(assetUrl("desk.css"));
		expect(response.status).toBe(200);
		expect(response.headers.get("content-type")).toBe("text/css; charset=utf-8");
		expect(response.headers.get("cache-control")).toContain("immutable");
		expect(await response.text()).toContain(".topbar");
	});

	it("Should serve @simplewebauthn/browser's UMD bundle as JavaScript, read from node_modules at build time", async () => {
		const response = await request(assetUrl("webauthn.js"));
		expect(response.status).toBe(200);
		expect(response.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
		expect(await response.text()).toContain("SimpleWebAuthnBrowser");
	});

	it("Should revalidate a URL without the current version and answer 304 to its ETag", async () => {
		const first = await request("/admin/assets/desk.css");
		expect(first.headers.get("cache-control")).toContain("must-revalidate");
		const etag = first.headers.get("etag") ?? "";
		const again = await request("/admin/assets/desk.css", { headers: { "if-none-match": etag } });
		expect(again.status).toBe(304);
	});

	it("Should answer 404 for a name not in the table, including inherited property names", async () => {
		for (const name of ["nope.js", "constructor", "__proto__"]) {
			expect((await request(`/admin/assets/${name}`)).status).toBe(404);
		}
	});

	it("Should carry the desk CSP (no inline code, nothing third-party) instead of the readers'", async () => {
		const response = await request(assetUrl("desk.css"));
		expect(response.headers.get("content-security-policy")).toBe(DESK_CSP);
		expect(DESK_CSP).not.toMatch(/unsafe-inline|sha256-|https:\/\//);
		const reader = await request("/");
		expect(reader.headers.get("content-security-policy")).not.toBe(DESK_CSP);
	});
});

describe("the desk's client scripts", () => {
	it("Should parse as scripts and hold no backtick (they live in template literals)", async () => {
		const { EDITOR_SCRIPT } = await import("../../src/desk/assets/editor-script");
		expect(() => new Function(EDITOR_SCRIPT)).not.toThrow();
		expect(EDITOR_SCRIPT).not.toContain("`");
	});
});
