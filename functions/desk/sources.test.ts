// The sources desk and the review queue page through the real Worker, signed in by a session
// cookie as the newsroom's own pages are: roles (admin for sources, editor for review), the
// form posts and their redirects with a flash message, and the cross-origin refusal.
import { describe, expect, it } from "vitest";
import { builders } from "../../test/fixtures/feeds";
import { adminHeaders, ORIGIN, request } from "../../test/helpers";
import { articlesFrom, putSources, runRefresh, sourceState, storedSources } from "../../test/refresh-helpers";
import { signInAs } from "../../test/staff";
import { feed, useUpstream } from "../../test/upstream";

const upstream = useUpstream();
const { rss, pubDate } = builders;

function serve(host: string, count = 4): string {
	const url = `https://${host}/rss`;
	const items = Array.from({ length: count }, (_, i) => ({
		guid: `${host}-${i}`,
		title: `Story ${i} from ${host}`,
		link: `https://${host}/${i}`,
		pubDate: pubDate(10 + i),
	}));
	upstream.on(url, feed(rss(host, `https://${host}/`, items), "application/rss+xml"));
	return url;
}

/** A page as a signed-in browser gets it. */
function page(path: string, cookie: string): Promise<Response> {
	return request(path, { headers: { cookie }, redirect: "manual" });
}

/** A form post from the desk's own page: same origin, urlencoded, not following the redirect. */
function post(path: string, cookie: string, fields: Record<string, string> = {}, origin = ORIGIN): Promise<Response> {
	return request(path, {
		method: "POST",
		headers: { cookie, origin, "content-type": "application/x-www-form-urlencoded" },
		body: new URLSearchParams(fields).toString(),
		redirect: "manual",
	});
}

/** Follows a 303 the way a browser does: the flash cookie rides along to the next page. */
async function follow(response: Response, cookie: string): Promise<{ status: number; html: string }> {
	expect(response.status, await response.clone().text()).toBe(303);
	const flash = response.headers
		.getSetCookie()
		.find((c) => c.startsWith("edgewire_flash="))
		?.split(";")[0];
	const next = await page(response.headers.get("location") ?? "", flash ? `${cookie}; ${flash}` : cookie);
	return { status: next.status, html: await next.text() };
}

