/** @module Well-nested output for the sanitizer: the open-element stack, end tags, and the implied closings HTML applies. */

/** Output so far and the allowed elements still open, innermost last. */
export type Output = { out: string[]; open: string[] };

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

/** An end tag closes the nearest open element of its name and everything opened inside it; strays are dropped. */
export function closeElement(output: Output, name: string): void {
	const index = output.open.lastIndexOf(name);
	if (index === -1) return;
	for (let i = output.open.length - 1; i >= index; i--) output.out.push(`</${output.open[i]}>`);
	output.open.length = index;
}

export function closeImpliedElements(output: Output, name: string): void {
	if (CLOSES_P.has(name)) closeNearest(output, ["p"], P_SCOPE_BOUNDARY);
	const rule = CLOSES_SIBLING.get(name);
	if (rule !== undefined) closeNearest(output, rule.closes, rule.stopAt);
}

function closeNearest(output: Output, names: readonly string[], stopAt: readonly string[]): void {
	for (let i = output.open.length - 1; i >= 0; i--) {
		const open = output.open[i] ?? "";
		if (names.includes(open)) {
			closeElement(output, open);
			return;
		}
		if (stopAt.includes(open)) return;
	}
}
