// Issue #4 in a real browser: Debian's Chromium against `wrangler dev` with seeded data.
import { mkdirSync } from "node:fs";
import { runInNewContext } from "node:vm";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "../scripts/seed";
import { ageLabel } from "../src/age/scale";
import { axeViolations, launchChromium, newContext, type Site, startSite, stopSite, visit } from "./harness";

const SCREENSHOTS = "artifacts/screenshots";

let site: Site;
let browser: Browser;

beforeAll(async () => {
	[site, browser] = await Promise.all([startSite(), launchChromium()]);
	mkdirSync(SCREENSHOTS, { recursive: true });
});

afterAll(async () => {
	await browser?.close();
	await stopSite(site);
});

/** The pages readers land on, and what each must show. */
const PAGES = [
	{ name: "home", path: "/", status: 200, heading: "Latest headlines" },
	{ name: "article", path: "/articles/harbour-cranes-return", status: 200, heading: "Harbour cranes return" },
	{ name: "section", path: "/sections/world", status: 200, heading: "World" },
	{ name: "not-found", path: "/articles/no-such-story", status: 404, heading: "Page not found" },
] as const;

describe.each(["light", "dark"] as const)("pages in %s mode", (colorScheme) => {
	it.each(PAGES)(
		"Should render $name with no console errors, no CSP violations and no serious axe findings",
		async ({ path, status, heading }) => {
			const context = await newContext(browser, { colorScheme, viewport: { width: 1280, height: 900 } });
			const { page, status: got, consoleErrors, cspViolations } = await visit(context, site.url, path);
			expect(got).toBe(status);
			await expect.poll(() => page.locator("h1").first().textContent()).toContain(heading);
			// Chromium reports the 404 document itself as a failed resource; that is the status we asked for, not an error.
			const errors = consoleErrors.filter(
				(e) =>
					!(
						status === 404 &&
						e.startsWith("Failed to load resource: the server responded with a status of 404") &&
						e.endsWith(`@ ${site.url}${path}`)
					),
			);
			expect(errors).toEqual([]);
			expect(await cspViolations()).toEqual([]);
			const serious = (await axeViolations(page)).filter((v) => v.impact === "serious" || v.impact === "critical");
			expect(serious).toEqual([]);
			await context.close();
		},
	);
});

describe("live ages", () => {
	it("Should turn 59 mins ago into about 1 hour ago when the page's clock passes the hour", async () => {
		await seedDemo(site.url, site.token, [
			{
				slug: "live-age-check",
				minutesAgo: 59.5,
				article: { title: "Live age check", section: "world", body: "Checking the clock." },
			},
		]);
		// The desk wrote it; the home page's list follows within the StoreWriter's trailing second.
		await expect
			.poll(async () => JSON.stringify(await (await fetch(`${site.url}/api/headlines?limit=50`)).json()), {
				timeout: 10_000,
			})
			.toContain('"live-age-check"');
		const context = await newContext(browser);
		const page = await context.newPage();
		const errors: string[] = [];
		page.on("pageerror", (e) => errors.push(e.message));
		await page.clock.install({ time: new Date() });
		for (const path of ["/articles/live-age-check", "/"]) {
			await page.goto(`${site.url}${path}`);
			const age =
				path === "/"
					? page.locator("li", { has: page.locator('a[href="/articles/live-age-check"]') }).locator("time[data-age]")
					: page.locator(".byline time[data-age]");
			await expect.poll(() => age.textContent(), { timeout: 2_000 }).toBe("59 mins ago");
			await page.clock.runFor(30_000);
			expect(await age.textContent()).toBe("59 mins ago");
			await page.clock.runFor(30_000);
			await expect.poll(() => age.textContent(), { timeout: 2_000 }).toBe("about 1 hour ago");
		}
		expect(errors).toEqual([]);
		await context.close();
	});

	it("Should serve a script that labels every age exactly as the server's scale does", async () => {
		const html = await (await fetch(`${site.url}/articles/harbour-cranes-return`)).text();
		const script = /<script>(.*?)<\/script>/s.exec(html)![1]!;
		expect(new TextEncoder().encode(script).byteLength).toBeLessThan(1024);
		const now = Date.parse("2026-11-25T12:00:00Z");
		const S = 1000;
		const offsets = [
			0,
			59_999,
			60 * S,
			119 * S,
			120 * S,
			59 * 60 * S + 59 * S,
			3600 * S,
			7199 * S,
			7200 * S,
			86_399 * S,
			86_400 * S,
			172_800 * S,
			604_799 * S,
			604_800 * S,
			-59 * S,
			-60 * S,
			400 * 86_400 * S,
		];
		const times = offsets.map((ms) => ({
			dateTime: new Date(now - ms).toISOString(),
			textContent: "" as string | null,
		}));
		let tick: (() => void) | undefined;
		const document = {
			documentElement: { dataset: { tz: "Asia/Tokyo" } },
			querySelectorAll: () => times,
			addEventListener: () => undefined,
		};
		runInNewContext(script, {
			document,
			setInterval: (fn: () => void) => (tick = fn),
			Date: { now: () => now, parse: Date.parse },
			Intl,
			String,
			Math,
		});
		tick!();
		expect(times.map((t) => t.textContent)).toEqual(offsets.map((ms) => ageLabel(now - ms, now, "Asia/Tokyo")));
	});
});

describe("layout", () => {
	it("Should put the rail beside the article on wide screens and below it on narrow ones, with no overflow down to 320 px", async () => {
		for (const [width, beside] of [
			[1280, true],
			[390, false],
			[320, false],
		] as const) {
			const context = await newContext(browser, { viewport: { width, height: 800 } });
			const { page } = await visit(context, site.url, "/articles/harbour-cranes-return");
			const article = (await page.locator("main article").boundingBox())!;
			const rail = (await page.locator("aside.rail").boundingBox())!;
			if (beside) expect(rail.x).toBeGreaterThanOrEqual(article.x + article.width);
			else expect(rail.y).toBeGreaterThanOrEqual(article.y + article.height);
			expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
			await context.close();
		}
	});

	it("Should not shift as images and the rail load, and should show where keyboard focus is", async () => {
		const context = await newContext(browser, { viewport: { width: 1280, height: 900 } });
		const { page } = await visit(context, site.url, "/articles/harbour-cranes-return");
		await page.waitForLoadState("networkidle");
		expect(await page.evaluate(() => (window as unknown as { __cls: number }).__cls)).toBeLessThan(0.01);
		await page.keyboard.press("Tab");
		const focused = await page.evaluate(() => {
			const el = document.activeElement as HTMLElement;
			const style = getComputedStyle(el);
			const box = el.getBoundingClientRect();
			return {
				text: el.textContent,
				outline: style.outlineStyle,
				width: style.outlineWidth,
				visible: box.left >= 0 && box.width > 0,
			};
		});
		expect(focused).toEqual({ text: "Skip to content", outline: "solid", width: "3px", visible: true });
		await context.close();
	});
});

describe("screenshots", () => {
	it.each([390, 1280])("Should save the article and home pages at %d px in light and dark", async (width) => {
		for (const colorScheme of ["light", "dark"] as const) {
			const context = await newContext(browser, { colorScheme, viewport: { width, height: 900 } });
			for (const [name, path] of [
				["article", "/articles/harbour-cranes-return"],
				["home", "/"],
			] as const) {
				const { page } = await visit(context, site.url, path);
				await page.waitForLoadState("networkidle");
				await page.screenshot({ path: `${SCREENSHOTS}/${name}-${width}-${colorScheme}.png`, fullPage: width === 390 });
			}
			await context.close();
		}
	});
});
