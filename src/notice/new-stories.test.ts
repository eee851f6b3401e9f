// The new-stories script's logic over a small fake DOM: polls once a minute with the last ETag, counts
// only stories newer than the page's, pauses while the tab is hidden, and inserts on a click.
// (In Chromium against the real server: e2e/reader-paths.e2e.test.ts.)
import { afterEach, describe, expect, it, vi } from "vitest";
import { NEW_STORIES_SCRIPT, newStories, POLL_MS } from "./new-stories";

type FakeElement = {
	tag: string;
	hidden: boolean;
	textContent: string | null;
	className: string;
	attributes: Map<string, string>;
	children: FakeElement[];
	listeners: Map<string, () => void>;
	getAttribute(name: string): string | null;
	setAttribute(name: string, value: string): void;
	querySelector(selector: string): FakeElement | null;
	append(...nodes: FakeElement[]): void;
	prepend(...nodes: FakeElement[]): void;
	addEventListener(type: string, listener: () => void): void;
	focus(): void;
};

function element(tag: string, attributes: Record<string, string> = {}): FakeElement {
	const el: FakeElement = {
		tag,
		hidden: false,
		textContent: null,
		className: "",
		attributes: new Map(Object.entries(attributes)),
		children: [],
		listeners: new Map(),
		getAttribute: (name) => el.attributes.get(name) ?? null,
		setAttribute: (name, value) => el.attributes.set(name, value),
		// Only bare tag names (`a`, `button`): all the script asks of an element.
		querySelector: (selector) => descendants(el).find((d) => d.tag === selector) ?? null,
		append: (...nodes) => el.children.push(...nodes),
		prepend: (...nodes) => el.children.unshift(...nodes),
		addEventListener: (type, listener) => el.listeners.set(type, listener),
		focus: () => {
			focused = el;
		},
	};
	return el;
}

function descendants(el: FakeElement): FakeElement[] {
	return el.children.flatMap((c) => [c, ...descendants(c)]);
}

let focused: FakeElement | undefined;

/** A home page showing one story published at `shownAt`, with the notice's box. */
function page(shownAt: string) {
	const button = element("button");
	button.hidden = true;
	const box = element("div", { "data-src": "/api/headlines?limit=30&ages=false" });
	box.children.push(button);
	const link = element("a", { href: "/articles/shown" });
	const time = element("time", { datetime: shownAt });
	const list = element("ol");
	list.children.push(link, time);
	const docListeners = new Map<string, () => void>();
	const events: string[] = [];
	const doc = {
		hidden: false,
		querySelector: (selector: string) =>
			selector === "[data-new-stories]" ? box : selector === "main ol.headlines" ? list : null,
		querySelectorAll: (selector: string) =>
			selector.includes("a[href") ? [link] : selector.includes("time[datetime]") ? [time] : [],
		createElement: (tag: string) => element(tag),
		addEventListener: (type: string, listener: () => void) => docListeners.set(type, listener),
		dispatchEvent: (event: Event) => {
			events.push(event.type);
			return true;
		},
	};
	return { doc, box, button, list, docListeners, events };
}

type Answer = { status: number; etag?: string; headlines?: object[] };

/** A fake fetch answering from `answers` in turn, recording each request's If-None-Match. */
function upstream(answers: Answer[]) {
	const asked: (string | undefined)[] = [];
	const fetch = vi.fn(async (_url: string, init: { headers: Record<string, string> }) => {
		asked.push(init.headers["If-None-Match"]);
		const answer = answers.shift() ?? { status: 304 };
		return {
			status: answer.status,
			headers: { get: (name: string) => (name === "ETag" ? (answer.etag ?? null) : null) },
			json: async () => ({ headlines: answer.headlines ?? [] }),
		};
	});
	const win = {
		fetch,
		setInterval: (fn: () => void, ms: number) => setInterval(fn, ms) as unknown as number,
		clearInterval: (id: number | undefined) => clearInterval(id),
	};
	return { fetch, asked, win };
}

const story = (slug: string, publishedAt: string, section: string | null = "World") => ({
	slug,
	url: `/articles/${slug}`,
	title: `Story ${slug}`,
	section,
	publishedAt,
});

/** Lets the fake fetch's promise chain run. */
async function flush(): Promise<void> {
	for (let i = 0; i < 5; i++) await Promise.resolve();
}

afterEach(() => {
	vi.useRealTimers();
	focused = undefined;
});

