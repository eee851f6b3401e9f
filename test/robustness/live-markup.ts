/**
 * @module Test helper: finds every way a page or fragment could run code, by parsing it with
 * workerd's HTMLRewriter (lol-html, a browser-grade tokenizer), not by matching strings. Escaped
 * text is text, so it never counts; markup that survived does, wherever it hides.
 */
import { LIVE_AGE_SCRIPT } from "../../src/age/live-script";
import { NEW_STORIES_SCRIPT } from "../../src/notice/new-stories";
import { SITE_CSS } from "../../src/views/styles";

/** Elements that load or run something, or re-point the page, whatever their attributes. */
const DANGEROUS = new Set([
	"iframe",
	"frame",
	"frameset",
	"object",
	"embed",
	"applet",
	"base",
	"form",
	"input",
	"button",
	"textarea",
	"select",
	"bgsound",
	"portal",
	"xml",
	"import",
	// Raw-text and foreign-content elements: where tokenizers and tree builders disagree (mutation XSS).
	"svg",
	"math",
	"xmp",
	"plaintext",
	"noscript",
	"noembed",
	"noframes",
	"template",
]);

/** `<link rel>` values a page may carry: none of them loads code. */
const SAFE_LINK_RELS = new Set(["canonical", "icon", "alternate"]);

/** Named references that spell URL schemes in evasion payloads; numeric ones are decoded generically. */
const NAMED: Record<string, string> = {
	colon: ":",
	Tab: "\t",
	NewLine: "\n",
	lpar: "(",
	rpar: ")",
	sol: "/",
	amp: "&",
	quot: '"',
	apos: "'",
	lt: "<",
	gt: ">",
	nbsp: "\u00a0",
	period: ".",
	excl: "!",
};

/**
 * Attribute values as the browser sees them: HTMLRewriter hands them over raw, so character
 * references are decoded here (decimal and hex, with or without `;`, and the named ones above).
 */
function decode(value: string): string {
	return value
		.replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) =>
			String.fromCodePoint(Math.min(Number.parseInt(hex, 16), 0x10ffff)),
		)
		.replace(/&#(\d+);?/g, (_, dec: string) => String.fromCodePoint(Math.min(Number(dec), 0x10ffff)))
		.replace(/&([A-Za-z]+);/g, (whole, name: string) => NAMED[name] ?? whole);
}

/** Attributes whose value the browser loads or navigates to. */
const URL_ATTRIBUTES = new Set([
	"href",
	"src",
	"action",
	"formaction",
	"xlink:href",
	"poster",
	"background",
	"lowsrc",
	"dynsrc",
	"data",
	"code",
	"codebase",
	"srcset",
	"cite",
	"longdesc",
	"ping",
]);

/** As the URL parser sees a decoded value: C0 controls and spaces trimmed, tabs and newlines dropped anywhere. */
function scheme(value: string): string {
	// biome-ignore lint/suspicious/noControlCharactersInRegex: the URL Standard strips leading C0 controls and spaces.
	const cleaned = value.replace(/[\t\n\r]/g, "").replace(/^[\u0000-\u0020]+/, "");
	return /^([a-z][a-z0-9+.-]*):/i.exec(cleaned)?.[1]?.toLowerCase() ?? "";
}

export type LiveMarkupOptions = {
	/** Inline scripts whose exact text is ours (the live-age script): allowed on pages. */
	ownScripts?: readonly string[];
	/** Inline stylesheets whose exact text is ours. */
	ownStyles?: readonly string[];
	/** The site's own controls (the search forms, the new-stories button): allowed on pages. */
	ownSearchForms?: boolean;
};

/** Our search boxes, exactly: a `<search>` of ours holding a GET form to /search with one `q` field and a submit button. */
const OWN_SEARCH_CLASSES = new Set(["masthead-search", "search-again"]);
function isOwnSearchPart(tag: string, element: Element): boolean {
	if (tag === "form") return element.getAttribute("action") === "/search" && element.getAttribute("method") === "get";
	if (tag === "input") return element.getAttribute("name") === "q" && element.getAttribute("type") === "search";
	if (tag === "button") return element.getAttribute("type") === "submit";
	return false;
}

/** The new-stories notice's button, exactly: an empty `type=button` of ours inside its status box. */
function isOwnNoticeButton(tag: string, element: Element): boolean {
	return (
		tag === "button" &&
		element.getAttribute("type") === "button" &&
		element.getAttribute("class") === "new-stories-button"
	);
}

