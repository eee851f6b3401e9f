/** @module Test helper: re-parse sanitized HTML with workerd's HTMLRewriter (a spec-following tokenizer) and list unsafe findings. */
import { decodeHTMLAttribute } from "entities";
import { cleanUrl } from "./urls";

const FORBIDDEN_ELEMENTS = new Set(
	"script style iframe frame object embed applet svg math form input button select textarea meta link base noscript template".split(
		" ",
	),
);
const FORBIDDEN_ATTRIBUTES = new Set(["style", "srcset", "formaction", "action", "background", "dynsrc", "lowsrc"]);
const URL_ATTRIBUTES = new Set(["href", "src", "cite", "xlink:href", "poster", "data"]);
const BAD_SCHEME = /^(?:javascript|data|vbscript|livescript):/i;

/** Everything unsafe the browser-grade tokenizer finds in `html`; empty means safe. */
export async function unsafeFindings(html: string): Promise<string[]> {
	const findings: string[] = [];
	const rewriter = new HTMLRewriter().on("*", {
		element(element) {
			const tag = element.tagName.toLowerCase();
			if (FORBIDDEN_ELEMENTS.has(tag)) findings.push(`element <${tag}>`);
			for (const [name = "", value = ""] of element.attributes) {
				if (name.startsWith("on")) findings.push(`event handler ${name}`);
				if (FORBIDDEN_ATTRIBUTES.has(name)) findings.push(`attribute ${name}`);
				if (URL_ATTRIBUTES.has(name) && BAD_SCHEME.test(cleanUrl(decodeHTMLAttribute(value)))) {
					findings.push(`unsafe URL ${name}=${value}`);
				}
			}
		},
	});
	await rewriter.transform(new Response(html)).text();
	return findings;
}
