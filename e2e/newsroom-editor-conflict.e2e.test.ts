// Issue 12 in Chromium, the editor's conflicts: two editors have the same draft open; one's autosave
// lands first, so the other's autosave (If-Match on the old ETag) gets a 412. The page stops autosaving,
// says who saved, offers a compare (their version against the typed one, nothing saved) and keeps the
// typed text, and saving from there replaces theirs on purpose. (The people pages are checked in
// newsroom-sign-in.e2e.test.ts.)
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, stopSite, visit } from "./harness";
import { createStaff, expectCleanPage, type Newsroom, ownerApi, signedInContext, startNewsroom } from "./newsroom";

let room: Newsroom;
let browser: Browser;
let eddie: BrowserContext;
let erin: BrowserContext;

const SLUG = "bridge-repairs-draft";

beforeAll(async () => {
	[room, browser] = await Promise.all([startNewsroom(), launchChromium()]);
	const [first, second] = await Promise.all([
		createStaff(room, "Eddie Editor", "editor"),
		createStaff(room, "Erin Editor", "editor"),
	]);
	const signedIn = await Promise.all([first, second].map((staff) => signedInContext(room, browser, staff)));
	[eddie, erin] = signedIn.map((s) => s.context) as [BrowserContext, BrowserContext];
	await Promise.all(signedIn.map((s) => s.page.close()));
	const created = await ownerApi(room, "PUT", `/api/articles/${SLUG}`, {
		title: "Bridge repairs start on Monday",
		publishedAt: new Date().toISOString(),
		body: "Crews arrive at six.",
		status: "draft",
	});
	expect(created.status).toBe(201);
});

afterAll(async () => {
	await browser?.close();
	await stopSite(room);
});

async function editBody(page: Page, text: string): Promise<void> {
	await page.getByLabel("Body (Markdown)").fill(text);
}

describe("two editors on one draft", () => {
	it("Should stop the later autosave with the conflict notice, compare, and save over theirs only when asked", async () => {
		const mine = await visit(eddie, room.desk, `/admin/articles/${SLUG}`);
		const theirs = await visit(erin, room.desk, `/admin/articles/${SLUG}`);
		await expectCleanPage(mine, "draft editor");

		await editBody(theirs.page, "Crews arrive at seven, not six.");
		await expect
			.poll(() => theirs.page.locator("#save-status").textContent(), { timeout: 15_000 })
			.toContain("Draft autosaved");

		await editBody(mine.page, "Crews arrive at six sharp.");
		const notice = mine.page.locator("#conflict");
		await expect.poll(() => notice.isVisible(), { timeout: 15_000 }).toBe(true);
		await expect.poll(() => notice.textContent()).toContain("Erin Editor saved revision");
		await expect.poll(() => mine.page.locator("#save-status").textContent()).toContain("someone else saved");
		// The browser logs the autosave's 412 as a failed load; that answer is the point here, not an error.
		const expected = (line: string) => line.includes("412 (Precondition Failed)");
		expect(mine.consoleErrors.filter(expected)).toHaveLength(1);
		mine.consoleErrors.splice(0, mine.consoleErrors.length, ...mine.consoleErrors.filter((line) => !expected(line)));
		await expectCleanPage(mine, "editor with the conflict notice");

		// The compare is a form post to the same URL: wait for the new document, not for a URL change.
		await Promise.all([
			mine.page.waitForEvent("load"),
			mine.page.getByRole("button", { name: "Compare their version with mine" }).click(),
		]);
		const compare = mine.page.locator("section.conflict").first();
		await expect
			.poll(() => compare.locator("del").allTextContents())
			.toEqual(expect.arrayContaining([expect.stringContaining("Crews arrive at seven, not six.")]));
		await expect
			.poll(() => compare.locator("ins").allTextContents())
			.toEqual(expect.arrayContaining([expect.stringContaining("Crews arrive at six sharp.")]));
		expect(await mine.page.getByLabel("Body (Markdown)").inputValue()).toBe("Crews arrive at six sharp.");
		await expectCleanPage(mine, "conflict compare");
		// Nothing was saved by comparing.
		const stored = (await (await ownerApi(room, "GET", `/api/articles/${SLUG}`)).json()) as { body: string };
		expect(stored.body).toBe("Crews arrive at seven, not six.");

		await mine.page.getByRole("button", { name: "Save draft" }).click();
		await mine.page.waitForURL(/\?saved=draft$/);
		const saved = (await (await ownerApi(room, "GET", `/api/articles/${SLUG}`)).json()) as { body: string };
		expect(saved.body).toBe("Crews arrive at six sharp.");
		await mine.page.close();
		await theirs.page.close();
	});
});
