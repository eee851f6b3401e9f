/** @module Well-nested output for the sanitizer: the open-element stack, end tags, and the implied closings HTML applies. */

/** Elements with no content and no end tag (WHATWG HTML, "void elements"): never pushed on the stack. */
export const VOID: ReadonlySet<string> = new Set(
	"area base br col embed hr img input link meta param source track wbr".split(" "),
);

/** Deeper content is flattened rather than nested, so hostile input cannot make the page's DOM arbitrarily deep. */
const MAX_DEPTH = 100;

/** Opening one of these closes an open <p> (WHATWG HTML, "close a p element"). */
const CLOSES_P: ReadonlySet<string> = new Set(
	"address article aside blockquote details div dl figcaption figure footer h1 h2 h3 h4 h5 h6 header hr li dd dt main nav ol p pre section summary table ul".split(
		" ",
	),
);
/** Opening the key closes an open element of the listed names, searching no further than its container. */
const CLOSES_SIBLING: ReadonlyMap<string, { closes: readonly string[]; stopAt: readonly string[] }> = new Map([
	["li", { closes: ["li"], stopAt: ["ul", "ol", "table"] }],
	["dt", { closes: ["dt", "dd"], stopAt: ["dl", "table"] }],
	["dd", { closes: ["dt", "dd"], stopAt: ["dl", "table"] }],
	["tr", { closes: ["tr", "td", "th"], stopAt: ["table"] }],
	["td", { closes: ["td", "th"], stopAt: ["tr", "table"] }],
	["th", { closes: ["td", "th"], stopAt: ["tr", "table"] }],
	["a", { closes: ["a"], stopAt: ["td", "th", "table"] }],
]);
const P_SCOPE_BOUNDARY = ["td", "th", "table", "caption"];

/**
 * Record a non-void element as open; returns the end tags HTML implies before it (`<p>` closes an open `<p>`),
 * or undefined when the element must be left out because the stack is at its limit.
 */
export function openElement(open: string[], name: string): string | undefined {
	if (open.length >= MAX_DEPTH) return undefined;
	let closings = "";
	if (CLOSES_P.has(name)) closings += closeNearest(open, ["p"], P_SCOPE_BOUNDARY);
	const rule = CLOSES_SIBLING.get(name);
	if (rule !== undefined) closings += closeNearest(open, rule.closes, rule.stopAt);
	open.push(name);
	return closings;
}

/** End tags for the nearest open element of `name` and everything opened inside it; "" for a stray end tag. */
export function closeElement(open: string[], name: string): string {
	const index = open.lastIndexOf(name);
	if (index === -1) return "";
	let closings = "";
	for (let i = open.length - 1; i >= index; i--) closings += `</${open[i]}>`;
	open.length = index;
	return closings;
}

/** End tags for everything still open, so the fragment cannot leave our page's elements unclosed. */
export function closeAll(open: string[]): string {
	let closings = "";
	for (let i = open.length - 1; i >= 0; i--) closings += `</${open[i]}>`;
	open.length = 0;
	return closings;
}

function closeNearest(open: string[], names: readonly string[], stopAt: readonly string[]): string {
	for (let i = open.length - 1; i >= 0; i--) {
		const name = open[i] ?? "";
		if (names.includes(name)) return closeElement(open, name);
		if (stopAt.includes(name)) return "";
	}
	return "";
}
