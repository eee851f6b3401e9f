/**
 * @module Helpers for the newsroom's e2e files: the site reached as `http://localhost:<port>` (a passkey's
 * relying party must be a domain, and localhost is one that is also a secure context), staff accounts made
 * with the owner's ADMIN_TOKEN, the sign-in link flow in a browser, Chrome's virtual authenticator over
 * the DevTools Protocol, and one check that a desk page is clean (axe, CSP, console).
 */
import { mkdirSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { Browser, BrowserContext, CDPSession, Page } from "playwright-core";
import { expect } from "vitest";
import type { Role } from "../src/auth/actor";
import { axeViolations, newContext, type Site, startSite, type Visit, visit } from "./harness";

/** The site as the newsroom's browser sees it. */
export type Newsroom = Site & { desk: string };

/** A fresh seeded site, with its URL on `localhost` instead of 127.0.0.1. */
export async function startNewsroom(): Promise<Newsroom> {
	const site = await startSite();
	const desk = site.url.replace("//127.0.0.1:", "//localhost:");
	return { ...site, desk };
}

/** A call to the API as the owner (the ADMIN_TOKEN), against the localhost origin so links name it. */
export async function ownerApi(room: Newsroom, method: string, path: string, body?: unknown): Promise<Response> {
	const headers: Record<string, string> = { authorization: `Bearer ${room.token}` };
	if (body !== undefined) headers["content-type"] = "application/json";
	return fetch(`${room.desk}${path}`, {
		method,
		headers,
		...(body !== undefined && { body: JSON.stringify(body) }),
	});
}

async function ownerJson<T>(room: Newsroom, method: string, path: string, body?: unknown): Promise<T> {
	const response = await ownerApi(room, method, path, body);
	if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
	return (await response.json()) as T;
}

export type StaffMember = { id: string; email: string; name: string; role: Role };

/** A staff account made by the owner (`POST /api/staff`). */
export function createStaff(room: Newsroom, name: string, role: Role): Promise<StaffMember> {
	const email = `${name.toLowerCase().replace(/[^a-z]+/g, ".")}.${Date.now() % 1e6}@edgewire.test`;
	return ownerJson<StaffMember>(room, "POST", "/api/staff", { email, name, role });
}

/** A one-time sign-in link for `staffId` (`POST /api/staff/:id/sign-in-links`), on the localhost origin. */
export async function signInLink(room: Newsroom, staffId: string): Promise<{ url: string; expiresAt: string }> {
	const link = await ownerJson<{ url: string; expiresAt: string }>(room, "POST", `/api/staff/${staffId}/sign-in-links`);
	// The link names the origin the request came to, which is the one the passkey belongs to.
	expect(link.url.startsWith(`${room.desk}/admin/sign-in/link?token=`)).toBe(true);
	return link;
}

/** Opens a sign-in link and presses its confirm button; the page ends on the passkeys page. */
export async function signInByLink(room: Newsroom, context: BrowserContext, staffId: string): Promise<Visit> {
	const { url } = await signInLink(room, staffId);
	const opened = await visit(context, "", url);
	expect(opened.status).toBe(200);
	await opened.page.getByRole("button", { name: "Sign in" }).click();
	await opened.page.waitForURL(/\/admin\/passkeys/);
	return opened;
}

/** A browser context for the newsroom, 1280×800, with the harness's CSP and console recording. */
export function deskContext(browser: Browser, colorScheme: "light" | "dark" = "light"): Promise<BrowserContext> {
	return newContext(browser, { viewport: { width: 1280, height: 800 }, colorScheme });
}

/** A person signed in by a link in a context of their own. */
export async function signedInContext(
	room: Newsroom,
	browser: Browser,
	staff: StaffMember,
	colorScheme: "light" | "dark" = "light",
) {
	const context = await deskContext(browser, colorScheme);
	const signedIn = await signInByLink(room, context, staff.id);
	return { context, ...signedIn };
}

/** Chrome's virtual authenticator on `page`: a platform passkey that always verifies its user. */
export async function addVirtualAuthenticator(page: Page): Promise<{ cdp: CDPSession; authenticatorId: string }> {
	const cdp = await page.context().newCDPSession(page);
	await cdp.send("WebAuthn.enable", { enableUI: false });
	const { authenticatorId } = await cdp.send("WebAuthn.addVirtualAuthenticator", {
		options: {
			protocol: "ctap2",
			transport: "internal",
			hasResidentKey: true,
			hasUserVerification: true,
			isUserVerified: true,
			automaticPresenceSimulation: true,
		},
	});
	return { cdp, authenticatorId };
}

/** What a desk page must never show: axe findings, CSP violations, console errors. */
export async function expectCleanPage(visited: Pick<Visit, "page" | "consoleErrors" | "cspViolations">, label: string) {
	const { page } = visited;
	await page.waitForLoadState("load");
	const violations = await axeViolations(page);
	expect(violations, `axe on ${label}`).toEqual([]);
	expect(await visited.cspViolations(), `CSP on ${label}`).toEqual([]);
	expect(visited.consoleErrors, `console on ${label}`).toEqual([]);
}

/** Opens `path` on the desk and checks it is clean; answers the visit for more assertions. */
export async function visitClean(context: BrowserContext, room: Newsroom, path: string, label = path): Promise<Visit> {
	const visited = await visit(context, room.desk, path);
	expect(visited.status, `status of ${label}`).toBe(200);
	await expectCleanPage(visited, label);
	return visited;
}

export const SCREENSHOT_DIR = "docs/screenshots";

/** Writes `docs/screenshots/<name>.png` only when SCREENSHOTS=1, so a CI run never rewrites them. */
export async function screenshot(page: Page, name: string): Promise<void> {
	if (process.env.SCREENSHOTS !== "1") return;
	mkdirSync(SCREENSHOT_DIR, { recursive: true });
	await page.screenshot({ path: `${SCREENSHOT_DIR}/${name}.png`, fullPage: false });
}

/** `value` as a datetime-local string on the clocks of `timeZone` (minute precision). */
export function localInput(instant: Date, timeZone: string): string {
	const parts = Object.fromEntries(
		new Intl.DateTimeFormat("en-GB", {
			timeZone,
			year: "numeric",
			month: "2-digit",
			day: "2-digit",
			hour: "2-digit",
			minute: "2-digit",
			hourCycle: "h23",
		})
			.formatToParts(instant)
			.map((p) => [p.type, p.value]),
	);
	return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/** Three short wire stories as RSS 2.0, dated minutes before `now`. */
function wireFeed(now: number): string {
	const items = [
		["Tram depot gets a solar roof", "The depot's roof now carries 1,200 panels."],
		["Market hall reopens after its refit", "Forty stalls are back under the restored glass roof."],
		["Lifeboat crew trains a new cohort", "Six volunteers passed their first sea trials this week."],
	]
		.map(
			([title, text], i) =>
				`<item><title>${title}</title><link>https://wire.example/story-${i + 1}</link>` +
				`<guid>https://wire.example/story-${i + 1}</guid><pubDate>${new Date(now - (i + 1) * 600_000).toUTCString()}</pubDate>` +
				`<description>${text}</description></item>`,
		)
		.join("");
	return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Harbour Wire</title><link>https://wire.example/</link><description>Local wire</description>${items}</channel></rss>`;
}

/** A feed on this machine for a source to fetch (workerd reaches 127.0.0.1 as any other host), and any HTML
 * page a test adds: a page on `localhost` at another port is another origin but the same site, so the
 * browser sends the SameSite=Strict session cookie with its forms, which is what the CSRF check is for. */
export async function startFeedServer(): Promise<{
	url: string;
	pageUrl: (path: string) => string;
	addPage: (path: string, html: string) => void;
	close: () => Promise<void>;
}> {
	const pages = new Map<string, string>();
	const server = createServer((request, response) => {
		const page = pages.get(request.url ?? "");
		if (page !== undefined) {
			response.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(page);
		} else if (request.url === "/feed.xml") {
			response.writeHead(200, { "content-type": "application/rss+xml; charset=utf-8" }).end(wireFeed(Date.now()));
		} else {
			response.writeHead(404).end();
		}
	});
	await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}/feed.xml`,
		pageUrl: (path) => `http://localhost:${port}${path}`,
		addPage: (path, html) => pages.set(path, html),
		close: () => new Promise((resolve) => server.close(() => resolve())),
	};
}
