/**
 * @module The e2e harness: `wrangler dev` on a fresh on-disk state, seeded through the admin API,
 * and Debian's Chromium driven by playwright-core (no browser download), with every page's
 * console errors and CSP violations collected.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { DEMO_ARTICLES, type DemoArticle } from "../scripts/demo/articles";
import { type DevServer, ensureDevToken, startDevServer } from "../scripts/dev-server";
import { seedDemo } from "../scripts/seed";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Flags that work on this machine's closed network (see the machine notes): no background calls home. */
const CHROMIUM_ARGS = [
	"--no-sandbox",
	"--disable-gpu",
	"--disable-quic",
	"--no-first-run",
	"--disable-background-networking",
	"--disable-component-update",
	"--disable-sync",
];

/** Lead images live on an https host the test browser answers itself, so nothing leaves the machine. */
export const IMAGE_HOST = "https://images.edgewire.test";

const PICTURE = `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="900" viewBox="0 0 16 9"><rect width="16" height="9" fill="#7fa7c9"/><rect y="6" width="16" height="3" fill="#2f4f6f"/><circle cx="12" cy="2.5" r="1.2" fill="#f5d67b"/><path d="M2 6V3h1v3zm1-3h3v.6H3z" fill="#333"/></svg>`;

/** Demo content plus an article with a lead image (for thumbnails, the figure and og:image). */
export const E2E_ARTICLES: DemoArticle[] = [
	...DEMO_ARTICLES,
	{
		slug: "harbour-cranes-return",
		minutesAgo: 35,
		article: {
			title: "Harbour cranes return to the east quay after a winter of repairs",
			dek: "Loading times should fall by a third now that both cranes are back on their rails.",
			section: "business",
			author: { name: "Ines Marlow", bio: "Ines Marlow covers shipping and trade for edgewire." },
			image: {
				url: `${IMAGE_HOST}/harbour.svg`,
				alt: "Two cranes on the east quay at dusk",
				width: 1600,
				height: 900,
				credit: "Illustration: edgewire",
			},
			body: "The cranes were lifted back onto their rails on Tuesday.\n\n## What changes for shippers?\n\n- Faster turnarounds\n- Fewer night shifts\n\n> We can finally plan a week ahead, said one agent.",
			sourceUrl: "https://example.com/port-news/cranes",
			tags: ["ports", "trade"],
		},
	},
];

export type Site = { url: string; token: string; server: DevServer; stateDir: string };

async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.unref();
		server.on("error", reject);
		server.listen(0, "127.0.0.1", () => {
			const address = server.address();
			server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
		});
	});
}

/** A fresh `wrangler dev` (its KV and Durable Object state in a new temp dir), seeded. */
export async function startSite(): Promise<Site> {
	const token = ensureDevToken();
	const stateDir = mkdtempSync(join(tmpdir(), "edgewire-e2e-"));
	const server = await startDevServer({ port: await freePort(), persistTo: stateDir });
	await seedDemo(server.url, token, E2E_ARTICLES);
	return { url: server.url, token, server, stateDir };
}

export async function stopSite(site: Site | undefined): Promise<void> {
	if (!site) return;
	await site.server.stop();
	rmSync(site.stateDir, { recursive: true, force: true });
}

export function launchChromium(): Promise<Browser> {
	return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/** A context that serves the test image host, and records CSP violations and layout shifts from the first byte. */
export async function newContext(browser: Browser, options: Parameters<Browser["newContext"]>[0] = {}) {
	const context = await browser.newContext(options);
	await context.route(`${IMAGE_HOST}/**`, (route) =>
		route.fulfill({ status: 200, contentType: "image/svg+xml", body: PICTURE }),
	);
	await context.addInitScript(() => {
		const w = window as unknown as { __csp: string[]; __cls: number };
		w.__csp = [];
		w.__cls = 0;
		document.addEventListener("securitypolicyviolation", (e) => {
			w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`);
		});
		new PerformanceObserver((list) => {
			for (const entry of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[]) {
				if (!entry.hadRecentInput) w.__cls += entry.value;
			}
		}).observe({ type: "layout-shift", buffered: true });
	});
	return context;
}

export type Visit = { page: Page; status: number; consoleErrors: string[]; cspViolations: () => Promise<string[]> };

/** Opens `path`, collecting console errors and uncaught exceptions from the start. */
export async function visit(context: BrowserContext, base: string, path: string): Promise<Visit> {
	const page = await context.newPage();
	const consoleErrors: string[] = [];
	page.on("console", (message) => {
		if (message.type() === "error") consoleErrors.push(`${message.text()} @ ${message.location().url}`);
	});
	page.on("pageerror", (error) => consoleErrors.push(`pageerror: ${error.message}`));
	const response = await page.goto(`${base}${path}`, { waitUntil: "load" });
	return {
		page,
		status: response?.status() ?? 0,
		consoleErrors,
		cspViolations: () => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp),
	};
}

const AXE_SOURCE = readFileSync(new URL("../node_modules/axe-core/axe.min.js", import.meta.url), "utf8");

export type AxeViolation = { id: string; impact: string | null; help: string; targets: string[] };

/** axe-core's violations on the page (evaluated through the devtools protocol, so the page's CSP doesn't block it). */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
	await page.evaluate(AXE_SOURCE);
	return page.evaluate(async () => {
		const axe = (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<any> } }).axe;
		const result = await axe.run(document, { resultTypes: ["violations"] });
		return result.violations.map((v: any) => ({
			id: v.id,
			impact: v.impact,
			help: v.help,
			targets: v.nodes.map((n: any) => String(n.target)),
		}));
	});
}
