/**
 * @module The live-age browser script, built once per isolate from `scale.ts`.
 *
 * How it is derived, and why this way: the script is `liveAges` below called with the source
 * text of `scaleWords` (via `Function.prototype.toString`) and the scale table and date format
 * as JSON. Nothing about the scale is written twice: a change to `scale.ts` changes the script,
 * and its CSP hash, on the next deploy. An esbuild step would have needed a build hook that
 * wrangler.toml doesn't have, plus a committed generated file that could drift. The price of
 * toString is that both serialized functions must stay self-contained (no free variables, no
 * nested named functions a bundler could wrap with a helper); the e2e suite runs the script
 * that `wrangler dev` actually serves in Chromium, and against `ageLabel` in Node, to prove it.
 */
import { DATE_FORMAT, SCALE, scaleWords } from "./scale";

/** The little of the DOM the script touches, typed here because the Worker has no DOM lib. */
type TimeLike = { dateTime: string; textContent: string | null };
type DocumentLike = {
	documentElement: { dataset: Record<string, string | undefined> };
	querySelectorAll(selector: string): Iterable<TimeLike>;
	addEventListener(type: string, listener: () => void): void;
};

/**
 * Runs in the browser: once a minute, and when asked by an `edgewire:ages` event, rewrites every
 * `<time data-age>` whose words changed.
 * The server's text stands until then (and for good without JavaScript). Uses the reader's
 * clock, like every relative-time widget; the site time zone comes from `<html data-tz>`.
 */
export function liveAges(
	doc: DocumentLike,
	words: typeof scaleWords,
	rows: readonly (readonly [number, number, string])[],
	date: typeof DATE_FORMAT,
): void {
	const scale = rows.map(([below, unit, text]) => ({ below, unit, text }));
	const format = new Intl.DateTimeFormat(date.locale, { ...date.options, timeZone: doc.documentElement.dataset.tz });
	const tick = () => {
		const now = Date.now();
		for (const time of doc.querySelectorAll("time[data-age]")) {
			const then = Date.parse(time.dateTime);
			if (then > 0) {
				const text = words(scale, now - then) || format.format(then);
				if (time.textContent !== text) time.textContent = text;
			}
		}
	};
	setInterval(tick, 60_000);
	// The new-stories notice asks for ages of the headlines it inserts (src/notice/new-stories.ts).
	doc.addEventListener("edgewire:ages", tick);
}

/**
 * Strips comments and every whitespace run a JavaScript tokenizer doesn't need; string
 * literals pass through untouched. Enough for the two functions above (no regex or template
 * literals: it refuses a backtick rather than guess).
 */
export function compactScript(source: string): string {
	let out = "";
	let i = 0;
	const word = /[\w$]/;
	while (i < source.length) {
		const ch = source[i]!;
		if (ch === "`") throw new Error("compactScript: template literals are not supported");
		if (ch === '"' || ch === "'") {
			let j = i + 1;
			while (j < source.length && source[j] !== ch) j += source[j] === "\\" ? 2 : 1;
			out += source.slice(i, j + 1);
			i = j + 1;
		} else if (source.startsWith("//", i)) {
			while (i < source.length && source[i] !== "\n") i++;
		} else if (source.startsWith("/*", i)) {
			const end = source.indexOf("*/", i + 2);
			if (end < 0) throw new Error("compactScript: unterminated comment");
			i = end + 2;
		} else if (/\s/.test(ch)) {
			while (i < source.length && /\s/.test(source[i]!)) i++;
			const before = out[out.length - 1] ?? "";
			const after = source[i] ?? "";
			if (word.test(before) && word.test(after)) out += " ";
			else if ((before === "+" || before === "-") && before === after) out += " ";
		} else {
			out += ch;
			i++;
		}
	}
	return out;
}

/** `6e4` rather than `60000`: the shortest literal for a whole number. */
function shortNumber(n: number): string {
	const plain = String(n);
	const zeros = /0+$/.exec(plain)?.[0].length ?? 0;
	return zeros > 2 ? `${plain.slice(0, -zeros)}e${zeros}` : plain;
}

/** The scale as rows of `[below, unit, text]`: the same data as `SCALE`, in fewer bytes. */
function scaleRows(): string {
	return `[${SCALE.map((s) => `[${shortNumber(s.below)},${shortNumber(s.unit)},${JSON.stringify(s.text)}]`).join(",")}]`;
}

/** The script's text: what the page inlines and what the CSP hash covers. */
export const LIVE_AGE_SCRIPT = compactScript(
	`(${liveAges.toString()})(document,${scaleWords.toString()},${scaleRows()},${JSON.stringify(DATE_FORMAT)})`,
);
