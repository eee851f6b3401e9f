// Issue #10 in a real browser: on an archive of more than 1,000 articles, the older links reach the very
// first one, the masthead search finds a word that is only in an article's body, the date archive and
// the search results pass axe, the front page does not shift as it loads, and an open home page offers
// a story published after it was opened.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DemoArticle } from "../scripts/demo/articles";
import { seedDemo } from "../scripts/seed";
import { axeViolations, launchChromium, newContext, type Site, startSite, stopSite, visit } from "./harness";

const ARCHIVE_SIZE = 1_000;
/** A word no title, dek or demo text holds: only the body of one archived article. */
const BODY_ONLY_WORD = "quillwort";
const BODY_ONLY_SLUG = "archive-0612";
const OLDEST_SLUG = `archive-${String(ARCHIVE_SIZE - 1).padStart(4, "0")}`;

let site: Site;
let browser: Browser;

/** One article an hour, going back from a day ago: about six weeks of archive. */
function archive(): DemoArticle[] {
	return Array.from({ length: ARCHIVE_SIZE }, (_, i) => {
		const slug = `archive-${String(i).padStart(4, "0")}`;
		const body =
			slug === BODY_ONLY_SLUG
				? `The marsh survey counted ${BODY_ONLY_WORD} along the north bank for the first time in a decade.`
				: `Item ${i} of the archive: the council met, and the minutes were filed.`;
		return {
			slug,
			minutesAgo: 24 * 60 + i * 60,
			article: { title: `Archive story ${i}`, section: i % 10 === 0 ? "science" : "world", body },
		};
	});
}

beforeAll(async () => {
	[site, browser] = await Promise.all([startSite(), launchChromium()]);
	const items = archive();
	// Four writers at once: the StoreWriter serializes them, and the HTTP round trips overlap.
	const lanes = [0, 1, 2, 3].map((lane) => items.filter((_, i) => i % 4 === lane));
	await Promise.all(lanes.map((lane) => seedDemo(site.url, site.token, lane)));
	// The lists' chunks are written a second or so after their last change (the StoreWriter's alarm):
	// wait until a plain walk of the older links sees every story, and say how long that took. On a loaded
	// machine the alarm runs late, so a chunk midway can still be its earlier self when the oldest shows.
	const started = Date.now();
	while ((await storiesReached()) < ARCHIVE_SIZE && Date.now() - started < 180_000) {
		await new Promise((resolve) => setTimeout(resolve, 1_000));
	}
	console.log(`lists settled ${Date.now() - started} ms after the last publish`);
}, 900_000);

/** How many archive stories a walk of the older links from / reaches, by plain fetches. */
async function storiesReached(): Promise<number> {
	let path: string | undefined = "/";
	const seen = new Set<string>();
	for (let pages = 0; path && pages < 100; pages++) {
		const html = await (await fetch(`${site.url}${path}`)).text();
		for (const [, slug] of html.matchAll(/href="\/articles\/(archive-\d+)"/g)) seen.add(slug as string);
		path = /href="(\/\?before=[^"]+)" rel="next"/.exec(html)?.[1]?.replace(/&amp;/g, "&");
	}
	return seen.size;
}

afterAll(async () => {
	await browser?.close();
	await stopSite(site);
});

