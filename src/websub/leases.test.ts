import { describe, expect, it } from "vitest";
import {
	lapse,
	needsRequest,
	RENEW_BEFORE_MS,
	refused,
	requested,
	type Subscription,
	VERIFY_WITHIN_MS,
} from "./leases";

const T = Date.parse("2026-11-25T10:00:00Z");
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function sub(overrides: Partial<Subscription> = {}): Subscription {
	return {
		sourceId: "s",
		hub: "https://hub.example/",
		topic: "https://s.example/feed",
		callbackId: "0".repeat(32),
		secret: "secret",
		mode: "subscribe",
		state: "pending",
		leaseUntil: null,
		requestedAt: null,
		lastError: null,
		...overrides,
	};
}

describe("subscription leases", () => {
	it("Should send a first request, and nothing more while the hub has an hour to verify it", () => {
		expect(needsRequest(sub(), T)).toBe(true);
		const sent = requested(sub(), T);
		expect(sent).toMatchObject({ state: "pending", requestedAt: T });
		expect(needsRequest(sent, T + VERIFY_WITHIN_MS - 1)).toBe(false);
		expect(lapse(sent, T + VERIFY_WITHIN_MS - 1).state).toBe("pending");
		expect(lapse(sent, T + VERIFY_WITHIN_MS)).toMatchObject({ state: "lost", lastError: expect.any(String) });
	});

	it("Should renew a live lease once less than a day is left, and lose it when it runs out", () => {
		const liveSub = sub({ state: "live", requestedAt: T, leaseUntil: T + 7 * DAY });
		expect(needsRequest(liveSub, T + 5 * DAY)).toBe(false);
		expect(needsRequest(liveSub, T + 7 * DAY - RENEW_BEFORE_MS + 1)).toBe(true);
		const renewing = requested(liveSub, T + 6.5 * DAY);
		expect(renewing.state).toBe("live");
		expect(needsRequest(renewing, T + 6.5 * DAY + HOUR / 2)).toBe(false);
		expect(needsRequest(renewing, T + 6.5 * DAY + HOUR)).toBe(true);
		expect(lapse(liveSub, T + 7 * DAY)).toMatchObject({ state: "lost" });
	});

	it("Should retry a lost subscription after a day, and keep a live one live when a renewal is refused", () => {
		const lost = sub({ state: "lost", requestedAt: T });
		expect(needsRequest(lost, T + DAY - 1)).toBe(false);
		expect(needsRequest(lost, T + DAY)).toBe(true);
		expect(refused(sub({ state: "pending", requestedAt: T }), "the hub answered 500")).toMatchObject({
			state: "lost",
			lastError: "the hub answered 500",
		});
		expect(refused(sub({ state: "live", leaseUntil: T + DAY }), "down")).toMatchObject({ state: "live" });
	});

	it("Should send an unsubscribe once", () => {
		const leaving = sub({ mode: "unsubscribe" });
		expect(needsRequest(leaving, T)).toBe(true);
		expect(needsRequest(requested(leaving, T), T + 10 * DAY)).toBe(false);
	});
});
