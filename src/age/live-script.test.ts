import { afterEach, describe, expect, it, vi } from "vitest";
import { compactScript, LIVE_AGE_SCRIPT, liveAges } from "./live-script";
import { ageLabel, DATE_FORMAT, SCALE, scaleWords } from "./scale";

const NOW = Date.parse("2026-11-25T12:00:00Z");
const M = 60_000;

function fakeDocument(publishedAt: string[], timeZone = "UTC") {
	const times = publishedAt.map((iso) => ({ dateTime: iso, textContent: "server text" as string | null }));
	const listeners = new Map<string, () => void>();
	return {
		times,
		listeners,
		doc: {
			documentElement: { dataset: { tz: timeZone } },
			querySelectorAll: (selector: string) => (selector === "time[data-age]" ? times : []),
			addEventListener: (type: string, listener: () => void) => listeners.set(type, listener),
		},
	};
}

describe("LIVE_AGE_SCRIPT", () => {
	it("Should stay under 1 KB", () => {
		expect(new TextEncoder().encode(LIVE_AGE_SCRIPT).byteLength).toBeLessThan(1024);
	});

	it("Should embed scale.ts's own function and table, not a copy", () => {
		expect(LIVE_AGE_SCRIPT).toContain(compactScript(scaleWords.toString()));
		for (const step of SCALE) expect(LIVE_AGE_SCRIPT).toContain(JSON.stringify(step.text));
		expect(LIVE_AGE_SCRIPT).toContain(JSON.stringify(DATE_FORMAT));
		expect(LIVE_AGE_SCRIPT).toMatch(/^\(function liveAges\(/);
	});

	it("Should be safe to inline: nothing that could end the script element", () => {
		expect(LIVE_AGE_SCRIPT).not.toMatch(/<\/|<!--/);
	});
});

describe("liveAges", () => {
	afterEach(() => {
		vi.useRealTimers();
	});

	it("Should leave the server's text until a minute passes, then rewrite every age with the server's scale", () => {
		vi.useFakeTimers({ now: NOW });
		const offsets = [59.5 * M, 30 * 1000, 119 * M, 23.99 * 60 * M, 6.99 * 24 * 60 * M, 30 * 24 * 60 * M, -10 * M];
		const { doc, times } = fakeDocument(offsets.map((ms) => new Date(NOW - ms).toISOString()));
		liveAges(
			doc,
			scaleWords,
			SCALE.map((s) => [s.below, s.unit, s.text] as const),
			DATE_FORMAT,
		);
		vi.advanceTimersByTime(59_999);
		expect(times.every((t) => t.textContent === "server text")).toBe(true);
		vi.advanceTimersByTime(1);
		expect(times.map((t) => t.textContent)).toEqual(offsets.map((ms) => ageLabel(NOW - ms, NOW + M)));
		expect(times[0]!.textContent).toBe("about 1 hour ago");
	});

	it("Should use the site time zone from <html data-tz> for calendar dates", () => {
		vi.useFakeTimers({ now: NOW });
		const { doc, times } = fakeDocument(["2026-11-01T23:30:00Z"], "Asia/Tokyo");
		liveAges(
			doc,
			scaleWords,
			SCALE.map((s) => [s.below, s.unit, s.text] as const),
			DATE_FORMAT,
		);
		vi.advanceTimersByTime(M);
		expect(times[0]!.textContent).toBe("Nov 2, 2026");
	});

	it("Should rewrite the ages at once when the new-stories notice asks (an edgewire:ages event)", () => {
		vi.useFakeTimers({ now: NOW });
		const { doc, times, listeners } = fakeDocument([new Date(NOW - 20 * M).toISOString()]);
		liveAges(
			doc,
			scaleWords,
			SCALE.map((s) => [s.below, s.unit, s.text] as const),
			DATE_FORMAT,
		);
		listeners.get("edgewire:ages")?.();
		expect(times[0]!.textContent).toBe("20 mins ago");
	});

	it("Should skip a time whose datetime doesn't parse", () => {
		vi.useFakeTimers({ now: NOW });
		const { doc, times } = fakeDocument(["not a date"]);
		liveAges(
			doc,
			scaleWords,
			SCALE.map((s) => [s.below, s.unit, s.text] as const),
			DATE_FORMAT,
		);
		vi.advanceTimersByTime(M);
		expect(times[0]!.textContent).toBe("server text");
	});
});

describe("compactScript", () => {
	it("Should drop comments and spare whitespace but keep string literals and needed spaces", () => {
		expect(compactScript('function  f ( a ) {\n  // note\n  return "a  b" + /* x */ a - -1;\n}')).toBe(
			'function f(a){return"a  b"+a- -1;}',
		);
		expect(compactScript("const s = 'it\\'s';")).toBe("const s='it\\'s';");
	});

	it("Should refuse template literals rather than mangle them", () => {
		expect(() => compactScript("const s = `a  b`;")).toThrow(/template/);
	});
});
