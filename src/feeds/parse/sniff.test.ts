import { describe, expect, it } from "vitest";
import { sniff } from "./sniff";

describe("sniff", () => {
	it.each([
		["", "empty"],
		["  \n ", "empty"],
		['{"version":"https://jsonfeed.org/version/1.1"}', "json"],
		["<!DOCTYPE html><html><body>x</body></html>", "html"],
		["<html lang=en>", "html"],
		["hello", "unknown"],
	])("Should sniff %j as %s", (text, kind) => {
		expect(sniff(text).kind).toBe(kind);
	});

	it.each([
		['<?xml version="1.0"?>\n<!-- a <comment> -->\n<rss version="2.0">', "rss"],
		['<?xml-stylesheet href="s.xsl"?><feed xmlns="http://www.w3.org/2005/Atom">', "feed"],
		['<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">', "rdf"],
		['<!DOCTYPE rss [<!ENTITY x "a>b">]><rss>', "rss"],
		['<atom:feed xmlns:atom="http://www.w3.org/2005/Atom">', "feed"],
		["<opml>", "opml"],
	])("Should find the root of %j", (text, root) => {
		expect(sniff(text)).toEqual({ kind: "xml", root });
	});
});
