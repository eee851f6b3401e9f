/** @module HTML character references: decoding named and numeric references the way browsers do. */

/** Latin-1 names in code point order from U+00A0; every one is also a legacy name (decoded without a `;`). */
const LATIN1 =
	"nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 acute " +
	"micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave Aacute Acirc Atilde Auml Aring AElig " +
	"Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash " +
	"Ugrave Uacute Ucirc Uuml Yacute THORN szlig agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc " +
	"euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml " +
	"yacute thorn yuml";

/**
 * The rest of HTML 4's entities plus the HTML5 names that show up in feeds and in filter-evasion payloads
 * (`&colon;`, `&Tab;`, `&NewLine;`…). Format: `name:codepoint` (decimal), space separated.
 */
const OTHERS =
	"quot:34 amp:38 apos:39 lt:60 gt:62 QUOT:34 AMP:38 LT:60 GT:62 COPY:169 REG:174 " +
	"Tab:9 NewLine:10 excl:33 num:35 dollar:36 percnt:37 lpar:40 rpar:41 ast:42 plus:43 comma:44 period:46 " +
	"sol:47 colon:58 semi:59 equals:61 quest:63 commat:64 lsqb:91 lbrack:91 bsol:92 rsqb:93 rbrack:93 Hat:94 " +
	"lowbar:95 grave:96 lcub:123 lbrace:123 verbar:124 vert:124 rcub:125 rbrace:125 " +
	"OElig:338 oelig:339 Scaron:352 scaron:353 Yuml:376 fnof:402 circ:710 tilde:732 " +
	"Alpha:913 Beta:914 Gamma:915 Delta:916 Epsilon:917 Zeta:918 Eta:919 Theta:920 Iota:921 Kappa:922 Lambda:923 " +
	"Mu:924 Nu:925 Xi:926 Omicron:927 Pi:928 Rho:929 Sigma:931 Tau:932 Upsilon:933 Phi:934 Chi:935 Psi:936 Omega:937 " +
	"alpha:945 beta:946 gamma:947 delta:948 epsilon:949 zeta:950 eta:951 theta:952 iota:953 kappa:954 lambda:955 " +
	"mu:956 nu:957 xi:958 omicron:959 pi:960 rho:961 sigmaf:962 sigma:963 tau:964 upsilon:965 phi:966 chi:967 " +
	"psi:968 omega:969 thetasym:977 upsih:978 piv:982 " +
	"ensp:8194 emsp:8195 numsp:8199 puncsp:8200 thinsp:8201 hairsp:8202 ZeroWidthSpace:8203 zwnj:8204 zwj:8205 " +
	"lrm:8206 rlm:8207 hyphen:8208 dash:8208 ndash:8211 mdash:8212 horbar:8213 lsquo:8216 rsquo:8217 rsquor:8217 " +
	"sbquo:8218 ldquo:8220 rdquo:8221 bdquo:8222 ldquor:8222 dagger:8224 Dagger:8225 bull:8226 hellip:8230 " +
	"mldr:8230 permil:8240 prime:8242 Prime:8243 lsaquo:8249 rsaquo:8250 oline:8254 frasl:8260 euro:8364 " +
	"image:8465 weierp:8472 real:8476 trade:8482 alefsym:8501 larr:8592 uarr:8593 rarr:8594 darr:8595 harr:8596 " +
	"crarr:8629 lArr:8656 uArr:8657 rArr:8658 dArr:8659 hArr:8660 forall:8704 part:8706 exist:8707 empty:8709 " +
	"nabla:8711 isin:8712 notin:8713 ni:8715 prod:8719 sum:8721 minus:8722 lowast:8727 radic:8730 prop:8733 " +
	"infin:8734 ang:8736 and:8743 or:8744 cap:8745 cup:8746 int:8747 there4:8756 sim:8764 cong:8773 asymp:8776 " +
	"ne:8800 equiv:8801 le:8804 ge:8805 sub:8834 sup:8835 nsub:8836 sube:8838 supe:8839 oplus:8853 otimes:8855 " +
	"perp:8869 sdot:8901 lceil:8968 rceil:8969 lfloor:8970 rfloor:8971 lang:10216 rang:10217 loz:9674 " +
	"spades:9824 clubs:9827 hearts:9829 diams:9830 starf:9733 star:9734 check:10003 half:189 centerdot:183 " +
	"NonBreakingSpace:160";

