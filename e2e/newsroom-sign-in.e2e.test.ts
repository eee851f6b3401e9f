// Issue 12 in Chromium, people: the first admin made with the owner's ADMIN_TOKEN signs in by a one-time
// link, registers a passkey with Chrome's virtual authenticator, signs out and signs back in with it; the
// people pages (sign-in, link confirm, passkeys, staff, tokens, audit) are axe clean with no CSP or console errors.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, stopSite, visit } from "./harness";
import {
	addVirtualAuthenticator,
	createStaff,
	deskContext,
	expectCleanPage,
	type Newsroom,
	ownerApi,
	type StaffMember,
	signInLink,
	startNewsroom,
	visitClean,
} from "./newsroom";

let room: Newsroom;
let browser: Browser;
let admin: StaffMember;
let context: BrowserContext;
let page: Page;
/** The link Ada used, to try again once it is spent. */
let usedLink: string;

beforeAll(async () => {
	[room, browser] = await Promise.all([startNewsroom(), launchChromium()]);
});

afterAll(async () => {
	await browser?.close();
	await stopSite(room);
});

describe("signing in", () => {
	it("Should send someone without a session from /admin to the sign-in page, which is clean", async () => {
		context = await deskContext(browser);
		const visited = await visit(context, room.desk, "/admin");
		expect(new URL(visited.page.url()).pathname).toBe("/admin/sign-in");
		await expect.poll(() => visited.page.locator("h1").textContent()).toBe("Sign in to the newsroom");
		await expectCleanPage(visited, "sign-in");
		await visited.page.close();
	});

	it("Should let the owner create the first admin and a sign-in link that expires within 30 minutes", async () => {
		admin = await createStaff(room, "Ada Admin", "admin");
		expect(admin.role).toBe("admin");
		const link = await signInLink(room, admin.id);
		const lifetime = Date.parse(link.expiresAt) - Date.now();
		expect(lifetime).toBeGreaterThan(0);
		expect(lifetime).toBeLessThanOrEqual(30 * 60_000);
		usedLink = link.url;
	});

	it("Should sign in by the link only when its confirm button is pressed, and set a strict HttpOnly session cookie", async () => {
		const opened = await visit(context, "", usedLink);
		page = opened.page;
		expect(opened.status).toBe(200);
		// Opening the link (as a mail scanner would) signs no one in.
		expect((await context.cookies()).filter((c) => c.name.endsWith("edgewire_session"))).toEqual([]);
		await expectCleanPage(opened, "sign-in link confirm");
		await page.getByRole("button", { name: "Sign in" }).click();
		await page.waitForURL(/\/admin\/passkeys\?notice=welcome$/);
		const [cookie] = (await context.cookies()).filter((c) => c.name.endsWith("edgewire_session"));
		// Plain http here, so no __Host- prefix and no Secure flag; the rest is the same as on https.
		expect(cookie).toMatchObject({ name: "edgewire_session", httpOnly: true, sameSite: "Strict", path: "/" });
		await expect.poll(() => page.locator("h1").textContent()).toBe("Your passkeys");
		await expect.poll(() => page.locator(".who").textContent()).toContain("Ada Admin");
		await expectCleanPage(opened, "passkeys (welcome)");
	});

	it("Should refuse the same link a second time", async () => {
		const again = await visit(context, "", usedLink);
		expect(again.status).toBe(400);
		await again.page.close();
	});

	it("Should register a passkey through Chrome's virtual authenticator, sign out, and sign back in with it", async () => {
		const { cdp, authenticatorId } = await addVirtualAuthenticator(page);
		await page.getByLabel("Name for this passkey").fill("Test laptop");
		await page.getByRole("button", { name: "Register a passkey" }).click();
		await page.waitForURL(/\/admin\/passkeys\?/);
		await expect.poll(() => page.locator("table").textContent(), { timeout: 10_000 }).toContain("Test laptop");
		const { credentials } = await cdp.send("WebAuthn.getCredentials", { authenticatorId });
		expect(credentials).toHaveLength(1);
		expect(credentials[0]?.isResidentCredential).toBe(true);

		await page.getByRole("button", { name: "Sign out" }).click();
		await page.waitForURL(/\/admin\/sign-in\?signed-out/);
		await expect.poll(() => page.getByRole("status").first().textContent()).toContain("You are signed out.");
		// The session ended on the server: the desk asks for a sign-in again.
		await page.goto(`${room.desk}/admin`);
		expect(new URL(page.url()).pathname).toBe("/admin/sign-in");

		await page.getByRole("button", { name: "Sign in with a passkey" }).click();
		await page.waitForURL(`${room.desk}/admin`);
		await expect.poll(() => page.locator(".who").textContent()).toContain("Ada Admin");
		const after = await cdp.send("WebAuthn.getCredentials", { authenticatorId });
		expect(after.credentials[0]?.signCount).toBeGreaterThan(credentials[0]?.signCount ?? 0);
	});

	it("Should have recorded each step in the audit log, by whom and through which session", async () => {
		const response = await ownerApi(room, "GET", "/api/audit?limit=50");
		expect(response.status).toBe(200);
		const { entries } = (await response.json()) as {
			entries: { actor: { name: string }; via: { kind: string; id?: string }; method: string; path: string }[];
		};
		const mine = entries.filter((e) => e.actor.name === "Ada Admin").map((e) => `${e.method} ${e.path} ${e.via.kind}`);
		expect(mine).toEqual(
			expect.arrayContaining([
				"POST /admin/sign-in/link session",
				"POST /admin/passkeys/register/verify session",
				"POST /admin/sign-out session",
				"POST /admin/sign-in/passkey/verify session",
			]),
		);
		const owner = entries.filter((e) => e.via.kind === "owner").map((e) => `${e.method} ${e.path}`);
		expect(owner).toContain("POST /api/staff");
	});
});

