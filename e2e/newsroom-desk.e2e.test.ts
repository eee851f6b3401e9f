// Issue 12 in Chromium, the desks: a contributor writes a draft (autosaved) and submits it for review; an
// editor previews it and schedules it, and it reaches the site at its scheduled minute, not before; a
// revision is restored; an admin refreshes, pauses and resumes a source. Every desk page on the way is
// axe clean with no CSP violations or console errors. With SCREENSHOTS=1 it writes docs/screenshots/.
import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations, launchChromium, stopSite, type Visit, visit } from "./harness";
import {
	createStaff,
	expectCleanPage,
	localInput,
	type Newsroom,
	ownerApi,
	type StaffMember,
	screenshot,
	signedInContext,
	startFeedServer,
	startNewsroom,
	visitClean,
} from "./newsroom";

let room: Newsroom;
let browser: Browser;
let contributor: BrowserContext;
let editor: BrowserContext;
let admin: BrowserContext;
let feed: Awaited<ReturnType<typeof startFeedServer>>;
let adminStaff: StaffMember;

const STORY = {
	title: "Night ferry timetable returns for the summer",
	slug: "night-ferry-timetable-returns-for-the-summer",
	section: "Local",
	body: "The last crossing leaves the harbour at 23:40 from June.\n\n## What changes\n\nTwo extra sailings on Fridays.",
};
/** When the editor schedules the story: a whole minute, 60 to 120 seconds after the schedule is set. */
let scheduledAt: number;

/** A reader's request, with no credentials: the status the public page or JSON answers. */
async function publicStatus(path: string): Promise<number> {
	const response = await fetch(`${room.url}${path}`);
	await response.arrayBuffer();
	return response.status;
}

/** Opens a desk page in `context`, expecting 200. */
async function open(context: BrowserContext, path: string): Promise<Visit> {
	const visited = await visit(context, room.desk, path);
	expect(visited.status, path).toBe(200);
	return visited;
}

beforeAll(async () => {
	[room, browser, feed] = await Promise.all([startNewsroom(), launchChromium(), startFeedServer()]);
	const [cora, eddie, ada] = await Promise.all([
		createStaff(room, "Cora Contributor", "contributor"),
		createStaff(room, "Eddie Editor", "editor"),
		createStaff(room, "Ada Admin", "admin"),
	]);
	adminStaff = ada;
	const signedIn = await Promise.all([cora, eddie, ada].map((staff) => signedInContext(room, browser, staff)));
	[contributor, editor, admin] = signedIn.map((s) => s.context) as [BrowserContext, BrowserContext, BrowserContext];
	await Promise.all(signedIn.map((s) => s.page.close()));
});

afterAll(async () => {
	await browser?.close();
	await stopSite(room);
	await feed?.close();
});