/** Names browsers also decode without the trailing `;` (the HTML spec's legacy list, restricted to what we know). */
const LEGACY = new Set(["amp", "lt", "gt", "quot", "AMP", "LT", "GT", "QUOT", "COPY", "REG", ...LATIN1.split(" ")]);

const NAMED = new Map<string, string>();
for (const [i, name] of LATIN1.split(" ").entries()) NAMED.set(name, String.fromCharCode(0xa0 + i));
for (const pair of OTHERS.split(" ")) {
	const [name = "", code = "0"] = pair.split(":");
	NAMED.set(name, String.fromCodePoint(Number(code)));
}

/** HTML maps references to C1 controls onto windows-1252 (WHATWG HTML, "numeric character reference end state"). */
const C1 =
	"\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f" +
	"\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178";

function fromCodePoint(code: number): string {
	if (!Number.isFinite(code) || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return "\ufffd";
	if (code === 0) return "\ufffd";
	if (code >= 0x80 && code <= 0x9f) return C1[code - 0x80] ?? "\ufffd";
	// Other controls decode as themselves, as in browsers, so URL checks see what a browser would;
	// the escapers below drop them from output.
	return String.fromCodePoint(code);
}

const REFERENCE = /&(?:#[xX]([0-9a-fA-F]{1,8})|#([0-9]{1,10})|([A-Za-z][A-Za-z0-9]{0,31}));?/g;

/**
 * Decode character references. In attribute values (`inAttribute`), a legacy name without `;` followed by
 * an alphanumeric or `=` stays literal, as browsers do, so `?a=1&copy=2` keeps its query.
 */
export function decodeEntities(text: string, inAttribute = false): string {
	if (!text.includes("&")) return text;
	return text.replace(REFERENCE, (match, hex?: string, dec?: string, name?: string, offset = 0) => {
		if (hex !== undefined) return fromCodePoint(Number.parseInt(hex, 16));
		if (dec !== undefined) return fromCodePoint(Number.parseInt(dec, 10));
		if (name === undefined) return match;
		if (match.endsWith(";")) {
			const known = NAMED.get(name);
			if (known !== undefined) return known;
		}
		return decodeLegacy(match, name, text.charAt(offset + match.length), inAttribute);
	});
}

/** Longest legacy name that prefixes `name` (`&notit;` is `¬it;`), or the match unchanged. */
function decodeLegacy(match: string, name: string, next: string, inAttribute: boolean): string {
	for (let length = Math.min(name.length, 6); length >= 2; length--) {
		const prefix = name.slice(0, length);
		if (!LEGACY.has(prefix)) continue;
		const rest = match.slice(1 + length);
		const follower = rest === "" ? next : rest.charAt(0);
		if (inAttribute && /[A-Za-z0-9=]/.test(follower)) return match;
		return (NAMED.get(prefix) ?? "") + rest;
	}
	return match;
}

const ESCAPES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };
/** Control characters other than tab, newline and carriage return: never meaningful in HTML output. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROLS = /[\u0000-\u0008\u000b-\u000c\u000e-\u001f\u007f]/g;

/** Escape text for an HTML text node. */
export function escapeText(text: string): string {
	return text.replace(CONTROLS, "").replace(/[&<>]/g, (c) => ESCAPES[c] ?? c);
}

/** Escape text for a double-quoted HTML attribute value. */
export function escapeAttribute(text: string): string {
	return text.replace(CONTROLS, "").replace(/[&<>"]/g, (c) => ESCAPES[c] ?? c);
}
