/**
 * @module Test helper: parses a whole page with workerd's HTMLRewriter (a browser-grade tokenizer)
 * and lists live markup that could run code. Escaped text is not markup, so it never counts.
 */
const EMBEDDING = new Set(["iframe", "frame", "object", "embed", "applet", "base", "form"]);
const URL_ATTRIBUTES = new Set(["href", "src", "action", "formaction", "xlink:href", "poster"]);

export async function liveCodeFindings(page: string, marker = "alert"): Promise<string[]> {
	const findings: string[] = [];
	let inScript = false;
	const rewriter = new HTMLRewriter()
		.on("*", {
			element(element) {
				const tag = element.tagName.toLowerCase();
				// Our own search form (the masthead's) is allowed; any other form is injected markup.
				const ours = tag === "form" && element.getAttribute("action") === "/search";
				if (EMBEDDING.has(tag) && !ours) findings.push(`<${tag}>`);
				for (const [name = "", value = ""] of element.attributes) {
					if (name.toLowerCase().startsWith("on")) findings.push(`${tag}[${name}]`);
					if (URL_ATTRIBUTES.has(name.toLowerCase()) && /^\s*(javascript|data|vbscript):/i.test(value)) {
						findings.push(`${tag}[${name}=${value}]`);
					}
				}
			},
		})
		// Our own scripts are allowed; a script carrying the payload's marker is not.
		.on("script", {
			element(element) {
				inScript = true;
				if (element.getAttribute("src")) findings.push(`script[src=${element.getAttribute("src")}]`);
				element.onEndTag(() => {
					inScript = false;
				});
			},
			text(chunk) {
				if (inScript && chunk.text.includes(marker)) findings.push(`script containing ${marker}`);
			},
		});
	await rewriter.transform(new Response(page)).text();
	return findings;
}
