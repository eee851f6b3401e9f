import { describe, expect, it } from "vitest";
import { xmlText } from "./xml";

describe("xmlText", () => {
	it("Should escape markup and drop characters XML 1.0 cannot carry", () => {
		expect(xmlText(`a & b < c > "d" 'e'`)).toBe("a &amp; b &lt; c &gt; &quot;d&quot; &apos;e&apos;");
		expect(xmlText("tab\tnl\ncr\r ok\u0000\u0008\u000b\u001f\ufffe")).toBe("tab\tnl\ncr\r ok");
		expect(xmlText("lone \ud800 pair \ud83d\ude00 low \udc00")).toBe("lone  pair \ud83d\ude00 low ");
	});
});