describe("every story reachable", () => {
	it("Should walk the older links from the front page to the very first article, seeing each one once", async () => {
		const context = await newContext(browser, { viewport: { width: 1280, height: 900 } });
		const { page } = await visit(context, site.url, "/");
		const seen: string[] = [];
		for (let pages = 0; pages < 100; pages++) {
			const slugs = await page
				.locator("main .lead-story h2 a, main ol.headlines a")
				.evaluateAll((links) => links.map((a) => (a.getAttribute("href") ?? "").replace("/articles/", "")));
			seen.push(...slugs);
			const older = page.locator('nav.pager a[rel="next"]');
			if ((await older.count()) === 0) break;
			await Promise.all([page.waitForLoadState("load"), older.click()]);
		}
		expect(seen.at(-1)).toBe(OLDEST_SLUG);
		expect(new Set(seen).size).toBe(seen.length);
		for (let i = 0; i < ARCHIVE_SIZE; i++) expect(seen).toContain(`archive-${String(i).padStart(4, "0")}`);
		await context.close();
	});

	it("Should pass axe on the date archive's pages, reached by their own links", async () => {
		const context = await newContext(browser, { viewport: { width: 1280, height: 900 } });
		const { page, consoleErrors, cspViolations } = await visit(context, site.url, "/archive");
		for (const next of ["ul.archive-months a", "ul.archive-days a", null]) {
			expect(await page.locator("h1").textContent()).toBeTruthy();
			const serious = (await axeViolations(page)).filter((v) => v.impact === "serious" || v.impact === "critical");
			expect(serious, page.url()).toEqual([]);
			if (next) await Promise.all([page.waitForLoadState("load"), page.locator(next).first().click()]);
		}
		// A day's page lists that day's stories and links on to the days either side.
		expect(await page.locator("main ol.headlines li").count()).toBeGreaterThan(0);
		expect(await page.locator('nav.pager[aria-label="Other days"] a').count()).toBeGreaterThan(0);
		expect(consoleErrors).toEqual([]);
		expect(await cspViolations()).toEqual([]);
		await context.close();
	});
});

describe("every story findable", () => {
	it("Should find an article by a word only its body holds, through the masthead's search box, and pass axe", async () => {
		const context = await newContext(browser, { viewport: { width: 1280, height: 900 } });
		const { page, consoleErrors, cspViolations } = await visit(context, site.url, "/");
		await page.getByLabel("Search stories").fill(BODY_ONLY_WORD);
		await Promise.all([page.waitForURL(/\/search\?q=/), page.keyboard.press("Enter")]);
		const results = page.locator(`main a[href="/articles/${BODY_ONLY_SLUG}"]`);
		expect(await results.count()).toBe(1);
		expect(await page.locator("main mark").first().textContent()).toBe(BODY_ONLY_WORD);
		const serious = (await axeViolations(page)).filter((v) => v.impact === "serious" || v.impact === "critical");
		expect(serious).toEqual([]);
		expect(consoleErrors).toEqual([]);
		expect(await cspViolations()).toEqual([]);
		await context.close();
	});
});

describe("the front page", () => {
	it("Should lead with a sized image and not shift as the page loads", async () => {
		const context = await newContext(browser, { viewport: { width: 1280, height: 900 } });
		const { page } = await visit(context, site.url, "/");
		await page.waitForLoadState("networkidle");
		const lead = page.locator("main .lead-story img");
		expect(await lead.getAttribute("width")).toBeTruthy();
		expect(await lead.getAttribute("height")).toBeTruthy();
		expect(await page.evaluate(() => (window as unknown as { __cls: number }).__cls)).toBeLessThan(0.01);
		await context.close();
	});

	it("Should offer a story published after the page opened, and show it on a click without a reload", async () => {
		const context = await newContext(browser, { viewport: { width: 1280, height: 900 } });
		const page = await context.newPage();
		await page.clock.install({ time: new Date() });
		await page.goto(`${site.url}/`);
		const button = page.locator(".new-stories button");
		expect(await button.isHidden()).toBe(true);
		const loaded = await page.evaluate(() => performance.timeOrigin);
		await seedDemo(site.url, site.token, [
			{ slug: "just-in", minutesAgo: 0, article: { title: "Just in: the ferry runs again", body: "It does." } },
		]);
		// A minute on the page's clock: the notice polls, with the list's ETag, and finds the new story (the
		// list follows the desk's write within about a second, so a poll may come before it: then the next one).
		for (let minute = 0; minute < 5 && (await button.textContent()) !== "1 new story"; minute++) {
			await page.clock.runFor(61_000);
			await new Promise((resolve) => setTimeout(resolve, 1_500));
		}
		expect(await button.textContent()).toBe("1 new story");
		expect(await page.locator('.new-stories[aria-live="polite"]').count()).toBe(1);
		await button.click();
		const first = page.locator("main ol.headlines li").first().locator("a");
		expect(await first.getAttribute("href")).toBe("/articles/just-in");
		expect(await first.textContent()).toBe("Just in: the ferry runs again");
		expect(await button.isHidden()).toBe(true);
		// Same document: the page never reloaded.
		expect(await page.evaluate(() => performance.timeOrigin)).toBe(loaded);
		await context.close();
	});
});
