/**
 * @module `npm run check:config`: the reader's and the desk's wrangler files carry the same [vars],
 * byte for byte (both Workers read the site's settings and the refresh policy), and the same KV id.
 */
import { readFileSync } from "node:fs";

function section(text: string, header: string): string {
	const at = text.indexOf(`\n${header}\n`);
	if (at === -1) throw new Error(`no ${header} section`);
	const rest = text.slice(at + header.length + 2);
	const next = rest.search(/^\[/m);
	return next === -1 ? rest : rest.slice(0, next);
}

const reader = readFileSync("wrangler.toml", "utf8");
const desk = readFileSync("wrangler.desk.toml", "utf8");
const problems: string[] = [];
if (section(reader, "[vars]") !== section(desk, "[vars]"))
	problems.push("[vars] differ between wrangler.toml and wrangler.desk.toml");
const kvId = (text: string) => /\[\[kv_namespaces\]\][^[]*?id = "([^"]*)"/s.exec(text)?.[1];
if (kvId(reader) !== kvId(desk)) problems.push("the NEWS namespace ids differ");
if (problems.length > 0) {
	console.error(problems.join("\n"));
	process.exit(1);
}
console.log("wrangler.toml and wrangler.desk.toml agree: same [vars], same NEWS namespace");
