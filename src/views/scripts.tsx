/**
 * @module The inline scripts a page may carry, and the only `raw()` besides article-body.tsx.
 * None emits reader-supplied markup: the age and new-stories scripts are our own code (their hashes
 * are in the CSP, csp.ts), and JSON-LD is JSON with every `<`, `>` and `&` escaped as `\u00XX`, so no
 * string inside it can close the element.
 */
import { raw } from "hono/html";
import { LIVE_AGE_SCRIPT } from "../age/live-script";
import { NEW_STORIES_SCRIPT } from "../notice/new-stories";

/** Keeps every `<time data-age>` current between requests (see age/live-script.ts). */
export function AgeScript() {
	return <script>{raw(LIVE_AGE_SCRIPT)}</script>;
}

/**
 * The new-stories notice (src/notice/new-stories.ts): an empty polite status until the list's JSON at
 * `src` shows newer stories, then a button that inserts them. It floats at the foot of the window
 * (styles.ts), so its appearing moves nothing on the page. Without JavaScript it stays empty.
 */
export function NewStoriesNotice({ src }: { src: string }) {
	return (
		<div class="new-stories" role="status" aria-live="polite" data-new-stories="" data-src={src}>
			<button type="button" class="new-stories-button" hidden />
		</div>
	);
}

/** The notice's script: placed after the list it reads and inserts into, which must exist when it runs. */
export function NewStoriesScript() {
	return <script>{raw(NEW_STORIES_SCRIPT)}</script>;
}

/** JSON safe inside `<script>`: also escapes U+2028/2029, which old parsers treat as line ends. */
export function scriptSafeJson(data: unknown): string {
	return JSON.stringify(data).replace(
		/[<>&\u2028\u2029]/g,
		(ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`,
	);
}

/** A schema.org block; data blocks aren't executed, so CSP `script-src` doesn't apply to them. */
export function JsonLd({ data }: { data: Record<string, unknown> }) {
	return <script type="application/ld+json">{raw(scriptSafeJson(data))}</script>;
}