describe("a story from draft to the site", () => {
	it("Should let a contributor write a draft that autosaves, with the slug suggested from the title", async () => {
		const list = await open(contributor, "/admin");
		await expectCleanPage(list, "article list (contributor)");
		const { page } = list;
		await page.getByRole("link", { name: "New article" }).click();
		await page.waitForURL(/\/admin\/articles\/new$/);
		await expectCleanPage(list, "new article editor");
		await page.getByLabel("Title").fill(STORY.title);
		await expect.poll(() => page.getByLabel("Slug").inputValue()).toBe(STORY.slug);
		await page.getByLabel("Section").fill(STORY.section);
		await page.getByLabel("Body (Markdown)").fill(STORY.body);
		// A contributor is offered no way to publish.
		expect(await page.getByRole("button", { name: "Publish now" }).count()).toBe(0);
		// Autosave (every few seconds) creates the draft, and the page becomes its editor.
		await expect
			.poll(() => page.locator("#save-status").textContent(), { timeout: 15_000 })
			.toContain("Draft autosaved");
		expect(new URL(page.url()).pathname).toBe(`/admin/articles/${STORY.slug}`);
		await page.reload();
		expect(await page.getByLabel("Body (Markdown)").inputValue()).toBe(STORY.body);
		await expect.poll(() => page.locator(".page-head .badge").textContent()).toBe("Draft");
		// A draft is never public.
		expect(await publicStatus(`/articles/${STORY.slug}`)).toBe(404);
		expect(await publicStatus(`/api/articles/${STORY.slug}`)).toBe(404);
		await expectCleanPage(list, "draft editor");
		await page.close();
	});

	it("Should let the contributor submit it for review, still off the site", async () => {
		const edit = await open(contributor, `/admin/articles/${STORY.slug}`);
		const { page } = edit;
		await page.getByRole("button", { name: "Submit for review" }).click();
		await page.waitForURL(/\?saved=review$/);
		await expect.poll(() => page.locator(".flash").first().textContent()).toContain("Submitted for review");
		await expect.poll(() => page.locator(".page-head .badge").textContent()).toBe("In review");
		expect(await publicStatus(`/articles/${STORY.slug}`)).toBe(404);
		await expectCleanPage(edit, "editor (in review)");
		await page.close();
	});

	it("Should let an editor find it in review, see the live preview, and schedule it in the site's time zone", async () => {
		const list = await open(editor, "/admin?status=review");
		const { page } = list;
		await expectCleanPage(list, "article list filtered to review");
		await page.getByRole("link", { name: STORY.title }).click();
		await page.waitForURL(`${room.desk}/admin/articles/${STORY.slug}`);
		// The preview is the site's own renderer: the Markdown subhead is an h2 in the pane.
		const preview = page.locator("#preview");
		await expect.poll(() => preview.locator("h2").first().textContent()).toBe("What changes");
		await page.getByLabel("Body (Markdown)").fill(`${STORY.body}\n\n## Tickets\n\nOn sale at the quay.`);
		await expect.poll(() => preview.textContent(), { timeout: 10_000 }).toContain("On sale at the quay.");
		await page.evaluate(() => {
			(document.activeElement as HTMLElement | null)?.blur();
			window.scrollTo(0, 0);
		});
		await screenshot(page, "editor");
		await expectCleanPage(list, "editor with preview (editor)");

		const timeZone = (await page.locator("#editor-form").getAttribute("data-time-zone")) ?? "UTC";
		scheduledAt = Math.ceil((Date.now() + 60_000) / 60_000) * 60_000;
		await page.getByLabel(/^Publish time/).fill(localInput(new Date(scheduledAt), timeZone));
		await page.getByRole("button", { name: "Schedule" }).click();
		await page.waitForURL(/\?saved=schedule$/);
		await expect.poll(() => page.locator(".flash").first().textContent()).toContain("Scheduled.");
		await expect.poll(() => page.locator(".page-head .badge").textContent()).toBe("Scheduled");
		await expect.poll(() => page.locator("main").textContent()).toContain("Goes live at");
		expect(await publicStatus(`/articles/${STORY.slug}`)).toBe(404);
		await expectCleanPage(list, "editor (scheduled)");
		await page.close();

		const desk = await open(editor, "/admin");
		await screenshot(desk.page, "desk");
		await desk.page.close();
	});
});