/** Text of the page without tags, entities decoded enough for assertions. */
function words(html: string): string {
	return html
		.replace(/<[^>]+>/g, " ")
		.replace(/&#39;|&#x27;/g, "'")
		.replace(/&quot;/g, '"')
		.replace(/&amp;/g, "&")
		.replace(/\s+/g, " ");
}

describe("the sources desk's roles", () => {
	it("Should show /admin/sources to an admin, 403 to an editor, and send a visitor to sign in", async () => {
		const admin = await signInAs("admin");
		const editor = await signInAs("editor");
		expect((await page("/admin/sources", admin.cookie)).status).toBe(200);
		const refused = await page("/admin/sources", editor.cookie);
		expect(refused.status).toBe(403);
		expect(await refused.text()).toContain("Not allowed");
		expect((await post("/admin/sources/new", editor.cookie, { url: "https://x.example/", name: "X" })).status).toBe(
			403,
		);
		const visitor = await request("/admin/sources", { redirect: "manual" });
		expect(visitor.status).toBe(302);
		expect(visitor.headers.get("location")).toBe("/admin/sign-in");
	});

	it("Should show /admin/review to an editor and 403 to a contributor", async () => {
		const editor = await signInAs("editor");
		const contributor = await signInAs("contributor");
		const queue = await page("/admin/review", editor.cookie);
		expect(queue.status).toBe(200);
		expect(words(await queue.text())).toContain("Nothing is waiting for review.");
		expect((await page("/admin/review", contributor.cookie)).status).toBe(403);
		expect((await post("/admin/review/1/approve", contributor.cookie)).status).toBe(403);
	});

	it("Should refuse a form post from another origin with 403, changing nothing", async () => {
		const admin = await signInAs("admin");
		await putSources([{ id: "steady", url: "https://steady.example/rss", name: "Steady" }]);
		const forged = await post("/admin/sources/steady/pause", admin.cookie, {}, "https://evil.example");
		expect(forged.status).toBe(403);
		expect((await sourceState("steady")).paused).toBeUndefined();
	});
});

describe("the sources list", () => {
	it("Should show each source's health in words, its next due time, items, failures and last runs", async () => {
		const admin = await signInAs("admin");
		const goodUrl = serve("good.example");
		upstream.on("https://broken.example/rss", () => new Response("no", { status: 404, statusText: "Not Found" }));
		await putSources([
			{ id: "good", url: goodUrl, name: "Good Gazette" },
			{ id: "broken", url: "https://broken.example/rss", name: "Broken Bulletin", section: "Local" },
		]);
		await runRefresh();
		const html = await (await page("/admin/sources", admin.cookie)).text();
		const text = words(html);
		expect(text).toContain("Good Gazette");
		expect(text).toContain("Fetched (200 OK)");
		expect(text).toContain("The server answered 404 Not Found (the feed is not at this address any more)");
		expect(text).not.toContain("fetch.http_404");
		expect(text).toContain("Section: Local");
		// The run marks: a text alternative per run.
		expect(html).toContain('class="run-marks"');
		expect(text).toMatch(/failed, the server answered 404 Not Found/);
		expect(text).toMatch(/fetched \(200 OK\), 4 new of 4/);
		// Every action is a form or a link.
		expect(html).toContain('action="/admin/sources/good/pause"');
		expect(html).toContain('action="/admin/sources/good/refresh"');
		expect(html).toContain('href="/admin/sources/good/delete"');
		expect(html).not.toMatch(/<script(?![^>]*src=)/);
	});

	it("Should show 50 sources a page, with links between pages", async () => {
		const admin = await signInAs("admin");
		await putSources(
			Array.from({ length: 120 }, (_, i) => ({ id: `s${i}`, url: `https://s${i}.example/rss`, name: `Source ${i}` })),
		);
		const first = await (await page("/admin/sources", admin.cookie)).text();
		expect(first.match(/<tr id="source-/g)).toHaveLength(50);
		expect(words(first)).toContain("120 sources, page 1 of 3");
		expect(first).toContain('href="/admin/sources?page=2"');
		const last = await (await page("/admin/sources?page=3", admin.cookie)).text();
		expect(last.match(/<tr id="source-/g)).toHaveLength(20);
		expect(last).toContain('id="source-s119"');
		expect((await page("/admin/sources?page=4", admin.cookie)).status).toBe(404);
		expect((await page("/admin/sources?page=zero", admin.cookie)).status).toBe(400);
	});

	it("Should pause and resume a source by its buttons, and the next refresh follows", async () => {
		const admin = await signInAs("admin");
		const url = serve("toggle.example");
		await putSources([{ id: "toggle", url, name: "Toggle Times" }]);

		const paused = await follow(await post("/admin/sources/toggle/pause", admin.cookie), admin.cookie);
		expect(words(paused.html)).toContain("Paused Toggle Times: it is not fetched until you resume it.");
		expect(paused.html).toContain('action="/admin/sources/toggle/resume"');
		expect((await runRefresh("?force=true")).skippedBy.paused).toEqual(["toggle"]);
		expect(upstream.requestsTo(url)).toEqual([]);

		const resumed = await follow(await post("/admin/sources/toggle/resume", admin.cookie), admin.cookie);
		expect(words(resumed.html)).toContain("Resumed Toggle Times");
		await runRefresh();
		expect(upstream.requestsTo(url)).toHaveLength(1);
	});

	it("Should refresh one source now and show the run's summary in words, once", async () => {
		const admin = await signInAs("admin");
		const url = serve("now.example", 3);
		await putSources([{ id: "now", url, name: "Now News" }]);
		const shown = await follow(await post("/admin/sources/now/refresh", admin.cookie), admin.cookie);
		const text = words(shown.html);
		expect(text).toContain("Refreshed 1 source: 3 new stories.");
		expect(text).toContain("Now News: 3 new stories.");
		// The flash is read once: the next visit shows no message.
		expect(words(await (await page("/admin/sources", admin.cookie)).text())).not.toContain("Refreshed 1 source");

		// Again at once: not due, but refresh now fetches it all the same.
		const again = await follow(await post("/admin/sources/now/refresh", admin.cookie), admin.cookie);
		expect(words(again.html)).toContain("Now News: fetched, nothing new.");
		expect(upstream.requestsTo(url)).toHaveLength(2);
	});
});

describe("adding, editing and deleting a source", () => {
	it("Should add a source from the form and show errors beside their fields", async () => {
		const admin = await signInAs("admin");
		await putSources([]);
		const bad = await post("/admin/sources/new", admin.cookie, { url: "not a url", name: "", itemsPerRun: "500" });
		expect(bad.status).toBe(400);
		const html = await bad.text();
		expect(html).toMatch(/id="source-url"[^>]*aria-invalid="true"/);
		expect(html).toContain('id="source-url-error"');
		expect(html).toContain('id="source-items-error"');
		expect(html).toContain('id="source-name-error"');

		const added = await follow(
			await post("/admin/sources/new", admin.cookie, {
				url: "https://pier.example/rss",
				name: "Pier Post",
				section: "Local",
				review: "on",
			}),
			admin.cookie,
		);
		expect(words(added.html)).toContain("Added Pier Post (pier-post)");
		expect((await sourceState("pier-post")).review).toBe(true);

		const duplicate = await post("/admin/sources/new", admin.cookie, {
			url: "https://pier.example/rss",
			name: "Again",
		});
		expect(duplicate.status).toBe(409);
		expect(await duplicate.text()).toContain('id="source-url-error"');
	});

	it("Should save the edit form, clearing an emptied section, and keep the health", async () => {
		const admin = await signInAs("admin");
		await putSources([{ id: "edit", url: "https://edit.example/rss", name: "Edit", section: "World", itemsPerRun: 5 }]);
		const form = await (await page("/admin/sources/edit", admin.cookie)).text();
		expect(form).toContain('value="World"');
		const saved = await follow(
			await post("/admin/sources/edit", admin.cookie, { name: "Edited", section: "", itemsPerRun: "7" }),
			admin.cookie,
		);
		expect(words(saved.html)).toContain("Saved Edited.");
		const state = await sourceState("edit");
		expect(state).toMatchObject({ name: "Edited", itemsPerRun: 7, paused: false, review: false });
		expect(state.section).toBeUndefined();
		expect((await page("/admin/sources/nobody", admin.cookie)).status).toBe(404);
	});

	it("Should ask before deleting, and keep or remove the source's stories as chosen", async () => {
		const admin = await signInAs("admin");
		await putSources([
			{ id: "keep-me", url: serve("keep.example"), name: "Keep" },
			{ id: "drop-me", url: serve("drop.example"), name: "Drop" },
		]);
		await runRefresh();
		const confirm = words(await (await page("/admin/sources/drop-me/delete", admin.cookie)).text());
		expect(confirm).toContain("The site holds 4 stories from it.");
		expect(confirm).toContain("Keep its stories on the site");

		const kept = await follow(
			await post("/admin/sources/keep-me/delete", admin.cookie, { articles: "keep" }),
			admin.cookie,
		);
		expect(words(kept.html)).toContain("Its stories stay on the site.");
		expect(await articlesFrom("keep-me")).toHaveLength(4);

		const dropped = await follow(
			await post("/admin/sources/drop-me/delete", admin.cookie, { articles: "remove" }),
			admin.cookie,
		);
		expect(words(dropped.html)).toContain("4 stories from it removed from the site.");
		expect(await articlesFrom("drop-me")).toEqual([]);
		expect((await storedSources()).sources).toEqual([]);

		// Each change is in the audit log, under the person and their session, with what it did.
		const audit = (await (await request("/api/audit?limit=5", { headers: adminHeaders() })).json()) as {
			entries: { method: string; path: string; status: number; detail?: string; actor: unknown; via: unknown }[];
		};
		const entry = audit.entries.find((e) => e.path === "/admin/sources/drop-me/delete");
		expect(entry).toMatchObject({
			method: "POST",
			status: 303,
			detail: "removed source drop-me (articles: remove, 4 deleted)",
		});
		expect(JSON.stringify(entry)).toContain(admin.name);
	});
});

describe("a moved feed", () => {
	it("Should say where the feed moved and switch the source to it with one button", async () => {
		const admin = await signInAs("admin");
		const old = "https://moving.example/rss";
		const moved = "https://moving.example/new/feed.xml";
		const html = `<!doctype html><html><head><title>We moved</title><link rel="alternate" type="application/rss+xml" title="New" href="/new/feed.xml"></head><body>New site</body></html>`;
		upstream.on(old, feed(html, "text/html"));
		upstream.on(moved, feed(rss("moving.example", "https://moving.example/", []), "application/rss+xml"));
		await putSources([{ id: "moving", url: old, name: "Moving Mercury" }]);
		await runRefresh();
		const listed = words(await (await page("/admin/sources", admin.cookie)).text());
		expect(listed).toContain(`the site now serves its feed at ${moved}`);
		expect(listed).toContain("Use the new address for Moving Mercury");

		const switched = await follow(await post("/admin/sources/moving/move", admin.cookie), admin.cookie);
		expect(words(switched.html)).toContain(`Moving Mercury now reads ${moved}`);
		const state = await sourceState("moving");
		expect(state).toMatchObject({ url: moved, lastFetchedAt: null, consecutiveFailures: 0 });
		expect(state.movedTo).toBeUndefined();
		// Nothing on record to move to any more.
		expect((await post("/admin/sources/moving/move", admin.cookie)).status).toBe(409);
	});
});

describe("a source whose stories outlive it", () => {
	// Many refreshes and deletes: more than the default 5 s on a busy machine.
	it("Should offer to remove the rest of a deleted source's stories, and remove them", {
		timeout: 30_000,
	}, async () => {
		const admin = await signInAs("admin");
		let batch = 0;
		const url = "https://many.example/rss";
		upstream.on(url, () => {
			const items = Array.from({ length: 30 }, (_, i) => {
				const n = batch * 30 + i;
				return { guid: `many-${n}`, title: `Many ${n}`, link: `https://many.example/${n}`, pubDate: pubDate(n) };
			});
			batch++;
			return new Response(rss("many.example", "https://many.example/", items), {
				headers: { "content-type": "application/rss+xml" },
			});
		});
		await putSources([{ id: "many", url, name: "Many" }]);
		for (let run = 0; run < 4; run++) await runRefresh("?source=many");
		// The API's first step removes the source and 100 of its 120 stories.
		const step = await request("/api/sources/many?articles=remove", { method: "DELETE", headers: adminHeaders() });
		expect(await step.json()).toMatchObject({ removed: 100, remaining: 20 });

		const offer = words(await (await page("/admin/sources/many/delete", admin.cookie)).text());
		expect(offer).toContain("The source many is deleted, and 20 stories from it are still on the site.");
		const done = await follow(
			await post("/admin/sources/many/delete", admin.cookie, { articles: "remove" }),
			admin.cookie,
		);
		expect(words(done.html)).toContain("20 stories from it removed from the site.");
		expect(await articlesFrom("many")).toEqual([]);
		expect((await page("/admin/sources/many/delete", admin.cookie)).status).toBe(404);
	});
});

describe("OPML, rules and review on the desk", () => {
	it("Should import an uploaded OPML file and show a result per feed", async () => {
		const admin = await signInAs("admin");
		await putSources([{ id: "known", url: "https://known.example/rss", name: "Known" }]);
		const opml = `<?xml version="1.0"?><opml version="2.0"><head><title>t</title></head><body>
			<outline type="rss" text="Known" xmlUrl="https://known.example/rss"/>
			<outline type="rss" text="Fresh Feed" xmlUrl="https://fresh.example/rss"/></body></opml>`;
		const body = new FormData();
		body.set("file", new File([opml], "feeds.opml", { type: "application/octet-stream" }));
		const response = await request("/admin/sources/import", {
			method: "POST",
			headers: { cookie: admin.cookie, origin: ORIGIN },
			body,
		});
		expect(response.status).toBe(200);
		const text = words(await response.text());
		expect(text).toContain("1 added, 1 already sources, 0 not added.");
		expect((await storedSources()).sources.map((s) => s.id)).toEqual(["known", "fresh-feed"]);
	});

	it("Should save rules from the textarea, name a bad line, and test them against the last items", async () => {
		const admin = await signInAs("admin");
		await putSources([{ id: "ruled", url: serve("ruled.example"), name: "Ruled" }]);
		await runRefresh();
		const bad = await post("/admin/sources/ruled/rules", admin.cookie, {
			rules: "block title phrase ok\nblock colour phrase x",
		});
		expect(bad.status).toBe(400);
		expect(words(await bad.text())).toContain("line 2: the field must be one of");

		const tested = await post("/admin/sources/ruled/rules/test", admin.cookie, { rules: "block title phrase Story 1" });
		expect(tested.status).toBe(200);
		const result = words(await tested.text());
		expect(result).toContain("3 would be published, 1 blocked, 0 held. Nothing was saved.");

		const saved = await follow(
			await post("/admin/sources/ruled/rules", admin.cookie, {
				rules: "# no sponsored posts\nblock title phrase sponsored",
			}),
			admin.cookie,
		);
		expect(words(saved.html)).toContain("Ruled's rules are saved (1).");
		expect(saved.html).toContain("block title phrase sponsored");
	});

	it("Should list held items on /admin/review and approve or reject them by their buttons", async () => {
		const editor = await signInAs("editor");
		await putSources([{ id: "held", url: serve("held.example", 2), name: "Held Herald", review: true }]);
		await runRefresh();
		const queue = await (await page("/admin/review", editor.cookie)).text();
		expect(words(queue)).toContain("its source holds new items for review");
		const ids = [...queue.matchAll(/action="\/admin\/review\/(\d+)\/approve"/g)].map((m) => m[1] as string);
		expect(ids).toHaveLength(2);

		const approved = await follow(await post(`/admin/review/${ids[0]}/approve`, editor.cookie), editor.cookie);
		expect(words(approved.html)).toMatch(/Approved: it is live at \/articles\//);
		const rejected = await follow(await post(`/admin/review/${ids[1]}/reject`, editor.cookie), editor.cookie);
		expect(words(rejected.html)).toContain("Rejected: it is taken down");
		expect(words(rejected.html)).toContain("Nothing is waiting for review.");
		expect(await articlesFrom("held")).toHaveLength(1);
	});
});
