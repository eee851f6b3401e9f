/**
 * @module The new-stories notice's browser script: an open home or section page polls its list's
 * JSON once a minute and offers "3 new stories", which a click inserts at the top of the list.
 *
 * Built like the live-age script (src/age/live-script.ts): the function below, serialized with
 * `toString` and compacted, is the inline script, and its CSP hash is computed from that text
 * (src/views/csp.ts); like it, the function is self-contained and joins strings with `concat`, never
 * `+`, which a minifier may turn into a template literal compactScript refuses. It polls `?ages=false`, whose body and weak ETag change only when the list
 * does, with `If-None-Match`, so an unchanged list costs a 304 and no KV read when warm. It stops
 * while the tab is hidden. The count is announced politely (the box is an `aria-live` status).
 */
import { compactScript } from "../age/live-script";

/** The little of the DOM the script touches, typed here because the Worker has no DOM lib. */
type ElementLike = {
	hidden: boolean;
	textContent: string | null;
	className: string;
	getAttribute(name: string): string | null;
	setAttribute(name: string, value: string): void;
	querySelector(selector: string): ElementLike | null;
	append(...nodes: ElementLike[]): void;
	prepend(...nodes: ElementLike[]): void;
	addEventListener(type: string, listener: () => void): void;
	focus(): void;
};
type NoticeDocument = {
	hidden: boolean;
	querySelector(selector: string): ElementLike | null;
	querySelectorAll(selector: string): Iterable<ElementLike>;
	createElement(tag: string): ElementLike;
	addEventListener(type: string, listener: () => void): void;
	dispatchEvent(event: Event): boolean;
};
type Item = { url: string; title: string; section: string | null; publishedAt: string };
type Answer = { status: number; headers: { get(name: string): string | null }; json(): Promise<unknown> };
/** The window's fetch and timers, passed in so the tests can stand in for them. */
type NoticeWindow = {
	fetch(url: string, init: { headers: Record<string, string>; cache: "no-store" }): Promise<Answer>;
	setInterval(fn: () => void, ms: number): number;
	clearInterval(id: number | undefined): void;
};

/** Runs in the browser; `every` is the polling interval in ms. */
export function newStories(doc: NoticeDocument, every: number, win: NoticeWindow): void {
	const box = doc.querySelector("[data-new-stories]");
	const list = doc.querySelector("main ol.headlines");
	const button = box?.querySelector("button");
	const src = box?.getAttribute("data-src");
	if (!list || !button || !src) return;
	const known = new Set<string>();
	let newest = 0;
	for (const link of doc.querySelectorAll("main a[href^='/articles/']")) known.add(link.getAttribute("href") || "");
	for (const time of doc.querySelectorAll("main time[datetime]")) {
		newest = Math.max(newest, Date.parse(time.getAttribute("datetime") || "") || 0);
	}
	let etag = "";
	let fresh: Item[] = [];
	let timer: number | undefined;
	let last = Date.now();
	const poll = () => {
		last = Date.now();
		const headers: Record<string, string> = etag ? { "If-None-Match": etag } : {};
		win
			.fetch(src, { headers, cache: "no-store" })
			.then((response) => {
				if (response.status !== 200) return undefined;
				etag = response.headers.get("ETag") || "";
				return response.json().then((body) => {
					const items = (body as { headlines: Item[] }).headlines;
					fresh = items.filter((h) => !known.has(h.url) && Date.parse(h.publishedAt) > newest);
					if (fresh.length > 0) {
						button.textContent = fresh.length === 1 ? "1 new story" : String(fresh.length).concat(" new stories");
						button.hidden = false;
					}
				});
			})
			.catch(() => undefined);
	};
	const entry = (h: Item) => {
		const li = doc.createElement("li");
		const text = doc.createElement("div");
		const link = doc.createElement("a");
		const meta = doc.createElement("span");
		const time = doc.createElement("time");
		text.className = "text";
		meta.className = "meta";
		link.setAttribute("href", h.url);
		link.textContent = h.title;
		if (h.section) {
			const section = doc.createElement("span");
			section.className = "section";
			section.textContent = h.section.concat(" \u00b7 ");
			meta.append(section);
		}
		time.setAttribute("datetime", h.publishedAt);
		time.setAttribute("data-age", "");
		meta.append(time);
		text.append(link, meta);
		li.append(text);
		return li;
	};
	button.addEventListener("click", () => {
		for (const h of fresh.slice().reverse()) {
			list.prepend(entry(h));
			known.add(h.url);
			newest = Math.max(newest, Date.parse(h.publishedAt));
		}
		fresh = [];
		button.hidden = true;
		// The live-age script fills in the new ages (src/age/live-script.ts).
		doc.dispatchEvent(new Event("edgewire:ages"));
		const first = list.querySelector("a");
		if (first) first.focus();
	});
	const start = () => {
		if (timer === undefined) timer = win.setInterval(poll, every);
	};
	doc.addEventListener("visibilitychange", () => {
		if (doc.hidden) {
			win.clearInterval(timer);
			timer = undefined;
		} else {
			if (Date.now() - last >= every) poll();
			start();
		}
	});
	if (!doc.hidden) start();
}

/** How often an open page asks: a minute, the age scale's own step. */
export const POLL_MS = 60_000;

/** The script's text: what the page inlines and what the CSP hash covers. */
export const NEW_STORIES_SCRIPT = compactScript(`(${newStories.toString()})(document,${POLL_MS},window)`);