/** The site's own inline code, allowed on full pages. */
export const PAGE_ALLOWANCE: LiveMarkupOptions = {
	ownScripts: [LIVE_AGE_SCRIPT, NEW_STORIES_SCRIPT],
	ownStyles: [SITE_CSS],
	ownSearchForms: true,
};

/** Every finding, as `element[attribute=value]` strings; empty when nothing could run. */
export async function liveMarkup(html: string, options: LiveMarkupOptions = {}): Promise<string[]> {
	const findings: string[] = [];
	const ownScripts = new Set(options.ownScripts ?? []);
	const ownStyles = new Set(options.ownStyles ?? []);
	let inOwnSearch = 0;
	let inOwnNotice = 0;
	const rewriter = new HTMLRewriter()
		.on("div.new-stories", {
			element(element) {
				if (!options.ownSearchForms || element.getAttribute("data-new-stories") === null) return;
				inOwnNotice++;
				element.onEndTag(() => {
					inOwnNotice--;
				});
			},
		})
		.on("search", {
			element(element) {
				const ours = options.ownSearchForms && OWN_SEARCH_CLASSES.has(element.getAttribute("class") ?? "");
				if (!ours) return;
				inOwnSearch++;
				element.onEndTag(() => {
					inOwnSearch--;
				});
			},
		})
		.on("*", {
			element(element) {
				const tag = element.tagName.toLowerCase();
				const ownSearch =
					(inOwnSearch > 0 && isOwnSearchPart(tag, element)) || (inOwnNotice > 0 && isOwnNoticeButton(tag, element));
				if (DANGEROUS.has(tag) && !ownSearch) findings.push(`<${tag}>`);
				if (tag === "link" && !SAFE_LINK_RELS.has((element.getAttribute("rel") ?? "").toLowerCase().trim())) {
					findings.push(`link[rel=${element.getAttribute("rel")}]`);
				}
				for (const attribute of element.attributes) {
					const name = (attribute[0] ?? "").toLowerCase();
					const value = decode(attribute[1] ?? "");
					if (name.startsWith("on")) findings.push(`${tag}[${name}]`);
					// SVG animation can set an href to its `values`/`to`/`from`.
					const loads =
						URL_ATTRIBUTES.has(name) || (["values", "to", "from"].includes(name) && /^(animate|set)/.test(tag));
					if (loads && ["javascript", "vbscript", "data", "livescript"].includes(scheme(value))) {
						findings.push(`${tag}[${name}=${value}]`);
					}
					// Old engines ran CSS expressions and bindings; no style attribute of ours needs any of this.
					if (name === "style" && /expr|javascript|url\s*\(|\/\*|behavior|binding|@import/i.test(value)) {
						findings.push(`${tag}[style=${value}]`);
					}
					if (tag === "meta" && name === "http-equiv" && /refresh|set-cookie/i.test(value))
						findings.push("meta[http-equiv]");
				}
			},
		})
		.on("script", {
			element(element) {
				const type = (element.getAttribute("type") ?? "").toLowerCase();
				if (element.getAttribute("src") !== null) findings.push(`script[src=${element.getAttribute("src")}]`);
				let text = "";
				element.onEndTag(() => {
					if (type === "application/ld+json") {
						// Data, not code: but it must still be one JSON value, or the payload broke out of it.
						try {
							JSON.parse(text);
						} catch {
							findings.push(`script[type=ld+json] holding ${text.slice(0, 60)}`);
						}
					} else if (!ownScripts.has(text)) {
						findings.push(`<script> ${text.slice(0, 60)}`);
					}
				});
				// Text handlers run for the element's text chunks; collect them through a closure per element.
				pending.push((chunk: string) => {
					text += chunk;
				});
			},
			text(chunk) {
				pending.at(-1)?.(chunk.text);
			},
		})
		.on("style", {
			element(element) {
				let text = "";
				element.onEndTag(() => {
					if (!ownStyles.has(text)) findings.push(`<style> ${text.slice(0, 60)}`);
				});
				pendingStyle.push((chunk: string) => {
					text += chunk;
				});
			},
			text(chunk) {
				pendingStyle.at(-1)?.(chunk.text);
			},
		});
	const pending: ((chunk: string) => void)[] = [];
	const pendingStyle: ((chunk: string) => void)[] = [];
	await rewriter.transform(new Response(html)).text();
	return findings;
}