describe("the people pages", () => {
	it.each([
		["passkeys", "/admin/passkeys"],
		["staff", "/admin/staff"],
		["tokens", "/admin/tokens"],
		["audit", "/admin/audit"],
	])("Should render %s for the admin with no axe findings, CSP violations or console errors", async (name, path) => {
		const visited = await visitClean(context, room, path, name);
		await expect.poll(() => visited.page.locator(".who").textContent()).toContain("Ada Admin");
		await visited.page.close();
	});

	it("Should list the sign-ins on the audit page", async () => {
		const visited = await visit(context, room.desk, "/admin/audit");
		await expect.poll(() => visited.page.locator("main").textContent()).toContain("/admin/sign-in/passkey/verify");
		await visited.page.close();
	});
});

describe("staff and tokens in the browser", () => {
	it("Should let the admin add a contributor, hand them a sign-in link, and end their sessions", async () => {
		const staff = await visit(context, room.desk, "/admin/staff");
		const { page: adminPage } = staff;
		await adminPage.getByLabel("Email").fill("zoe@edgewire.test");
		await adminPage.getByLabel("Display name").fill("Zoe Contributor");
		await adminPage.getByLabel("Role", { exact: true }).selectOption("contributor");
		await adminPage.getByRole("button", { name: "Add", exact: true }).click();
		await adminPage.waitForURL(/\/admin\/staff\?done=added$/);
		await adminPage.getByRole("button", { name: "Sign-in link for Zoe Contributor" }).click();
		const link = await adminPage.locator("#issued-link").inputValue();
		expect(link.startsWith(`${room.desk}/admin/sign-in/link?token=`)).toBe(true);
		await expectCleanPage(staff, "staff with an issued link");

		const zoe = await deskContext(browser);
		const opened = await visit(zoe, "", link);
		await opened.page.getByRole("button", { name: "Sign in" }).click();
		await opened.page.waitForURL(/\/admin\/passkeys/);
		await expect.poll(() => opened.page.locator(".who").textContent()).toContain("Zoe Contributor");
		expect(await opened.page.locator(".who").textContent()).toContain("contributor");
		// A contributor's menu has no admin sections, and the pages themselves refuse.
		const nav = opened.page.getByRole("navigation", { name: "Newsroom" });
		expect(await nav.getByRole("link", { name: "Staff" }).count()).toBe(0);
		expect(await nav.getByRole("link", { name: "Sources" }).count()).toBe(0);
		const refused = await visit(zoe, room.desk, "/admin/staff");
		expect(refused.status).toBe(403);
		const audit = await fetch(`${room.desk}/api/audit`, {
			headers: { cookie: (await zoe.cookies()).map((c) => `${c.name}=${c.value}`).join("; ") },
		});
		expect(audit.status).toBe(403);

		await adminPage.getByRole("button", { name: "End all sessions of Zoe Contributor" }).click();
		await expect.poll(() => adminPage.locator(".flash").first().textContent()).toContain("Ended 1 session(s)");
		await opened.page.goto(`${room.desk}/admin`);
		expect(new URL(opened.page.url()).pathname).toBe("/admin/sign-in");
		await zoe.close();
		await adminPage.close();
	});

	it("Should create a token of at most the person's role, show its secret once, and revoke it", async () => {
		const tokens = await visit(context, room.desk, "/admin/tokens");
		const { page: tokenPage } = tokens;
		await tokenPage.getByLabel("Name", { exact: true }).fill("Wire script");
		await tokenPage.getByLabel("Role", { exact: true }).selectOption("editor");
		await tokenPage.getByRole("button", { name: "Create token" }).click();
		const secret = await tokenPage.locator("#new-token").inputValue();
		expect(secret.length).toBeGreaterThan(20);
		await expectCleanPage(tokens, "tokens with a new secret");
		const bearer = { authorization: `Bearer ${secret}` };
		// An editor's token lists the desk but cannot read the audit log (admin only).
		expect((await fetch(`${room.desk}/api/articles?limit=1`, { headers: bearer })).status).toBe(200);
		expect((await fetch(`${room.desk}/api/audit`, { headers: bearer })).status).toBe(403);

		await tokenPage.goto(`${room.desk}/admin/tokens`);
		expect(await tokenPage.locator("#new-token").count()).toBe(0);
		await tokenPage.getByRole("button", { name: "Revoke Wire script" }).click();
		await expect.poll(() => tokenPage.locator("main").textContent()).not.toContain("Wire script");
		expect((await fetch(`${room.desk}/api/articles?limit=1`, { headers: bearer })).status).toBe(401);
		await tokenPage.close();
	});
});