describe("revisions", () => {
	it("Should show a revision's diff against the current text and restore it as a new revision", async () => {
		const slug = "harbour-cranes-return";
		const edit = await open(editor, `/admin/articles/${slug}`);
		const { page } = edit;
		const original = await page.getByLabel("Body (Markdown)").inputValue();
		expect(original).toContain("The cranes were lifted back");
		await page.getByLabel("Body (Markdown)").fill("The cranes are delayed again.");
		await page.getByRole("button", { name: "Update" }).click();
		await page.waitForURL(/\?saved=update$/);
		expect(await page.getByLabel("Body (Markdown)").inputValue()).toBe("The cranes are delayed again.");
		const revisions = page.locator("section[aria-labelledby=revisions-title] tbody tr");
		const before = await revisions.count();
		expect(before).toBeGreaterThanOrEqual(2);

		await page.getByRole("link", { name: "Compare revision 1" }).click();
		await page.waitForURL(/compare=1#compare$/);
		await expect.poll(() => page.locator("#compare").textContent()).toContain("The cranes were lifted back");
		await expectCleanPage(edit, "revisions with a diff");

		await page.getByRole("button", { name: "Restore revision 1" }).click();
		await page.waitForURL(/\?saved=restored$/);
		await expect.poll(() => page.locator(".flash").first().textContent()).toContain("Revision restored");
		expect(await page.getByLabel("Body (Markdown)").inputValue()).toBe(original);
		expect(await revisions.count()).toBe(before + 1);
		await expectCleanPage(edit, "editor after restore");
		await page.close();
		// Readers get the restored text (after the site's short-lived copies expire).
		await expect
			.poll(async () => (await fetch(`${room.url}/articles/${slug}`)).text(), { timeout: 45_000, interval: 1_000 })
			.toContain("The cranes were lifted back");
	});
});

describe("two people saving at once", () => {
	it("Should answer the second save with the conflict view, keeping its text, instead of overwriting", async () => {
		const slug = "rail-line-closure-extended";
		const path = `/admin/articles/${slug}`;
		const [mine, theirs] = await Promise.all([open(editor, path), open(admin, path)]);
		await theirs.page.getByLabel("Dek").fill("Engineers found a second slip further down the line.");
		await theirs.page.getByRole("button", { name: "Update" }).click();
		await theirs.page.waitForURL(/\?saved=update$/);

		await mine.page.getByLabel("Body (Markdown)").fill("Buses replace trains until further notice.");
		const [answer] = await Promise.all([
			mine.page.waitForResponse((r) => r.request().method() === "POST" && r.url().endsWith(path)),
			mine.page.getByRole("button", { name: "Update" }).click(),
		]);
		expect(answer.status()).toBe(412);
		await expect
			.poll(() => mine.page.getByRole("heading", { name: "Someone else saved this article" }).first().isVisible())
			.toBe(true);
		expect(await mine.page.locator("main").textContent()).toContain("Ada Admin saved revision");
		expect(await mine.page.getByLabel("Body (Markdown)").inputValue()).toBe(
			"Buses replace trains until further notice.",
		);
		const stored = (await (await ownerApi(room, "GET", `/api/articles/${slug}`)).json()) as { body: string };
		expect(stored.body).not.toContain("Buses replace trains");
		// The 412 document itself is logged by Chromium as a failed load, so only axe and the CSP are checked here.
		expect(await axeViolations(mine.page)).toEqual([]);
		expect(await mine.cspViolations()).toEqual([]);
		await Promise.all([mine.page.close(), theirs.page.close()]);
	});
});

describe("the sources desk", () => {
	const SOURCE = { id: "quiet-wire", name: "Quiet Wire", url: "http://127.0.0.1:9/feed.xml" };

	it("Should refresh a source now, and pause and resume it", async () => {
		const wire = { id: "harbour-wire", name: "Harbour Wire", url: feed.url, section: "Local" };
		for (const source of [wire, SOURCE])
			expect((await ownerApi(room, "POST", "/api/sources", source)).status).toBe(201);
		const sources = await open(admin, "/admin/sources");
		const { page } = sources;
		const row = page.locator(`#source-${SOURCE.id}`);
		await expectCleanPage(sources, "sources desk");

		// A feed that answers: its three stories come in, and the row counts them.
		const wireRow = page.locator(`#source-${wire.id}`);
		await wireRow.getByRole("button", { name: `Refresh now ${wire.name}` }).click();
		await page.waitForURL(`${room.desk}/admin/sources`);
		await expect.poll(() => page.locator(".flash").first().textContent()).toContain("3 new stories");
		await expect.poll(() => wireRow.locator("td.num").first().textContent()).toBe("3");
		expect(await wireRow.locator("td.num").nth(1).textContent()).toBe("0");

		// Nothing answers on port 9: the run's summary and the row say so in words.
		await row.getByRole("button", { name: `Refresh now ${SOURCE.name}` }).click();
		await page.waitForURL(`${room.desk}/admin/sources`);
		await expect.poll(() => page.locator(".flash").first().textContent()).toContain(SOURCE.name);
		await expect.poll(() => row.locator("td.num").nth(1).textContent()).toBe("1");
		expect(await row.textContent()).not.toMatch(/fetch\.[a-z_0-9]+/);
		await screenshot(page, "sources");
		await expectCleanPage(sources, "sources desk after a refresh");

		await row.getByRole("button", { name: `Pause ${SOURCE.name}` }).click();
		await page.waitForURL(`${room.desk}/admin/sources`);
		await expect.poll(() => page.locator(".flash").first().textContent()).toContain(`Paused ${SOURCE.name}`);
		await expect.poll(() => row.locator(".badge").first().textContent()).toContain("paused");
		expect(await row.getByRole("button", { name: `Refresh now ${SOURCE.name}` }).isDisabled()).toBe(true);
		const listed = (await (await ownerApi(room, "GET", "/api/sources")).json()) as {
			sources: { id: string; paused?: boolean }[];
		};
		expect(listed.sources.find((s) => s.id === SOURCE.id)?.paused).toBe(true);

		await row.getByRole("button", { name: `Resume ${SOURCE.name}` }).click();
		await page.waitForURL(`${room.desk}/admin/sources`);
		await expect.poll(() => page.locator(".flash").first().textContent()).toContain(`Resumed ${SOURCE.name}`);
		await expect.poll(() => row.getByRole("button", { name: `Pause ${SOURCE.name}` }).count()).toBe(1);
		expect(await row.locator(".badge", { hasText: "paused" }).count()).toBe(0);
		await expectCleanPage(sources, "sources desk after resume");
		await page.close();
	});

	it("Should refuse a form posted to the desk from another origin of the same site, though the cookie rides along", async () => {
		const target = `${room.desk}/admin/sources/${SOURCE.id}/pause`;
		feed.addPage(
			"/csrf",
			`<!doctype html><title>Elsewhere</title><form method="post" action="${target}"><button>Pause it</button></form>`,
		);
		const page = await admin.newPage();
		await page.goto(feed.pageUrl("/csrf"));
		const [answer] = await Promise.all([
			page.waitForResponse((r) => r.url() === target),
			page.getByRole("button", { name: "Pause it" }).click(),
		]);
		expect((await answer.request().allHeaders()).cookie).toContain("edgewire_session=");
		expect(answer.status()).toBe(403);
		const listed = (await (await ownerApi(room, "GET", "/api/sources")).json()) as {
			sources: { id: string; paused?: boolean }[];
		};
		expect(listed.sources.find((s) => s.id === SOURCE.id)?.paused ?? false).toBe(false);
		await page.close();
	});

	it.each([
		["source edit", "/admin/sources/quiet-wire"],
		["source rules", "/admin/sources/quiet-wire/rules"],
		["source delete", "/admin/sources/quiet-wire/delete"],
		["new source", "/admin/sources/new"],
		["OPML import", "/admin/sources/import"],
		["rules for every source", "/admin/sources/rules"],
		["review queue", "/admin/review"],
	])("Should render the %s page with no axe findings, CSP violations or console errors", async (name, path) => {
		const visited = await visitClean(admin, room, path, name);
		await visited.page.close();
	});
});

describe("the keyboard", () => {
	it("Should reach the desk's content and controls by keyboard alone, with focus shown", async () => {
		const list = await open(contributor, "/admin");
		const { page } = list;
		const focused = () =>
			page.evaluate(() => {
				const el = document.activeElement as HTMLElement | null;
				const style = el ? getComputedStyle(el) : null;
				return {
					text: el?.textContent?.trim() ?? "",
					id: el?.id ?? "",
					outline: style ? `${style.outlineStyle} ${style.outlineWidth}` : "",
				};
			});
		await page.keyboard.press("Tab");
		const skip = await focused();
		expect(skip.text).toBe("Skip to content");
		expect(skip.outline).not.toMatch(/^none/);
		await page.keyboard.press("Enter");
		await expect.poll(async () => (await focused()).id).toBe("main");
		// From the main column, the first control is the New article button.
		let reached = false;
		for (let i = 0; i < 5 && !reached; i++) {
			await page.keyboard.press("Tab");
			reached = (await focused()).text === "New article";
		}
		expect(reached).toBe(true);
		await page.keyboard.press("Enter");
		await page.waitForURL(/\/admin\/articles\/new$/);
		await page.getByLabel("Title").focus();
		await page.keyboard.type("Keyboard only");
		await page.keyboard.press("Tab");
		expect(await focused()).toMatchObject({ id: "slug" });
		expect(await page.getByLabel("Slug").inputValue()).toBe("keyboard-only");
		await page.close();
	});
});

describe("dark mode", () => {
	it("Should keep the desk's pages axe clean in dark mode", async () => {
		const dark = await signedInContext(room, browser, adminStaff, "dark");
		await dark.page.close();
		for (const path of [
			"/admin",
			"/admin/articles/new",
			"/admin/articles/harbour-cranes-return?compare=1",
			"/admin/review",
			"/admin/sources",
			"/admin/staff",
			"/admin/tokens",
			"/admin/passkeys",
			"/admin/audit",
		]) {
			const visited = await visitClean(dark.context, room, path, `${path} (dark)`);
			await visited.page.close();
		}
		await dark.context.close();
	});
});

describe("the scheduled story", () => {
	it("Should reach the site at its scheduled minute, and not before", { timeout: 200_000 }, async () => {
		const path = `/articles/${STORY.slug}`;
		let liveAt = 0;
		while (Date.now() < scheduledAt + 60_000) {
			const status = await publicStatus(path);
			if (status === 200) {
				liveAt = Date.now();
				break;
			}
			expect(status).toBe(404);
			await new Promise((r) => setTimeout(r, 1_000));
		}
		expect(liveAt, "the story never went live").toBeGreaterThan(0);
		// Not before its minute (one second for this poll's own round trip), and within that minute.
		expect(liveAt).toBeGreaterThanOrEqual(scheduledAt - 1_000);
		expect(liveAt).toBeLessThan(scheduledAt + 60_000);
		const page = await (await fetch(`${room.url}${path}`)).text();
		expect(page).toContain(STORY.title);
		expect(page).toContain("On sale at the quay.");
	});

	it("Should show its address once live, and let an editor unpublish it off the site", async () => {
		const edit = await open(editor, `/admin/articles/${STORY.slug}`);
		const { page } = edit;
		await expect.poll(() => page.locator(".page-head .badge").textContent()).toBe("Published");
		const live = page.locator("main p", { hasText: "Live at" });
		expect(await live.getByRole("link").getAttribute("href")).toMatch(new RegExp(`/articles/${STORY.slug}$`));
		await page.getByRole("button", { name: "Unpublish" }).click();
		await page.waitForURL(/\?saved=unpublish$/);
		await expect.poll(() => page.locator(".page-head .badge").textContent()).toBe("Draft");
		await expectCleanPage(edit, "editor after unpublish");
		await page.close();
		// Gone for readers once the site's short-lived copies expire.
		await expect.poll(() => publicStatus(`/articles/${STORY.slug}`), { timeout: 45_000, interval: 1_000 }).toBe(404);
	});
});