describe("newStories", () => {
	it("Should poll once a minute with the last ETag and count only stories newer than the page's", async () => {
		vi.useFakeTimers();
		const { doc, button } = page("2026-12-04T10:00:00Z");
		const { fetch, asked, win } = upstream([
			{ status: 200, etag: 'W/"a"', headlines: [story("shown", "2026-12-04T10:00:00Z")] },
			{ status: 304 },
			{
				status: 200,
				etag: 'W/"b"',
				headlines: [
					story("new-1", "2026-12-04T10:05:00Z"),
					story("new-2", "2026-12-04T10:04:00Z"),
					story("shown", "2026-12-04T10:00:00Z"),
					// Backdated into the list: not a new story for this page.
					story("backdated", "2026-12-04T09:00:00Z"),
				],
			},
		]);
		newStories(doc as never, POLL_MS, win as never);
		expect(fetch).not.toHaveBeenCalled();
		await vi.advanceTimersByTimeAsync(POLL_MS);
		await flush();
		expect(button.hidden).toBe(true);
		await vi.advanceTimersByTimeAsync(POLL_MS);
		await vi.advanceTimersByTimeAsync(POLL_MS);
		await flush();
		expect(asked).toEqual([undefined, 'W/"a"', 'W/"a"']);
		expect(button.hidden).toBe(false);
		expect(button.textContent).toBe("2 new stories");
	});

	it("Should insert the new stories at the top on a click, newest first, ask for their ages and focus the first", async () => {
		vi.useFakeTimers();
		const { doc, button, list, events } = page("2026-12-04T10:00:00Z");
		const { win } = upstream([
			{
				status: 200,
				etag: 'W/"b"',
				headlines: [story("new-1", "2026-12-04T10:05:00Z"), story("new-2", "2026-12-04T10:04:00Z", null)],
			},
		]);
		newStories(doc as never, POLL_MS, win as never);
		await vi.advanceTimersByTimeAsync(POLL_MS);
		await flush();
		button.listeners.get("click")?.();
		const links = descendants(list).filter((d) => d.tag === "a");
		expect(links.map((a) => a.getAttribute("href"))).toEqual(["/articles/new-1", "/articles/new-2", "/articles/shown"]);
		expect(links[0]?.textContent).toBe("Story new-1");
		const times = descendants(list).filter((d) => d.tag === "time" && d.attributes.has("data-age"));
		expect(times.map((t) => t.getAttribute("datetime"))).toEqual(["2026-12-04T10:05:00Z", "2026-12-04T10:04:00Z"]);
		expect(
			descendants(list)
				.filter((d) => d.className === "section")
				.map((s) => s.textContent),
		).toEqual(["World · "]);
		expect(button.hidden).toBe(true);
		expect(events).toEqual(["edgewire:ages"]);
		expect(focused).toBe(links[0]);
	});

	it("Should say 1 new story in the singular", async () => {
		vi.useFakeTimers();
		const { doc, button } = page("2026-12-04T10:00:00Z");
		const { win } = upstream([{ status: 200, etag: 'W/"c"', headlines: [story("only", "2026-12-04T10:01:00Z")] }]);
		newStories(doc as never, POLL_MS, win as never);
		await vi.advanceTimersByTimeAsync(POLL_MS);
		await flush();
		expect(button.textContent).toBe("1 new story");
	});

	it("Should not poll while the tab is hidden, and poll at once on its return when a minute has passed", async () => {
		vi.useFakeTimers();
		const { doc, docListeners } = page("2026-12-04T10:00:00Z");
		const { fetch, win } = upstream([]);
		newStories(doc as never, POLL_MS, win as never);
		doc.hidden = true;
		docListeners.get("visibilitychange")?.();
		await vi.advanceTimersByTimeAsync(10 * POLL_MS);
		expect(fetch).not.toHaveBeenCalled();
		doc.hidden = false;
		docListeners.get("visibilitychange")?.();
		expect(fetch).toHaveBeenCalledTimes(1);
		await vi.advanceTimersByTimeAsync(POLL_MS);
		expect(fetch).toHaveBeenCalledTimes(2);
	});

	it("Should be inert on a page without the notice's box", () => {
		const { doc } = page("2026-12-04T10:00:00Z");
		const bare = { ...doc, querySelector: () => null };
		expect(() => newStories(bare as never, POLL_MS, upstream([]).win as never)).not.toThrow();
	});
});

describe("NEW_STORIES_SCRIPT", () => {
	it("Should be the function itself, called with the minute, and safe to inline", () => {
		expect(NEW_STORIES_SCRIPT.endsWith("(document,60000,window)")).toBe(true);
		expect(NEW_STORIES_SCRIPT).toContain("If-None-Match");
		expect(NEW_STORIES_SCRIPT).not.toMatch(/<\/|<!--/);
		expect(new TextEncoder().encode(NEW_STORIES_SCRIPT).byteLength).toBeLessThan(3 * 1024);
	});
});
